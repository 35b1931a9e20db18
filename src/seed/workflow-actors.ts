/**
 * The demo accounts as the signed-in users the modules' use cases expect (AuthUser, Actor, Scope), and the small
 * helpers the workflow seed shares: people of a unit's subtree to nominate, PDFs, city dates.
 */
import type { Actor } from '../modules/audit/audit.ts';
import type { AuthUser } from '../modules/auth/roles.ts';
import { type Scope, resolveScope } from '../modules/auth/scope.ts';
import type { Db, Queryable } from '../server/db.ts';
import type { Permission } from '../shared/enums.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { DEMO_CASES } from './demo-cases.ts';

export interface DemoUser {
  user: AuthUser;
  actor: Actor;
  scope(permission: Permission): Promise<Scope>;
}

export type DemoUsers = (username: string) => DemoUser;

/** The demo accounts by username, with their one role each (accounts.ts), as the use cases see a signed-in user. */
export function demoUsers(db: Db, ids: Map<string, number>, unitIds: Map<string, number>): DemoUsers {
  const cache = new Map<string, DemoUser>();
  return (username) => {
    const known = cache.get(username);
    if (known) return known;
    const a = DEMO_ACCOUNTS.find((x) => x.username === username);
    const id = ids.get(username);
    if (!a || id === undefined) throw new Error(`seed: no demo account ${username}`);
    const user: AuthUser = {
      id, username, displayName: a.displayName, locale: 'vi', mustChangePassword: false, mfaEnabled: false,
      roles: [{ role: a.role, orgUnitId: unitIds.get(a.unitCode) as number }],
    };
    const u: DemoUser = { user, actor: { id, name: username }, scope: (p) => resolveScope(db, user, p) };
    cache.set(username, u);
    return u;
  };
}

/** The named discovery cases stay as demo-cases.ts describes them: the workflow never nominates or rates them. */
const NAMED = DEMO_CASES.filter((c) => c.subject === 'individual').map((c) => c.name);

export interface PoolPerson { id: number; name: string; unitId: number; isLeader: boolean }

/**
 * People working today in a unit or the units under it (latest parents), the named cases and the named teams
 * excepted, in id order (deterministic for a given city).
 */
export async function peopleUnder(q: Queryable, unitId: number, excludeUnitIds: number[] = []): Promise<PoolPerson[]> {
  const rows = await q.query<{ id: number; full_name: string; unit_id: number; is_leader: boolean }>(
    `with recursive sub(id) as (select $1::bigint union all select u.id from org_unit u join sub on u.latest_parent_id = sub.id)
     select p.id, p.full_name, e.unit_id, e.is_leader
       from employment e join person p on p.id = e.person_id
      where e.to_date is null and e.unit_id in (select id from sub) and not (e.unit_id = any($2::bigint[])) and not (p.full_name = any($3::text[]))
      order by p.id`,
    [unitId, excludeUnitIds, NAMED],
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.full_name, unitId: Number(r.unit_id), isLeader: r.is_leader }));
}

/** An ISO date `days` calendar days from `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Takes the next `n` people of a pool (throws when the city is too small for the demo). */
export function taker(pool: PoolPerson[], what: string) {
  let next = 0;
  return (n = 1): PoolPerson[] => {
    if (next + n > pool.length) throw new Error(`seed: too few people for the workflow demo (${what}: ${pool.length})`);
    const out = pool.slice(next, next + n);
    next += n;
    return out;
  };
}
