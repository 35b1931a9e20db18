/**
 * Compiling criteria: a criterion as written in rule-sets.yaml becomes one ready to run for a subject kind and a
 * settings object. The rule set's names fill its basis ({law}, {decree}, its `refs`), `$key` params read the
 * settings, the predicate its `check` names is looked up and the params are parsed by that predicate's Zod schema
 * (typed, defaults filled in; a misspelt name or a wrong type is a LawError naming the file and line). Compiled
 * once per settings object and cached on the objects themselves: discovery asks for them millions of times.
 */
import { z } from 'zod';
import { type AwardDef, type AwardRules, type Catalogue, type CriterionDef, LawError, type RuleSet, settingKeyIn } from '../catalogue/catalogue.ts';
import { type Settings, defaultSettings } from '../catalogue/settings.ts';
import type { SubjectKind } from './contract.ts';
import { type PredicateDef, predicateNamed } from './predicates.ts';

/** A criterion ready to run: settings and subject kind applied, basis and params resolved. */
export interface Compiled {
  id: string;
  basis: string;
  /** The predicate (a leaf), or null for a group. */
  run: PredicateDef<unknown>['run'] | null;
  /** The params as the predicate's schema parsed them. */
  params: unknown;
  mode: 'any' | 'all' | null;
  children: Compiled[];
}

/** A basis with the rule set's names: {law}, {decree} and its `refs` (criteria are compiled once: the cost does not matter). */
export function withBasis(template: string, rs: RuleSet): string {
  let out = template.replaceAll('{law}', rs.law).replaceAll('{decree}', rs.decree);
  for (const [name, text] of Object.entries(rs.refs ?? {})) out = out.replaceAll(`{${name}}`, text);
  return out;
}

function applies(def: CriterionDef, kind: SubjectKind, settings: Settings): boolean {
  if (def.subjects && !def.subjects.includes(kind)) return false;
  if (def.when_setting && settings[def.when_setting] !== true) return false;
  if (def.unless_setting && settings[def.unless_setting] === true) return false;
  return true;
}

/** Params with `$key` read from the settings (through the rule set's own setting for that key, if it names one). */
function resolveParams(params: Record<string, unknown> | undefined, settings: Settings, rs: RuleSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = typeof v === 'string' && v.startsWith('$') ? settings[settingKeyIn(rs, v.slice(1))] : v;
  return out;
}

/** The names a predicate's params object accepts (for the error that refuses another). */
function knownParams(def: PredicateDef<unknown>): string {
  const names = def.params instanceof z.ZodObject ? Object.keys(def.params.shape) : [];
  return names.length ? names.join(', ') : 'none';
}

/**
 * A leaf criterion's predicate and typed params under a rule set and settings.
 * @throws LawError at the criterion's file and line: an unknown check, an unknown or ill-typed parameter
 */
export function compileLeaf(c: CriterionDef, rs: RuleSet, settings: Settings, where: Catalogue['where']): { run: PredicateDef<unknown>['run']; params: unknown; def: PredicateDef<unknown> } {
  const def = predicateNamed(c.check ?? '');
  if (!def) throw new LawError(where(c), `${rs.id}: unknown check "${c.check}" in criterion ${c.id}`);
  const parsed = def.params.safeParse(resolveParams(c.params, settings, rs));
  if (!parsed.success) {
    // A misspelt name is also a missing one: name the misspelling first.
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0];
    const name = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
    const written = c.params?.[String(issue.path[0])];
    const from = typeof written === 'string' && written.startsWith('$') ? ` (read from setting ${settingKeyIn(rs, written.slice(1))})` : '';
    throw new LawError(where(c), `${rs.id}: criterion ${c.id} (${c.check}): parameter ${name}${from}: ${issue.message} (parameters of ${c.check}: ${knownParams(def)})`);
  }
  return { run: def.run, params: parsed.data, def };
}

function compile(defs: CriterionDef[], rs: RuleSet, kind: SubjectKind, settings: Settings, inheritedBasis: string, where: Catalogue['where']): Compiled[] {
  return defs.filter((d) => applies(d, kind, settings)).map((d) => {
    const basis = d.basis ? withBasis(d.basis, rs) : inheritedBasis;
    const group = d.any_of ?? d.all_of;
    if (group) return { id: d.id, basis, run: null, params: {}, mode: d.any_of ? 'any' : 'all', children: compile(group, rs, kind, settings, basis, where) };
    const { run, params } = compileLeaf(d, rs, settings, where);
    return { id: d.id, basis, run, params, mode: null, children: [] };
  });
}

/** How an award's criteria are listed: its own, the rule set's common ones first (explanations), or the common
 *  ones last (screening: an award's own criteria rule most subjects out, so the common ones are rarely reached). */
export type Listing = 'own' | 'common_first' | 'common_last';
const LISTINGS: Listing[] = ['own', 'common_first', 'common_last'];
const compiledCache = new WeakMap<Settings, WeakMap<RuleSet, Map<AwardDef, Compiled[][]>>>();
const slotOf = (kind: SubjectKind, listing: Listing) => (kind === 'individual' ? 0 : kind === 'collective' ? 1 : 2) * LISTINGS.length + LISTINGS.indexOf(listing);

/**
 * The compiled criteria of an award, cached per settings object. Keyed by the objects themselves: this runs for
 * every check discovery makes, millions per run.
 */
export function compiledFor(rs: RuleSet, award: AwardDef, kind: SubjectKind, settings: Settings, listing: Listing, where: Catalogue['where']): Compiled[] {
  let byRuleSet = compiledCache.get(settings);
  if (!byRuleSet) compiledCache.set(settings, (byRuleSet = new WeakMap()));
  let byAward = byRuleSet.get(rs);
  if (!byAward) byRuleSet.set(rs, (byAward = new Map()));
  let slots = byAward.get(award);
  if (!slots) byAward.set(award, (slots = []));
  const slot = slotOf(kind, listing);
  let out = slots[slot];
  if (!out) {
    const own = rs.awards[award.code]?.criteria ?? [];
    const defs = listing === 'own' ? own : listing === 'common_first' ? [...rs.common, ...own] : [...own, ...rs.common];
    out = slots[slot] = compile(defs, rs, kind, settings, award.legalBasis, where);
  }
  return out;
}

const priorCache = new WeakMap<AwardRules, string | null>();
/** The award a "since the previous award" window starts after: the one the award's `prior_award` criterion names. */
export function priorCodeOf(rules: AwardRules): string | null {
  if (priorCache.has(rules)) return priorCache.get(rules) ?? null;
  const code = findPriorCode(rules);
  priorCache.set(rules, code);
  return code;
}

function findPriorCode(rules: AwardRules): string | null {
  const stack = [...rules.criteria];
  while (stack.length) {
    const c = stack.pop() as CriterionDef;
    if (c.check === 'prior_award' && typeof c.params?.award === 'string') return c.params.award;
    stack.push(...(c.any_of ?? []), ...(c.all_of ?? []));
  }
  return null;
}

const DEFAULTS = Object.freeze(defaultSettings());
const mergedCache = new WeakMap<object, Settings>();
/** Defaults overlaid with the caller's values; the same caller object gives the same merged object (compiled criteria are cached on it). */
export function mergedSettings(given: Partial<Settings> | Record<string, unknown> | undefined): Settings {
  if (!given) return DEFAULTS;
  let merged = mergedCache.get(given);
  if (!merged) mergedCache.set(given, (merged = Object.freeze({ ...DEFAULTS, ...given }) as Settings));
  return merged;
}
