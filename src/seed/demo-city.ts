import { SYSTEM_ACTOR, audit } from '../modules/audit/audit.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { refreshStaleHistories } from '../modules/eligibility/history-digest.ts';
import type { Db } from '../server/db.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, writeAccounts } from './accounts.ts';
import { DEFAULT_YEARS, MAX_YEARS, generateHistory, historyYears } from './history-gen.ts';
import { buildOrgPlan } from './org-plan.ts';
import { generatePeople } from './people-gen.ts';
import { createRng } from './random.ts';
import { seedDemoWorkflow } from './demo-workflow.ts';
import { seedDemoMovements } from './demo-movements.ts';
import { seedDemoClusters } from './demo-clusters.ts';
import { writeFacts } from './seed-facts.ts';
import type { SeedResult } from './seed-if-empty.ts';
import { writeOrgPlan } from './seed-org.ts';
import { writeHistory, writePeople } from './seed-people.ts';

export interface DemoCityOptions {
  /** How many people (employees) to create. */
  people: number;
  log?: (msg: string) => void;
  /** Create the demo accounts (default true). */
  accounts?: boolean;
  /** PRNG seed; the same seed, count and years always give the same city. */
  seed?: number;
  /** The 2025 year-end and dossiers in every workflow state (demo-workflow.ts; default true, needs the accounts). */
  workflow?: boolean;
  /** Years of history up to 2025: 5 (default) → 2021–2025; 10 → 2016–2025 (the benchmark city). At least 5, at most 20. */
  years?: number;
}

export const DEMO_SEED = 20250701;

/**
 * Seeds a deterministic demo of Hà Nội: the city, 16 departments (with the March 2025 mergers),
 * 30 former districts and their communes merged into the 126 communes/wards of July 2025, schools,
 * health stations, hospitals, people with employment histories, five (or `years`) years of ratings, titles,
 * awards, initiatives, science projects, discipline, leave, review cases and collective ratings, the named demo
 * cases of Phường Ba Đình (demo-cases.ts), and one demo account per role. Everything but password hashing runs
 * in one transaction.
 * @example const { accounts } = await seedDemoCity(db, { people: 20_000 });
 * @throws Error when `years` is not a whole number between 5 and 20.
 */
export async function seedDemoCity(db: Db, opts: DemoCityOptions): Promise<SeedResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const yearCount = opts.years ?? DEFAULT_YEARS;
  if (!Number.isInteger(yearCount) || yearCount < DEFAULT_YEARS || yearCount > MAX_YEARS) throw new Error(`seed: years must be a whole number from ${DEFAULT_YEARS} to ${MAX_YEARS}`);
  const rng = createRng(opts.seed ?? DEMO_SEED);
  const plan = buildOrgPlan();
  const people = generatePeople(rng, plan, opts.people);
  const history = generateHistory(rng, plan, people, historyYears(yearCount));
  const withAccounts = opts.accounts !== false;
  // argon2 runs on libuv threads: hash while the database is busy writing.
  const hashing = withAccounts ? Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD))) : Promise.resolve([]);
  hashing.catch(() => undefined);
  log(`seed: generated ${plan.units.length} units and ${people.length} people in ${seconds()}`);

  let accountIds = new Map<string, number>();
  let unitIds = new Map<string, number>();
  await db.tx(async (q) => {
    unitIds = await writeOrgPlan(q, plan);
    const orgCounts = { units: plan.units.length, events: plan.events.length, lineage: plan.lineage.length };
    await audit(q, SYSTEM_ACTOR, [{ action: 'seed.org', entity: 'org_unit', entityId: null, before: null, after: orgCounts }]);
    log(`seed: ${orgCounts.units} units written (${seconds()})`);

    const { personIds, employments } = await writePeople(q, unitIds, people);
    await audit(q, SYSTEM_ACTOR, [{ action: 'seed.people', entity: 'person', entityId: null, before: null, after: { people: personIds.length, employments } }]);
    log(`seed: ${personIds.length} people, ${employments} employments written (${seconds()})`);

    await writeHistory(q, unitIds, personIds, history);
    await writeFacts(q, unitIds, personIds, history);
    const historyCounts = {
      years: `${history.years[0]}–${history.years.at(-1)}`, ratings: history.ratings.length, personTitles: history.titles.length, unitTitles: history.unitTitles.length,
      awards: history.awards.length, initiatives: history.initiatives.length, scienceProjects: history.scienceProjects.length, disciplines: history.disciplines.length,
      leaves: history.leaves.length, reviewCases: history.reviewCases.length, unitRatings: history.unitRatings.length,
    };
    await audit(q, SYSTEM_ACTOR, [{ action: 'seed.history', entity: 'person_year_rating', entityId: null, before: null, after: historyCounts }]);
    const { years, ratings, personTitles, awards, initiatives, disciplines, leaves, unitRatings } = historyCounts;
    log(`seed: ${years}: ${ratings} ratings, ${personTitles} titles, ${awards} awards, ${initiatives} initiatives, ${disciplines} disciplines, ${leaves} leaves, ${unitRatings} unit ratings written (${seconds()})`);

    if (withAccounts) accountIds = await writeAccounts(q, SYSTEM_ACTOR, unitIds, await hashing);
  });
  // Fresh statistics for the planner, and a visibility map, so that the first searches are planned well
  // (PGlite has no autovacuum; on a server this also spares the first minutes of autovacuum work).
  await db.exec('vacuum (analyze)');
  // Every person's history digest (what discovery reads), built once now rather than by the first discovery, and
  // after the statistics: without them the digest builder's lookups can be planned as scans.
  const digests = await refreshStaleHistories(db);
  await db.exec('vacuum (analyze) person_history_digest, person_history_stale');
  log(`seed: ${digests} history digests written (${seconds()})`);
  // The workflow runs after the city is committed: the modules' use cases open their own transactions.
  if (withAccounts && opts.workflow !== false) {
    await seedDemoWorkflow(db, accountIds, unitIds, log);
    log(`seed: 2025 year-end and dossiers written (${seconds()})`);
    await seedDemoMovements(db, unitIds);
    log(`seed: the four 2025 movements written (${seconds()})`);
    await seedDemoClusters(db, unitIds);
    log(`seed: Hà Nội's clusters and blocks written (${seconds()})`);
  }
  log(`seed: demo city ready in ${seconds()}`);
  const unitName = new Map(plan.units.map((u) => [u.code, u.versions[u.versions.length - 1].name]));
  return {
    password: withAccounts ? DEMO_PASSWORD : '',
    accounts: withAccounts ? DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role, unit: unitName.get(a.unitCode) ?? a.unitCode })) : [],
  };
}
