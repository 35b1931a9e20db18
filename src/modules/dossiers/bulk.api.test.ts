import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { insertSentDossiers } from './bulk.ts';
import { type DossierWorld, api, makeDossierWorld } from './test-dossiers.ts';

let ctx: TestContext;
let w: DossierWorld;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeDossierWorld(ctx.db);
});
afterAll(() => ctx.close());

describe('insertSentDossiers (set-based, for benchmarks and load tests)', () => {
  it('writes dossiers held at the receiver with the create and submit events and an audit entry each, seen by its inbox', async () => {
    const officer = w.atWard.unit_officer;
    const ids = await ctx.db.tx((q) => insertSentDossiers(q, { id: officer.id, name: officer.username }, {
      count: 30, senderUnitIds: [w.ward, w.other], receiverUnitId: w.city, states: ['submitted', 'appraisal', 'council'], awardType: 'merit',
      awardCode: 'ministerial_provincial_certificate_of_merit', year: 2025, createdBy: officer.id,
    }));
    expect(ids).toHaveLength(30);
    const rows = await ctx.db.query<{ state: string; n: number; versions: number[] }>(
      `select d.state, count(*)::int as n, array_agg(distinct d.version) as versions from dossier d where d.id = any($1::bigint[]) and d.holder_unit_id = $2 group by d.state order by d.state`,
      [ids, w.city],
    );
    expect(rows).toEqual([{ state: 'appraisal', n: 10, versions: [2] }, { state: 'council', n: 10, versions: [2] }, { state: 'submitted', n: 10, versions: [2] }]);
    const events = await ctx.db.query<{ action: string; to: string; version: number }>('select action, to_state as to, version from dossier_event where dossier_id = $1 order by id', [ids[1]]);
    expect(events).toEqual([{ action: 'create', to: 'draft', version: 1 }, { action: 'submit', to: 'appraisal', version: 2 }]);
    const [{ n }] = await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where entity = 'dossier' and action = 'dossier.create' and entity_id = any($1::text[])", [ids.map(String)]);
    expect(n).toBe(30);
    const inbox = (await api(ctx.app).send(w.atCity.board_specialist, 'GET', '/inbox')).json();
    const toAppraise = inbox.groups.find((g: { kind: string }) => g.kind === 'dossiers.to_appraise');
    expect(toAppraise.count).toBeGreaterThanOrEqual(30);
    // Still a dossier like any other: its detail answers, the next step is taken from its state and version.
    const d = await api(ctx.app).detail(w.atCity.board_specialist, ids[0]);
    expect({ state: d.state, version: d.version }).toEqual({ state: 'submitted', version: 2 });
  });
});
