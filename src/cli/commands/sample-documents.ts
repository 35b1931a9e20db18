import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../../server/db.ts';
import { openPglite } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import type { DocRef } from '../../modules/documents/service.ts';
import { sampleDocuments } from '../../modules/documents/samples.ts';
import { seedDemoCity } from '../../seed/demo-city.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';

/** What each sample is made from: the latest issued decision, a dossier with nominees, a closed council session. */
async function picks(db: Db): Promise<DocRef[]> {
  const one = async (sql: string) => (await db.query<{ id: number; dossier_id?: number }>(sql))[0];
  const decision = await one(`select id from decision where status = 'issued' and external_authority is null order by (select count(*) from decision_awardee a where a.decision_id = decision.id) desc, id desc limit 1`);
  const dossier = await one(`select d.id from dossier d where exists (select 1 from dossier_nominee n where n.dossier_id = d.id) order by d.id limit 1`);
  const nominee = dossier ? await one(`select id, dossier_id from dossier_nominee where dossier_id = ${Number(dossier.id)} order by id limit 1`) : undefined;
  const session = await one(`select id from council_session where status = 'closed' order by id desc limit 1`);
  return [
    ...(decision ? [{ kind: 'decision' as const, refId: decision.id }] : []),
    ...(dossier ? [{ kind: 'submission_letter' as const, refId: dossier.id }, { kind: 'dossier_cover' as const, refId: dossier.id }] : []),
    ...(nominee ? [{ kind: 'achievement_report' as const, refId: nominee.id, dossierId: Number(nominee.dossier_id) }] : []),
    ...(session ? [{ kind: 'council_minutes' as const, refId: session.id }] : []),
  ];
}

/** Certificates' samples, when that module publishes them (src/modules/certificates/samples.ts). */
async function certificateSamples(db: Db, dir: string, ctx: CliContext): Promise<void> {
  const file = new URL('../../modules/certificates/samples.ts', import.meta.url);
  if (!existsSync(file)) return;
  const mod = (await import(file.href)) as { sampleCertificates?: (db: Db, dir: string) => Promise<unknown> };
  if (typeof mod.sampleCertificates !== 'function') return;
  await mod.sampleCertificates(db, dir);
  ctx.out('sample-documents: certificates written');
}

export const sampleDocumentsCommand: Command = {
  name: 'sample-documents',
  usage: 'sample-documents DIR [--seed]',
  summary: 'Ghi mẫu mỗi loại văn bản (.docx, .pdf) từ dữ liệu mẫu (one of each document from the demo data; --seed or an empty database: a temporary demo city)',
  booleans: ['seed'],
  async run(args, ctx) {
    const dir = args.positional[0];
    if (!dir) {
      ctx.err('sample-documents: name the folder to write to, e.g. vinhdanh sample-documents ./mau-van-ban');
      return 2;
    }
    let db = await ctx.openDb();
    let temporary = false;
    try {
      await migrate(db);
      const empty = (await db.query<{ n: number }>('select count(*)::int as n from org_unit'))[0].n === 0;
      if (empty || args.options.get('seed') === true) {
        if (ctx.ownsDb) await db.close();
        ctx.out('sample-documents: seeding a temporary demo city in memory (the database is left as it is)…');
        db = await openPglite(null);
        temporary = true;
        await migrate(db);
        await seedDemoCity(db, { people: 3000, log: () => undefined });
      }
      const refs = await picks(db);
      ctx.out(`sample-documents: writing ${refs.length} documents to ${resolve(dir)}`);
      const written = await sampleDocuments(db, dir, refs, ctx.out);
      await certificateSamples(db, dir, ctx);
      return written.some((w) => w.failures.length) ? 1 : 0;
    } finally {
      if (temporary || ctx.ownsDb) await db.close();
    }
  },
};
