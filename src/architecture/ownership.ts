/**
 * The ownership check (ARCHITECTURE.md, "Module dependencies"): every table, view and sequence belongs to the
 * module whose migrations create it, and only that module's files name it in SQL (a SQL function is its owner's
 * published interface: others may call it, never create it again); imports between modules follow the declared
 * direction (dependencies.ts). Reads files only: the source is parsed with the
 * TypeScript compiler (string and template literals, imports), migrations with regular expressions.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export type Rule = 'one-owner' | 'foreign-table' | 'import-direction' | 'composition-root' | 'undeclared-module' | 'dependency-cycle';

export interface Violation {
  /** Path from the checked root, with forward slashes. */
  file: string;
  line: number;
  rule: Rule;
  /** The table or the imported path. */
  subject: string;
  message: string;
}

export interface Layout {
  /** The project's root: modules are read from `<root>/src/modules/<name>/`. */
  root: string;
  dependencies: Readonly<Record<string, readonly string[]>>;
  /** Paths from the root (a trailing slash: a folder) that only compose modules; see dependencies.ts. */
  compositionRoots: readonly string[];
  /** Paths from the root whose files any module may import, taking on what they import. */
  infrastructure: readonly string[];
}

interface Owned {
  module: string;
  file: string;
  line: number;
  /** A function is the owner's published interface in SQL: others may call it, not create it again. */
  kind: 'relation' | 'function';
}

const MODULES_DIR = 'src/modules';
const IDENT = '(?:public\\.)?([a-z_][a-z0-9_]*)';
// What a migration creates, by kind. Triggers and indexes belong to their table; types are not checked.
const CREATES = new RegExp(
  [
    `create\\s+(?:(?:unlogged|temp|temporary)\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?${IDENT}`,
    `create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?${IDENT}`,
    `create\\s+sequence\\s+(?:if\\s+not\\s+exists\\s+)?${IDENT}`,
    `create\\s+(?:or\\s+replace\\s+)?function\\s+${IDENT}\\s*\\(`,
  ].join('|'),
  'gi',
);
// A literal is read as SQL when it holds one of these words; others (messages, labels, keys) are not.
const SQL_WORDS = /\b(?:select|insert|update|delete|from|join|into|truncate|returning)\b/i;

const slash = (p: string) => p.split('\\').join('/');
const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
const isTestFile = (name: string) => name.endsWith('.test.ts') || /^test-[\w-]*\.ts$/.test(name);

/** Every file under a folder, recursively (none when it does not exist). */
function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The module folders under src/modules. */
export function modulesOf(root: string): string[] {
  const dir = join(root, MODULES_DIR);
  try {
    return readdirSync(dir).filter((m) => statSync(join(dir, m)).isDirectory()).sort();
  } catch {
    return [];
  }
}

/** SQL text with comments blanked out (same length and lines, so positions still point into the file). */
function blankComments(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

/** SQL text with its quoted strings blanked out: `where entity = 'person'` names no table. */
function blankStrings(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, (s) => s.replace(/[^\n]/g, ' '));
}

/** Which module creates each table, view, sequence and function; an object two modules create is a violation. */
export function ownedObjects(root: string): { owners: Map<string, Owned>; violations: Violation[] } {
  const owners = new Map<string, Owned>();
  const violations: Violation[] = [];
  // In the order the migrations run (server/migrate.ts: by file name across modules): the first creator owns.
  const migrations = modulesOf(root)
    .flatMap((module) => filesUnder(join(root, MODULES_DIR, module, 'migrations')).filter((p) => p.endsWith('.sql')).map((path) => ({ module, path })))
    .sort((a, b) => (a.path.split('/').at(-1) ?? '').localeCompare(b.path.split('/').at(-1) ?? ''));
  for (const { module, path } of migrations) {
    const file = slash(relative(root, path));
    const sql = blankComments(readFileSync(path, 'utf8'));
    for (const m of sql.matchAll(CREATES)) {
      const name = (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase();
      const line = lineAt(sql, m.index);
      const first = owners.get(name);
      if (!first) owners.set(name, { module, file, line, kind: m[4] ? 'function' : 'relation' });
      else if (first.module !== module) {
        violations.push({ file, line, rule: 'one-owner', subject: name, message: `creates \`${name}\`, already created by ${first.module} (${first.file}:${first.line}): an object has one owner` });
      }
    }
  }
  return { owners, violations };
}

interface Segment {
  /** Position of the segment's first character in the file. */
  start: number;
  text: string;
}

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

interface ParsedSource {
  /** Each string literal or template, as the pieces of source text between its substitutions. */
  literals: Segment[][];
  imports: ImportRef[];
  source: ts.SourceFile;
}

function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // import './x.ts' runs the file
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The literals and imports of a TypeScript file. */
function parseSource(path: string): ParsedSource {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const literals: Segment[][] = [];
  const imports: ImportRef[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  // The text between the quotes or backticks, and between `${` and `}` (positions in the file).
  const inner = (node: ts.Node, open: number, close: number): Segment => {
    const start = node.getStart(source) + open;
    return { start, text: text.slice(start, node.end - close) };
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: ts.isImportDeclaration(node) ? importIsTypeOnly(node) : exportIsTypeOnly(node), line: lineOf(node) });
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      imports.push({ specifier: node.arguments[0].text, typeOnly: false, line: lineOf(node) });
    }
    // new URL('./worker.ts', import.meta.url): a file started as a worker is a dependency like an import.
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length === 2) {
      const [target, base] = node.arguments;
      if (ts.isStringLiteralLike(target) && base.getText(source) === 'import.meta.url') imports.push({ specifier: target.text, typeOnly: false, line: lineOf(node) });
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      literals.push([inner(node, 1, 1)]);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      literals.push([inner(node.head, 1, 2), ...node.templateSpans.map((s) => inner(s.literal, 1, ts.isTemplateTail(s.literal) ? 1 : 2))]);
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, imports, source };
}

function namesPattern(names: string[]): RegExp | null {
  if (names.length === 0) return null;
  // Not a column (`a.person`), not part of a longer name (`person_id`), not a template's `${...}`.
  return new RegExp(`(?<![\\w.$])(${names.map((n) => n.replace(/[^a-z0-9_]/g, '')).join('|')})(?![\\w$])`, 'gi');
}

/** The objects of other modules a TypeScript file's SQL names: each literal that reads as SQL, its quoted strings and comments aside. */
function foreignNamesInSource(parsed: ParsedSource, pattern: RegExp): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  for (const segments of parsed.literals) {
    // The whole template decides whether it is SQL; substitutions stand in as a placeholder of three characters.
    const joined = segments.map((s) => s.text).join(' $ ');
    if (!SQL_WORDS.test(joined)) continue;
    const blanked = blankStrings(blankComments(joined));
    let offset = 0;
    const starts = segments.map((s) => {
      const at = offset;
      offset += s.text.length + 3;
      return at;
    });
    for (const m of blanked.matchAll(pattern)) {
      const i = starts.findLastIndex((at) => at <= m.index);
      const position = segments[i].start + (m.index - starts[i]);
      found.push({ name: m[1].toLowerCase(), line: parsed.source.getLineAndCharacterOfPosition(position).line + 1 });
    }
  }
  return found;
}

/**
 * The objects of other modules a migration names, foreign keys aside (`references org_unit(id)` is the database's own
 * check) and quoted values too (`check (purpose in ('decision'))` names no table; function bodies are dollar-quoted,
 * so they are still read).
 */
function foreignNamesInMigration(sql: string, pattern: RegExp): { name: string; line: number }[] {
  const blanked = blankStrings(blankComments(sql)).replace(/\breferences\s+(?:public\.)?[a-z_][a-z0-9_]*/gi, (r) => r.replace(/[^\n]/g, ' '));
  return [...blanked.matchAll(pattern)].map((m) => ({ name: m[1].toLowerCase(), line: lineAt(blanked, m.index) }));
}

const underAny = (file: string, prefixes: readonly string[]) => prefixes.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

/** Which module a path (from the root) belongs to, if any. */
function moduleOfPath(file: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  return m ? m[1] : null;
}

/** The checked files: every non-test .ts file and migration of each module, and every infrastructure .ts file. */
function checkedFiles(layout: Layout): string[] {
  const moduleFiles = modulesOf(layout.root).flatMap((m) => filesUnder(join(layout.root, MODULES_DIR, m)));
  const infraFiles = layout.infrastructure.flatMap((p) => (p.endsWith('/') ? filesUnder(join(layout.root, p)) : [join(layout.root, p)]));
  return [...moduleFiles, ...infraFiles]
    .map((p) => slash(relative(layout.root, p)))
    .filter((f) => (f.endsWith('.ts') && !isTestFile(f.split('/').at(-1) ?? '')) || (f.endsWith('.sql') && f.includes('/migrations/')))
    .filter((f) => !underAny(f, layout.compositionRoots));
}

/**
 * Resolves a relative import to a path from the root (packages: null). `.js` specifiers of TypeScript files
 * are not used in this project; the path is taken as written.
 */
function resolveImport(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return slash(relative(root, resolve(join(root, dirname(from)), specifier)));
}

/**
 * Checks the tree at `layout.root`: one owner per object, SQL naming only the own module's objects, imports in
 * the declared direction, no cycle in the declared graph, every module declared.
 * @example const problems = checkOwnership({ root, dependencies: MODULE_DEPENDENCIES, compositionRoots: COMPOSITION_ROOTS, infrastructure: INFRASTRUCTURE });
 */
export function checkOwnership(layout: Layout): Violation[] {
  const { owners, violations } = ownedObjects(layout.root);
  violations.push(...declarationProblems(layout));
  const parsed = new Map<string, ParsedSource>();
  const parse = (file: string) => {
    let p = parsed.get(file);
    if (!p) parsed.set(file, (p = parseSource(join(layout.root, file))));
    return p;
  };
  for (const file of checkedFiles(layout)) {
    const module = moduleOfPath(file);
    const foreign = [...owners].filter(([, o]) => o.module !== module && o.kind === 'relation').map(([name]) => name);
    const pattern = namesPattern(foreign);
    const found = !pattern ? [] : file.endsWith('.sql') ? foreignNamesInMigration(readFileSync(join(layout.root, file), 'utf8'), pattern) : foreignNamesInSource(parse(file), pattern);
    for (const { name, line } of found) {
      const owner = owners.get(name) as Owned;
      const who = module ? `${module}` : 'infrastructure';
      violations.push({ file, line, rule: 'foreign-table', subject: name, message: `${who} names \`${name}\` in SQL, owned by ${owner.module} (${owner.file}): call a function ${owner.module} publishes` });
    }
    if (module && file.endsWith('.ts')) violations.push(...importProblems(layout, file, module, parse));
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.subject.localeCompare(b.subject));
}

/** Modules found but not declared, declared dependencies on unknown modules, and cycles in the declared graph. */
function declarationProblems(layout: Layout): Violation[] {
  const file = 'src/architecture/dependencies.ts';
  const deps = layout.dependencies;
  const found = modulesOf(layout.root);
  const out: Violation[] = [];
  for (const m of found.filter((m) => !(m in deps))) out.push({ file, line: 1, rule: 'undeclared-module', subject: m, message: `module ${m} (src/modules/${m}) is not declared: add it with the modules it may import` });
  for (const [m, targets] of Object.entries(deps)) {
    for (const t of targets.filter((t) => !(t in deps))) out.push({ file, line: 1, rule: 'undeclared-module', subject: t, message: `${m} may import ${t}, which is not declared` });
  }
  for (const cycle of dependencyCycles(deps)) out.push({ file, line: 1, rule: 'dependency-cycle', subject: cycle.join(' → '), message: `the declared dependencies form a cycle: ${cycle.join(' → ')}` });
  return out;
}

/** The cycles of a dependency graph, each as its modules with the first repeated at the end. */
export function dependencyCycles(deps: Readonly<Record<string, readonly string[]>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const walk = (m: string, path: string[]) => {
    const at = path.indexOf(m);
    if (at >= 0) {
      // Each cycle once, from its first module by name.
      const ring = path.slice(at);
      const start = ring.indexOf([...ring].sort()[0]);
      const cycle = [...ring.slice(start), ...ring.slice(0, start)];
      if (!cycles.some((c) => c.join() === [...cycle, cycle[0]].join())) cycles.push([...cycle, cycle[0]]);
      return;
    }
    if (done.has(m)) return;
    for (const t of deps[m] ?? []) walk(t, [...path, m]);
    done.add(m);
  };
  for (const m of Object.keys(deps)) walk(m, []);
  return cycles;
}

/** The modules an infrastructure file brings with it (its imports, through other infrastructure files). */
function modulesThrough(layout: Layout, file: string, parse: (f: string) => ParsedSource, seen = new Set<string>()): Map<string, string> {
  const out = new Map<string, string>(); // module → the file of it that is imported
  if (seen.has(file)) return out;
  seen.add(file);
  let parsed: ParsedSource;
  try {
    parsed = parse(file);
  } catch {
    return out; // not a file (a folder or a missing path): tsc reports it
  }
  for (const imp of parsed.imports) {
    const target = resolveImport(layout.root, file, imp.specifier);
    if (!target) continue;
    const module = moduleOfPath(target);
    if (module && !out.has(module)) out.set(module, target);
    else if (!module && underAny(target, layout.infrastructure) && !underAny(target, layout.compositionRoots)) {
      for (const [m, via] of modulesThrough(layout, target, parse, seen)) if (!out.has(m)) out.set(m, via);
    }
  }
  return out;
}

function importProblems(layout: Layout, file: string, module: string, parse: (f: string) => ParsedSource): Violation[] {
  const allowed = layout.dependencies[module] ?? [];
  const out: Violation[] = [];
  const refuse = (line: number, subject: string, target: string, through: string) =>
    out.push({ file, line, rule: 'import-direction', subject, message: `${module} may not depend on ${target}${through} (${module} may import: ${allowed.length ? allowed.join(', ') : 'no other module'})` });
  for (const imp of parse(file).imports) {
    const target = resolveImport(layout.root, file, imp.specifier);
    if (!target) continue;
    const other = moduleOfPath(target);
    if (other) {
      if (other !== module && !allowed.includes(other)) refuse(imp.line, target, other, '');
      continue;
    }
    if (underAny(target, layout.compositionRoots)) {
      if (!imp.typeOnly) out.push({ file, line: imp.line, rule: 'composition-root', subject: target, message: `${module} imports ${target}, which composes modules: a module imports none (a type only)` });
      continue;
    }
    if (underAny(target, layout.infrastructure)) {
      for (const [m, via] of modulesThrough(layout, target, parse)) if (m !== module && !allowed.includes(m)) refuse(imp.line, target, m, ` through ${target}, which imports ${via}`);
    }
  }
  return out;
}

/** One line per violation: `file:line  rule  message`. */
export function formatViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}  [${v.rule}] ${v.message}`).join('\n');
}
