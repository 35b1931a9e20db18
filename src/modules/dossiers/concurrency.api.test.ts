/**
 * Two officers act on one dossier at once: exactly one transition wins, the others get 409 with what happened.
 * Real parallelism on PostgreSQL (DB_TARGET=postgres: a pool of connections, the row lock decides); on PGlite the
 * requests queue on its one connection and the rule is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { makePerson } from '../../../tests/support/factories.ts';
import { type DossierWorld, api, bodyFor, dossierIn, makeDossierWorld } from './test-dossiers.ts';

let ctx: TestContext;
let w: DossierWorld;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeDossierWorld(ctx.db);
});
afterAll(() => ctx.close());

describe('parallel transitions', () => {
  it('lets exactly one of several simultaneous steps on one dossier win; the rest get 409 naming the step that won', async () => {
    const a = api(ctx.app);
    for (let round = 0; round < 3; round++) {
      const d = await dossierIn(ctx.db, ctx.app, w, 'appraisal');
      // A return and a move to the council by two specialists, and a rejection by a leader, all from the same version.
      const tries = [
        a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('return', w, d.version, d.nominees)),
        a.send(w.atCity.system_admin, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('to_council', w, d.version, d.nominees)),
        a.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('reject', w, d.version, d.nominees)),
      ];
      const answers = await Promise.all(tries);
      const won = answers.filter((r) => r.statusCode === 200);
      const lost = answers.filter((r) => r.statusCode !== 200);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.json().error.code)).toEqual(['VERSION_CONFLICT', 'VERSION_CONFLICT']);
      const winner = won[0].json();
      for (const r of lost) expect(r.json().error.details).toMatchObject({ state: winner.state, events: [expect.objectContaining({ to: winner.state })] });
      const events = await ctx.db.query<{ n: number }>("select count(*)::int as n from dossier_event where dossier_id = $1 and from_state = 'appraisal'", [d.id]);
      expect(events[0].n).toBe(1);
    }
  });

  it('lets only one of two dossiers racing for the same nominee and award take them', async () => {
    const a = api(ctx.app);
    const person = await makePerson(ctx.db, { unitId: w.ward });
    const body = (title: string) => ({ title, awardType: 'merit', awardCode: 'ministerial_provincial_certificate_of_merit', senderUnitId: w.ward, receiverUnitId: w.city, nominees: [{ personId: person.id }] });
    const [r1, r2] = await Promise.all([a.send(w.atWard.unit_officer, 'POST', '/dossiers', body('Một')), a.send(w.atCity.board_specialist, 'POST', '/dossiers', body('Hai'))]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const rows = await ctx.db.query<{ n: number }>('select count(*)::int as n from dossier_nominee where person_id = $1', [person.id]);
    expect(rows[0].n).toBe(1);
  });
});
