/**
 * The year-end city of `npm run bench -- workflow`: a city (the receiving level, its Board of Emulation and
 * Commendation) and wards that send, their officers and specialists with sessions, dossiers sent through the
 * dossiers module's own functions (each with a nominee, every required part, the check overridden, submitted), and
 * 10,000 more open dossiers at the city written set-based (dossiers/bulk.ts).
 */
import { resolveSession } from '../src/modules/auth/sessions.ts';
import type { AuthUser } from '../src/modules/auth/roles.ts';
import { insertSentDossiers } from '../src/modules/dossiers/bulk.ts';
import { createDossier, overrideCheck } from '../src/modules/dossiers/commands.ts';
import { addPart } from '../src/modules/dossiers/commands-parts.ts';
import { samplePdf } from '../src/modules/dossiers/pdf.ts';
import { nomineesOf } from '../src/modules/dossiers/repo-children.ts';
import { transition } from '../src/modules/dossiers/transition.ts';
import { requiredParts, workflowOn } from '../src/modules/dossiers/workflow.ts';
import { type Db, openPostgres } from '../src/server/db.ts';
import { cccdPrefix } from '../src/shared/cccd.ts';
import { cityToday } from '../src/shared/clock.ts';
import { makePerson, makeUnit, makeUser } from '../tests/support/factories.ts';
// The composition root's wiring (auth's scopes over org's tree), as in every program that runs use cases.
import '../src/server/wiring.ts';

export const AWARD = 'ministerial_provincial_certificate_of_merit';

export interface BenchUser {
  id: number;
  cookie: string;
}

/** A dossier the clients move: its sender ward's officer acts at the sender level, a city specialist at the receiver. */
export interface LoadDossier {
  id: number;
  version: number;
  state: string;
  nomineeId: number;
  officer: BenchUser;
}

export interface WorkflowWorld {
  city: number;
  specialists: BenchUser[];
  dossiers: LoadDossier[];
  /** The 10,000 open dossiers held at the city for the inbox. */
  openIds: number[];
}

/** A database of its own, dropped first (every run starts empty). @returns its URL */
export async function freshDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`drop database if exists ${name} with (force)`);
  await admin.exec(`create database ${name}`);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const again = await openPostgres(adminUrl, 1);
    await again.exec(`drop database if exists ${name} with (force)`);
    await again.close();
  };
  return { url: url.toString(), drop };
}

/** Runs `fn` over the items, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

const userOf = async (db: Db, u: { id: number; cookie: string }): Promise<AuthUser> => {
  const user = await resolveSession(db, u.cookie.slice(u.cookie.indexOf('=') + 1), 12);
  if (!user) throw new Error(`no session for user ${u.id}`);
  return user;
};

/** One dossier from a ward to the city, complete and submitted through the module's use cases. */
async function sentDossier(db: Db, officer: AuthUser, ward: number, city: number, personId: number): Promise<{ id: number; version: number; nomineeId: number }> {
  const { id } = await createDossier(db, officer, { title: 'Đề nghị tặng Bằng khen của Chủ tịch UBND thành phố', awardType: 'merit', awardCode: AWARD, year: 2025, senderUnitId: ward, receiverUnitId: city, nominees: [{ personId }] });
  const [nominee] = await nomineesOf(db, id);
  let version = 1;
  for (const part of requiredParts(workflowOn(cityToday()), 'merit')) {
    const added = await addPart(db, officer, id, { version, kind: part.kind, nomineeId: part.per_nominee ? nominee.id : null, fileName: `${part.kind}.pdf`, content: samplePdf(part.kind) });
    version = added.version;
  }
  if (nominee.eligible !== 'true') version = (await overrideCheck(db, officer, id, nominee.id, { version, reason: 'Thành tích xuất sắc, Hội đồng đã xét' })).version;
  const sent = await transition(db, officer, id, { action: 'submit', version });
  return { id, version: sent.version, nomineeId: nominee.id };
}

/**
 * The city, `wards` wards with one officer each, `specialists` Board specialists, `loadDossiers` dossiers sent for
 * the clients and `open` more held at the city.
 */
export async function seedWorkflowWorld(db: Db, o: { wards: number; specialists: number; loadDossiers: number; open: number; log: (m: string) => void }): Promise<WorkflowWorld> {
  const t = performance.now();
  const nation = await makeUnit(db, { kind: 'other', name: 'Bộ Nội vụ' });
  const city = await makeUnit(db, { parentId: nation, kind: 'city_committee', name: 'UBND thành phố Hà Nội' });
  const wards = await inParallel(Array.from({ length: o.wards }, (_, i) => i), 4, (i) => makeUnit(db, { parentId: city, kind: 'ward', name: `Phường số ${i + 1}` }));
  const officers = await inParallel(wards, 4, (ward) => makeUser(db, [{ role: 'unit_officer', orgUnitId: ward }]));
  const specialists = await inParallel(Array.from({ length: o.specialists }, (_, i) => i), 4, () => makeUser(db, [{ role: 'board_specialist', orgUnitId: city }]));
  const officerUsers = await Promise.all(officers.map((u) => userOf(db, u)));
  o.log(`units and users in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const t2 = performance.now();
  const dossiers = await inParallel(Array.from({ length: o.loadDossiers }, (_, i) => i), 6, async (i) => {
    const w = i % wards.length;
    const person = await makePerson(db, { unitId: wards[w], fullName: `Nguyễn Văn Thi Đua ${i + 1}`, nationalId: `${cccdPrefix('001', 'male', 1985)}${String(i).padStart(6, '0')}` });
    const d = await sentDossier(db, officerUsers[w], wards[w], city, person.id);
    return { id: d.id, version: d.version, state: 'submitted', nomineeId: d.nomineeId, officer: officers[w] };
  });
  o.log(`${dossiers.length} dossiers created and submitted through the module in ${((performance.now() - t2) / 1000).toFixed(1)} s`);

  const t3 = performance.now();
  const openIds: number[] = [];
  for (let done = 0; done < o.open; done += 2500) {
    const count = Math.min(2500, o.open - done);
    openIds.push(...(await db.tx((q) => insertSentDossiers(q, { id: officers[0].id, name: officers[0].username }, {
      count, senderUnitIds: wards, receiverUnitId: city, states: ['submitted', 'received', 'appraisal', 'council'], awardType: 'merit', awardCode: AWARD, year: 2025, createdBy: officers[0].id,
    }))));
  }
  await db.exec('analyze');
  o.log(`${openIds.length} open dossiers written set-based in ${((performance.now() - t3) / 1000).toFixed(1)} s`);
  return { city, specialists, dossiers, openIds };
}
