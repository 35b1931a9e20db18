/**
 * Every transition × role × level × state, driven by workflow.yaml: each allowed step works for every role that
 * holds its permission at its level; every other role and level is refused (403 DOSSIER_ACTION_FORBIDDEN) and every
 * other state (409 DOSSIER_ACTION_NOT_ALLOWED), with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { POLICY, ROLES, type Role } from '../auth/roles.ts';
import { type DossierWorld, type User, api, bodyFor, dossierIn, makeDossierWorld } from './test-dossiers.ts';
import { DOSSIER_STATES, type DossierState, type Transition, workflows } from './workflow.ts';

let ctx: TestContext;
let w: DossierWorld;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeDossierWorld(ctx.db);
});
afterAll(() => ctx.close());

const wf = workflows()[0];
type Seat = { role: Role; at: 'ward' | 'city'; user: () => User };
const SEATS: Seat[] = ROLES.flatMap((role) => [
  { role, at: 'ward' as const, user: () => w.atWard[role] },
  { role, at: 'city' as const, user: () => w.atCity[role] },
]);

/** The rule the matrix expects, written from the YAML and POLICY: the permission, and a role node covering the level's unit. */
const allowed = (t: Transition, s: Seat) => POLICY[t.permission].includes(s.role) && (s.at === 'city' || t.at === 'sender');

/** A dossier in `state` that meets every guard of `t` (award and type chosen for it; a consultation whose window has passed). */
async function readyFor(t: Transition, state: DossierState) {
  const consult = state === 'consultation' || t.action === 'open_consultation';
  const d = await dossierIn(ctx.db, ctx.app, w, state, { award: consult ? 'labor_order_3rd_class' : undefined, awardType: t.award_types?.[0], actDate: '2026-11-01' });
  if (state === 'consultation') await ctx.db.query("update dossier set consultation_until = date '2026-01-02' where id = $1", [d.id]);
  return d;
}

const snapshot = async (id: number) => (await ctx.db.query('select state, version, holder_unit_id, (select count(*) from dossier_event e where e.dossier_id = $1)::int as events from dossier where id = $1', [id]))[0];

describe.each(wf.transitions.map((t) => [t.action, t] as const))('%s', (_name, t) => {
  it.each(t.from.map((s) => [s]))(`from %s: allowed roles at the ${t.at} level succeed, every other seat is refused with no change`, async (from) => {
    const a = api(ctx.app);
    const d = await readyFor(t, from);
    const before = await snapshot(d.id);
    for (const seat of SEATS.filter((s) => !allowed(t, s))) {
      const res = await a.send(seat.user(), 'POST', `/dossiers/${d.id}/transitions`, bodyFor(t.action, w, d.version, d.nominees));
      expect([res.statusCode, res.json().error?.code], `${seat.role}@${seat.at}`).toEqual([403, 'DOSSIER_ACTION_FORBIDDEN']);
    }
    expect(await snapshot(d.id)).toEqual(before);
    const ok = SEATS.filter((s) => allowed(t, s));
    expect(ok.length).toBeGreaterThan(0);
    // The first from-state tries every allowed seat (a dossier each); the other from-states one seat.
    for (const seat of from === t.from[0] ? ok : ok.slice(0, 1)) {
      const target = seat === ok[0] ? d : await readyFor(t, from);
      const res = await a.send(seat.user(), 'POST', `/dossiers/${target.id}/transitions`, bodyFor(t.action, w, target.version, target.nominees));
      expect([res.statusCode, res.json().state], `${seat.role}@${seat.at}: ${res.body}`).toEqual([200, t.to]);
    }
  });
});

describe('states a step does not start from', () => {
  it.each(DOSSIER_STATES.map((s) => [s]))('from %s: every other action is refused with 409 and nothing changes', async (state) => {
    const a = api(ctx.app);
    const d = await dossierIn(ctx.db, ctx.app, w, state, { award: state === 'consultation' ? 'labor_order_3rd_class' : undefined });
    const before = await snapshot(d.id);
    const admin = w.atCity.system_admin; // holds every permission at every level: only the state refuses
    for (const t of wf.transitions.filter((x) => !x.from.includes(state))) {
      const res = await a.send(admin, 'POST', `/dossiers/${d.id}/transitions`, bodyFor(t.action, w, d.version, d.nominees));
      expect([res.statusCode, res.json().error?.code, res.json().error?.details?.rule], t.action).toEqual([409, 'DOSSIER_ACTION_NOT_ALLOWED', 'state']);
    }
    // Award-type steps (the fast track) are refused for other types even from their state.
    for (const t of wf.transitions.filter((x) => x.from.includes(state) && x.award_types && !x.award_types.includes('merit'))) {
      const res = await a.send(admin, 'POST', `/dossiers/${d.id}/transitions`, bodyFor(t.action, w, d.version, d.nominees));
      expect(res.json().error?.details?.rule, t.action).toBe('award_type');
    }
    expect(await snapshot(d.id)).toEqual(before);
  });
});
