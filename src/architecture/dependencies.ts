/**
 * The declared direction of dependencies between modules (src/modules/<name>/): each module → the modules whose
 * files it may import. This is the source of ARCHITECTURE.md's diagram; `ownership.test.ts` fails when an import
 * points elsewhere, when this graph has a cycle, or when a file's SQL names a table another module's migrations
 * create. A module missing here may import no other module.
 */
export const MODULE_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  // The append-only log and the version check every write uses: the bottom, imports nothing.
  audit: [],
  // Accounts, sessions, roles and scopes.
  auth: ['audit'],
  org: ['auth', 'audit'],
  people: ['org', 'auth', 'audit'],
  // Ratings imports write through the evaluations module's batch command (issue 12).
  imports: ['evaluations', 'people', 'org', 'auth', 'audit'],
  // The law as data; only settings-repo.ts touches the database (and the audit log).
  catalogue: ['audit'],
  // The pure engine: plain data in, verdicts out.
  rules: ['catalogue'],
  eligibility: ['rules', 'catalogue', 'people', 'org', 'auth', 'audit'],
  backup: ['auth', 'audit'],
  // The workflow from evaluation to decision (issue 12), bottom to top.
  // Working days and holidays (deadlines).
  calendar: ['auth', 'audit'],
  // In-app notifications, e-mail, and the inbox every module above registers what waits for a user in.
  notifications: ['org', 'auth', 'audit'],
  // Yearly task-completion ratings (schemes, sheets, caps) and registration of targets.
  evaluations: ['calendar', 'notifications', 'catalogue', 'people', 'org', 'auth', 'audit'],
  // Councils: members, attendance, ballots, thresholds from the catalogue.
  councils: ['notifications', 'catalogue', 'people', 'org', 'auth', 'audit'],
  // The decisions register: numbers, awardees, issuing writes history through people.
  decisions: ['notifications', 'catalogue', 'people', 'org', 'auth', 'audit'],
  // Certificates of issued decisions: blanks as data, register numbers, codes, printing, public verification (issue 13).
  certificates: ['signatures', 'decisions', 'catalogue', 'people', 'org', 'auth', 'audit'],
  // Nomination dossiers and the workflow as data.
  // Signed PDFs of issued decisions, their CMS signatures verified against trusted roots (issue 13).
  signatures: ['decisions', 'catalogue', 'people', 'org', 'auth', 'audit'],
  dossiers: ['decisions', 'councils', 'evaluations', 'eligibility', 'rules', 'calendar', 'notifications', 'catalogue', 'people', 'org', 'auth', 'audit'],
  // Documents in the Decree 30/2020 format made from decisions, dossiers and council sessions; issued with a decision (issue 13).
  documents: ['dossiers', 'decisions', 'councils', 'catalogue', 'people', 'org', 'auth', 'audit'],
  // The annual review of a unit: candidates, registration, council, then decisions and dossiers in one step.
  // Reward money: amounts per awardee, payment lists, the yearly fund and its check before a decision is issued.
  rewards: ['decisions', 'rules', 'catalogue', 'org', 'auth', 'audit'],
  // Clusters and blocks (issue 14): members and head per year, scoring sheets, ranking, proposals into dossiers.
  clusters: ['dossiers', 'catalogue', 'org', 'auth', 'audit'],
  // Movements (issue 14): criteria, registrations, progress reports, final review into dossiers (type movement).
  movements: ['dossiers', 'catalogue', 'org', 'auth', 'audit'],
  reviews: ['dossiers', 'decisions', 'councils', 'evaluations', 'eligibility', 'rules', 'calendar', 'notifications', 'catalogue', 'people', 'org', 'auth', 'audit'],
};

/**
 * Files outside src/modules that put modules together (the server's start-up and app assembly, the wiring of
 * modules that meet at run time without importing each other, the CLI, the seed, benchmarks, scripts, tests). They may import and write everything; a module imports none of them, except
 * a type from `src/server/app.ts` (`ModuleDeps`, what every module's routes receive), which costs nothing at run time.
 */
export const COMPOSITION_ROOTS: readonly string[] = ['src/server/app.ts', 'src/server/main.ts', 'src/server/wiring.ts', 'src/cli/', 'src/seed/', 'bench/', 'scripts/', 'tests/'];

/**
 * The other files under src/server and src/shared are infrastructure every module may use (the `Db` interface,
 * request helpers, errors, dates). A module that imports one takes on the modules that file imports, at any
 * depth: `src/server/http.ts` brings `auth` (authorize) and `audit` (the actor's type) with it.
 */
export const INFRASTRUCTURE: readonly string[] = ['src/server/', 'src/shared/'];
