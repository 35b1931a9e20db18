import { existsSync } from 'node:fs';
import { benchFirstStart } from './first-start.ts';
import { note, report } from './report.ts';
import { benchRules, benchRulesPostgres } from './rules.ts';
import { benchRatingsImport } from './ratings.ts';
import { benchSearch } from './search.ts';
import { benchWorkflow } from './workflow.ts';
import { benchDocuments } from './documents.ts';
import { benchCertificates } from './certificates.ts';
import { benchMovementsPglite, benchMovementsPostgres } from './movements.ts';
import { benchClustersPglite, benchClustersPostgres } from './clusters.ts';

// `npm run bench -- foundation [first_start|search|search_pglite|search_postgres|import]…` or `npm run bench -- rules`
type Figure = { name: string; run: () => Promise<void> };

const FIGURES: Figure[] = [
  { name: 'first_start', run: async () => report('first_start_s', await benchFirstStart(), 's') },
  { name: 'search_pglite', run: async () => report('search_p95_ms_pglite', await benchSearch('pglite'), 'ms') },
  { name: 'search_postgres', run: async () => report('search_p95_ms_postgres', await benchSearch('postgres'), 'ms') },
  {
    name: 'import',
    run: async () => {
      const file = new URL('./import.ts', import.meta.url);
      if (!existsSync(file)) {
        process.stdout.write('bench: import_100k_s missing (bench/import.ts does not exist yet)\n');
        return;
      }
      const mod = (await import(file.href)) as { benchImportVsFloor?: () => Promise<{ importSeconds: number; floorSeconds: number }> };
      if (typeof mod.benchImportVsFloor !== 'function') {
        process.stdout.write('bench: import_100k_s missing (bench/import.ts exports no benchImportVsFloor)\n');
        return;
      }
      // The floor (reading the same file with the same streaming reader, COPY into the same tables) runs in the same
      // process right after: the ratio holds whatever this machine's speed is at the hour (it varies 2–3×).
      const { importSeconds, floorSeconds } = await mod.benchImportVsFloor();
      report('import_100k_s', importSeconds, 's');
      report('import_floor_s', floorSeconds, 's');
      report('import_vs_floor', importSeconds / floorSeconds, 'x');
    },
  },
  { name: 'rules', run: benchRules },
  { name: 'rules_postgres', run: benchRulesPostgres },
  // transitions_per_s, transition_p95_ms, transition_p99_ms, lost_or_duplicated, inbox_p95_ms (bench/workflow.ts)
  { name: 'workflow', run: benchWorkflow },
  { name: 'ratings', run: async () => report('ratings_import_300k_s', await benchRatingsImport(), 's') },
  // certificates_1000_s, verify_p95_ms (bench/certificates.ts, issue 13 H2)
  { name: 'certificates', run: benchCertificates },
  // decision_docx_500_s (bench/documents.ts, issue 13 H1)
  { name: 'documents', run: benchDocuments },
  // movement_dashboard_ms_pglite, movement_dashboard_ms_postgres (bench/movements.ts, issue 14 H6)
  { name: 'movements', run: async () => { await benchMovementsPglite(); await benchMovementsPostgres(); } },
  // ranking_all_ms_pglite, ranking_all_ms_postgres (bench/clusters.ts, issue 14 H7)
  { name: 'clusters', run: async () => { await benchClustersPglite(); await benchClustersPostgres(); } },
];

// `npm run bench -- rules`: discovery_300k_s, scan_floor_s, discovery_vs_floor, naive_vs_discovery, check_p99_ms on PGlite,
// then the same (but the in-process check) on PostgreSQL with a _postgres suffix; `rules rules_postgres` picks one.
const SUITES: Record<string, string[]> = { foundation: ['first_start', 'search_pglite', 'search_postgres', 'import'], rules: ['rules', 'rules_postgres'], ratings: ['ratings'], workflow: ['workflow', 'ratings'], certificates: ['certificates'], documents: ['documents', 'certificates'], movements: ['movements', 'clusters'] };

const [suite = 'foundation', ...only] = process.argv.slice(2);
if (!SUITES[suite]) {
  process.stderr.write(`bench: unknown suite "${suite}"; known: ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
// "search" selects both search figures; names match by prefix, unless a name is given exactly ("rules" alone).
const matches = (name: string, o: string) => name === o || (!FIGURES.some((f) => f.name === o) && name.startsWith(o));
const selected = FIGURES.filter((f) => SUITES[suite].includes(f.name) && (only.length === 0 || only.some((o) => matches(f.name, o))));
if (selected.length === 0) {
  process.stderr.write(`bench: nothing matches ${only.join(', ')}; figures: ${FIGURES.map((f) => f.name).join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const figure of selected) {
  try {
    await figure.run();
  } catch (error) {
    failed++;
    note(`${figure.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.stdout.write(`bench: ${figure.name} failed\n`);
  }
}
process.exit(failed ? 1 : 0);
