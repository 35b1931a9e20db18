import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPOSITION_ROOTS, INFRASTRUCTURE, MODULE_DEPENDENCIES } from './dependencies.ts';
import { type Layout, checkOwnership, dependencyCycles, formatViolations } from './ownership.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('the project', () => {
  it('names in SQL only the tables its own module creates, and imports only in the declared direction', () => {
    const violations = checkOwnership({ root, dependencies: MODULE_DEPENDENCIES, compositionRoots: COMPOSITION_ROOTS, infrastructure: INFRASTRUCTURE });
    // The message lists each violation as file:line, what and which rule.
    expect(formatViolations(violations)).toBe('');
  });

  it('declares a graph without cycles', () => {
    expect(dependencyCycles(MODULE_DEPENDENCIES)).toEqual([]);
  });
});

describe('the check', () => {
  const fixtures: string[] = [];
  afterAll(() => {
    for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
  });

  /** A project tree in a temporary folder: path → content. */
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'ownership-'));
    fixtures.push(dir);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const layout = (dir: string, dependencies: Layout['dependencies'] = { low: [], high: ['low'] }): Layout => ({
    root: dir, dependencies, compositionRoots: ['src/server/app.ts', 'src/seed/'], infrastructure: ['src/server/', 'src/shared/'],
  });
  const found = (dir: string, dependencies?: Layout['dependencies']) => checkOwnership(layout(dir, dependencies)).map((v) => `${v.file}:${v.line} ${v.rule} ${v.subject}`);

  // Two modules: high may import low, not the other way; each creates one table.
  const base = {
    'src/modules/low/migrations/20260101_0001_low.sql': '-- low_thing keeps what low knows\ncreate table low_thing (id bigint primary key);\ncreate or replace function low_touch() returns trigger language plpgsql as $$ begin return null; end $$;\n',
    'src/modules/high/migrations/20260101_0002_high.sql': 'create table if not exists high_thing (\n  id bigint primary key,\n  low_id bigint references low_thing(id)\n);\n',
    'src/modules/high/repo.ts': "import { lowIds } from '../low/repo.ts';\nexport const sql = `select id from high_thing where id = any($1)`;\nexport { lowIds };\n",
    'src/modules/low/repo.ts': "export const lowIds = 'select id from low_thing';\n",
  };

  it('accepts modules that keep to their own tables and import downwards', () => {
    expect(found(tree(base))).toEqual([]);
  });

  it('refuses a foreign table named in SQL and an import against the declared direction', () => {
    const dir = tree({
      ...base,
      'src/modules/high/planted.ts': "export const count = 'select count(*) from high_thing h\\n' +\n  'join low_thing l on l.id = h.low_id';\n",
      'src/modules/low/planted.ts': "import { sql } from '../high/repo.ts';\nexport const again = sql;\n",
    });
    expect(found(dir)).toEqual(['src/modules/high/planted.ts:2 foreign-table low_thing', 'src/modules/low/planted.ts:1 import-direction src/modules/high/repo.ts']);
    const messages = formatViolations(checkOwnership(layout(dir)));
    expect(messages).toContain('src/modules/high/planted.ts:2  [foreign-table] high names `low_thing` in SQL, owned by low');
    expect(messages).toContain('low may not depend on high');
  });

  it('finds a foreign table in every part of a template and in a migration (not in a foreign key); a function is there to be called', () => {
    const dir = tree({
      ...base,
      'src/modules/high/templates.ts': 'const where = "true";\nexport const t = `select *\n  from high_thing h\n  where ${where} and exists (select 1 from low_thing)`;\nexport const f = `select low_touch()`;\n',
      'src/modules/high/migrations/20260101_0003_trigger.sql': '-- on low_thing, in a comment: fine\ncreate trigger high_follows after insert on low_thing\n  for each statement execute function low_touch();\n',
      // A quoted value that happens to spell a table's name is a value, not the table.
      'src/modules/high/migrations/20260101_0004_kinds.sql': "alter table high_thing add column kind text check (kind in ('low_thing', 'other'));\n",
    });
    expect(found(dir)).toEqual([
      'src/modules/high/migrations/20260101_0003_trigger.sql:2 foreign-table low_thing',
      'src/modules/high/templates.ts:4 foreign-table low_thing',
    ]);
  });

  it('reads as SQL only literals that look like SQL, and never quoted strings, comments, columns or longer names inside them', () => {
    const dir = tree({
      ...base,
      'src/modules/high/not-sql.ts': [
        "export const label = 'low_thing';",
        "export const text = 'Người này (low_thing) chưa có';",
        "export const entity = `select id from high_thing where entity = 'low_thing'`;",
        'export const column = `select h.low_thing, low_thing_id from high_thing h -- low_thing\n`;',
        "// select * from low_thing\nexport const none = 1;",
      ].join('\n'),
      'src/modules/high/high.test.ts': "export const inTest = 'select * from low_thing';\n",
      'src/modules/high/test-helpers.ts': "export const helper = 'delete from low_thing';\n",
    });
    expect(found(dir)).toEqual([]);
  });

  it('follows infrastructure to the modules it imports, refuses composition roots but a type from the app', () => {
    const dir = tree({
      ...base,
      'src/server/http.ts': "import { sql } from '../modules/high/repo.ts';\nexport const authorize = () => sql;\n",
      'src/server/db.ts': 'export interface Db { query(): void }\n',
      'src/server/app.ts': "import { authorize } from './http.ts';\nexport interface ModuleDeps { db: unknown }\nexport const app = authorize;\n",
      'src/seed/seed.ts': 'export const seed = 1;\n',
      'src/modules/low/routes.ts': [
        "import type { ModuleDeps } from '../../server/app.ts';",
        "import type { Db } from '../../server/db.ts';",
        "import { authorize } from '../../server/http.ts';",
        "import { seed } from '../../seed/seed.ts';",
        'export const r = (d: ModuleDeps, db: Db) => [d, db, authorize, seed];',
      ].join('\n'),
    });
    expect(found(dir)).toEqual(['src/modules/low/routes.ts:3 import-direction src/server/http.ts', 'src/modules/low/routes.ts:4 composition-root src/seed/seed.ts']);
  });

  it('refuses a table two modules create, an undeclared module and a cycle in the declared graph', () => {
    const dir = tree({
      ...base,
      'src/modules/high/migrations/20260101_0004_again.sql': 'create table if not exists low_thing (id bigint);\n',
      'src/modules/extra/repo.ts': 'export const x = 1;\n',
    });
    expect(found(dir, { low: ['high'], high: ['low'] })).toEqual([
      'src/architecture/dependencies.ts:1 dependency-cycle high → low → high',
      'src/architecture/dependencies.ts:1 undeclared-module extra',
      // Created again by high: refused there, and high's SQL on it still names low's table.
      'src/modules/high/migrations/20260101_0004_again.sql:1 foreign-table low_thing',
      'src/modules/high/migrations/20260101_0004_again.sql:1 one-owner low_thing',
    ]);
  });
});
