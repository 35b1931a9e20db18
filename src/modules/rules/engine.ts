/**
 * The eligibility engine: a pure, deterministic function (history, award, asOf) → every criterion with its reason
 * and legal basis, what is missing, and the reward money. It picks the rule set in force on `asOf` (the date the
 * dossier is received) and applies the transition rule of Luật 06/2026/QH16 Art 4 (older dossiers follow the 2022
 * Law unless the new rule is more favourable). No database, no clock: callers pass everything in.
 */
import { type AwardDef, type AwardRules, type Catalogue, type CriterionDef, type RuleSet, catalogue as defaultCatalogue, ruleSetOn, settingKeyIn } from '../catalogue/catalogue.ts';
import { type Settings, defaultSettings } from '../catalogue/settings.ts';
import { type CriterionResult, type EligibilityInput, type EligibilityInputRaw, type EligibilityResult, type SubjectKind, ZEligibilityInput } from './contract.ts';
import { type Facts, deriveFacts } from './facts.ts';
import { rewardAmount } from './money.ts';
import { type AwardEvaluator, type Params, type Predicate, type PredicateOutcome, PREDICATES } from './predicates.ts';

export interface EngineOptions {
  settings?: Partial<Settings> | Record<string, unknown>;
  catalogue?: Catalogue;
  /**
   * Screening only (discovery): a check certain to end more than this many steps away may stop early, with
   * `eligible` false and `stepsAway` a lower bound; its `explain()` and `summary()` then evaluate it in full.
   */
  maxSteps?: number;
}

/** A check that cannot be answered: an unknown award code or a date before the 2022 Law. */
export class EligibilityError extends Error {
  readonly code: 'UNKNOWN_AWARD' | 'NO_RULE_SET';
  readonly details: Record<string, unknown>;
  constructor(code: 'UNKNOWN_AWARD' | 'NO_RULE_SET', details: Record<string, unknown>, message: string) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** One evaluated criterion; its texts are built only when explained (discovery screens first). */
interface Node {
  readonly id: string;
  readonly basis: string;
  readonly status: CriterionResult['status'];
  readonly gap: number;
  readonly duplicate?: CriterionResult['duplicate'];
  readonly children: Node[];
  /** An unmet alternative that does not apply to the subject (PredicateOutcome.quiet). */
  readonly quiet?: boolean;
  /** Reason (vi, en) and, when unmet, what is missing (vi, en). */
  text: () => { vi: string; en: string; missingVi: string[]; missingEn: string[] };
}

const INF = Number.POSITIVE_INFINITY;
/** A basis with the rule set's names: {law}, {decree} and its `refs` (criteria are compiled once: the cost does not matter). */
function withBasis(template: string, rs: RuleSet): string {
  let out = template.replaceAll('{law}', rs.law).replaceAll('{decree}', rs.decree);
  for (const [name, text] of Object.entries(rs.refs ?? {})) out = out.replaceAll(`{${name}}`, text);
  return out;
}

/** A criterion ready to run: settings and subject kind applied, bases and params resolved (compiled once per settings). */
interface Compiled {
  id: string;
  basis: string;
  predicate: Predicate | null;
  params: Params;
  mode: 'any' | 'all' | null;
  children: Compiled[];
}

function applies(def: CriterionDef, kind: SubjectKind, settings: Settings): boolean {
  if (def.subjects && !def.subjects.includes(kind)) return false;
  if (def.when_setting && settings[def.when_setting] !== true) return false;
  if (def.unless_setting && settings[def.unless_setting] === true) return false;
  return true;
}

/** Params with `$key` read from the settings (through the rule set's own setting for that key, if it names one). */
function resolveParams(params: Record<string, unknown> | undefined, settings: Settings, rs: RuleSet): Params {
  if (!params) return {};
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && v.startsWith('$') ? settings[settingKeyIn(rs, v.slice(1))] : v;
  return out;
}

function compile(defs: CriterionDef[], rs: RuleSet, kind: SubjectKind, settings: Settings, inheritedBasis: string): Compiled[] {
  return defs.filter((d) => applies(d, kind, settings)).map((d) => {
    const basis = d.basis ? withBasis(d.basis, rs) : inheritedBasis;
    const group = d.any_of ?? d.all_of;
    if (group) return { id: d.id, basis, predicate: null, params: {}, mode: d.any_of ? 'any' : 'all', children: compile(group, rs, kind, settings, basis) };
    const predicate = PREDICATES[d.check ?? ''];
    if (!predicate) throw new Error(`rule-sets.yaml: unknown check "${d.check}" in criterion ${d.id}`);
    return { id: d.id, basis, predicate, params: resolveParams(d.params, settings, rs), mode: null, children: [] };
  });
}

/** How an award's criteria are listed: its own, the rule set's common ones first (explanations), or the common
 *  ones last (screening: an award's own criteria rule most subjects out, so the common ones are rarely reached). */
type Listing = 'own' | 'common_first' | 'common_last';
const LISTINGS: Listing[] = ['own', 'common_first', 'common_last'];
const compiledCache = new WeakMap<Settings, WeakMap<RuleSet, Map<AwardDef, Compiled[][]>>>();
const slotOf = (kind: SubjectKind, listing: Listing) => (kind === 'individual' ? 0 : kind === 'collective' ? 1 : 2) * LISTINGS.length + LISTINGS.indexOf(listing);
/**
 * The compiled criteria of an award, cached per settings object. Keyed by the objects themselves: this runs for
 * every check discovery makes, millions per run.
 */
function compiledFor(rs: RuleSet, award: AwardDef, kind: SubjectKind, settings: Settings, listing: Listing): Compiled[] {
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
    out = slots[slot] = compile(defs, rs, kind, settings, award.legalBasis);
  }
  return out;
}

type NodeText = ReturnType<Node['text']>;

function groupText(mode: 'any' | 'all', status: CriterionResult['status'], children: Node[]): NodeText {
  const texts = children.map((c) => ({ c, t: c.text() }));
  const of = (s: CriterionResult['status']) => texts.filter((x) => x.c.status === s);
  const join = (xs: typeof texts) => ({ vi: xs.map((x) => x.t.vi).join('; '), en: xs.map((x) => x.t.en).join('; ') });
  if (status === 'met') return { ...join(mode === 'any' ? of('met').slice(0, 1) : texts), missingVi: [], missingEn: [] };
  if (status === 'review') return { ...join(of('review')), missingVi: [], missingEn: [] };
  if (mode === 'all') {
    const bad = of('unmet');
    return { ...join(bad), missingVi: bad.flatMap((x) => x.t.missingVi), missingEn: bad.flatMap((x) => x.t.missingEn) };
  }
  // Alternatives that do not apply to the subject (e.g. no long course at all) are not worth a word; a single
  // alternative left is said as it is.
  const applicable = texts.filter((x) => !x.c.quiet);
  const all = join(applicable.length > 0 ? applicable : texts);
  const alts = texts.filter((x) => x.t.missingVi.length > 0);
  return {
    vi: applicable.length === 1 ? all.vi : `Chưa đạt điều kiện nào: ${all.vi}`,
    en: applicable.length === 1 ? all.en : `None met: ${all.en}`,
    missingVi: alts.length > 1 ? [`Một trong: ${alts.map((x) => x.t.missingVi.join(' và ')).join('; hoặc ')}`] : (alts[0]?.t.missingVi ?? []),
    missingEn: alts.length > 1 ? [`One of: ${alts.map((x) => x.t.missingEn.join(' and ')).join('; or ')}`] : (alts[0]?.t.missingEn ?? []),
  };
}

const NO_CHILDREN: Node[] = [];

/** An evaluated predicate. Texts come from the prototype's `text()`, not a closure per node: discovery makes
 *  tens of millions of these. */
class LeafNode implements Node {
  readonly status: CriterionResult['status'];
  readonly gap: number;
  readonly duplicate?: CriterionResult['duplicate'];
  readonly children = NO_CHILDREN;
  private readonly c: Compiled;
  private readonly o: PredicateOutcome;
  constructor(c: Compiled, o: PredicateOutcome) {
    this.c = c;
    this.o = o;
    this.status = o.status;
    this.gap = o.status === 'unmet' ? (o.gap ?? INF) : 0;
    if (o.duplicate) this.duplicate = o.duplicate;
  }
  get quiet() { return this.o.quiet === true; }
  get id() { return this.c.id; }
  get basis() { return this.c.basis; }
  text(): NodeText {
    const [vi, en, missingVi, missingEn] = this.o.text();
    const unmet = this.o.status === 'unmet';
    return { vi, en, missingVi: unmet && missingVi ? [missingVi] : [], missingEn: unmet && missingEn ? [missingEn] : [] };
  }
}

/** An evaluated any_of / all_of group. */
class GroupNode implements Node {
  readonly status: CriterionResult['status'];
  readonly gap: number;
  readonly children: Node[];
  private readonly c: Compiled;
  constructor(c: Compiled, status: CriterionResult['status'], gap: number, children: Node[]) {
    this.c = c;
    this.status = status;
    this.gap = gap;
    this.children = children;
  }
  get id() { return this.c.id; }
  get basis() { return this.c.basis; }
  text(): NodeText { return groupText(this.c.mode as 'any' | 'all', this.status, this.children); }
}

/** What a group reads of its children: an evaluated node, or a screened verdict (discovery). */
interface Scored {
  status: CriterionResult['status'];
  gap?: number;
}
const gapOf = (x: Scored) => (x.status === 'unmet' ? (x.gap ?? INF) : 0);

/** Status of a group from its children's (loops, not closures: this runs for every criterion of every check). */
function groupStatus(mode: 'any' | 'all', children: Scored[]): CriterionResult['status'] {
  let met = false;
  let review = false;
  let unmet = false;
  for (const x of children) {
    if (x.status === 'met') met = true;
    else if (x.status === 'review') review = true;
    else unmet = true;
  }
  if (mode === 'any') return met ? 'met' : review ? 'review' : 'unmet';
  return unmet ? 'unmet' : review ? 'review' : 'met';
}

/** Gap of an unmet group: the nearest alternative of an any_of, the sum of the unmet parts of an all_of. */
function groupGap(mode: 'any' | 'all', children: Scored[]): number {
  let gap = mode === 'any' ? INF : 0;
  for (const x of children) {
    if (mode === 'any') gap = Math.min(gap, gapOf(x));
    else gap += gapOf(x);
  }
  return gap;
}

function evalNode(c: Compiled, f: Facts, evaluateAward: AwardEvaluator): Node {
  if (c.mode) {
    const children: Node[] = new Array(c.children.length);
    for (let i = 0; i < children.length; i++) children[i] = evalNode(c.children[i], f, evaluateAward);
    const status = groupStatus(c.mode, children);
    return new GroupNode(c, status, status === 'unmet' ? groupGap(c.mode, children) : 0, children);
  }
  return new LeafNode(c, (c.predicate as Predicate)(f, c.params, evaluateAward));
}

/** The criterion as the contract shows it, with its children. */
function explainNode(n: Node): CriterionResult {
  const t = n.text();
  const r: CriterionResult = { id: n.id, met: n.status === 'met', status: n.status, reason: t.vi, reasonEn: t.en, basis: n.basis };
  if (n.status === 'unmet' && Number.isFinite(n.gap)) r.gap = n.gap;
  if (n.duplicate) r.duplicate = n.duplicate;
  if (n.children.length) r.children = n.children.map(explainNode);
  return r;
}

const priorCache = new WeakMap<AwardRules, string | null>();
function priorCodeOf(rules: AwardRules): string | null {
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
function mergedSettings(given: EngineOptions['settings']): Settings {
  if (!given) return DEFAULTS;
  let merged = mergedCache.get(given);
  if (!merged) mergedCache.set(given, (merged = Object.freeze({ ...DEFAULTS, ...given }) as Settings));
  return merged;
}

interface Context {
  cat: Catalogue;
  settings: Settings;
}

/** Evaluates one award's own criteria (without the common ones) for "meets the standard of" checks. */
function standardOf(input: EligibilityInput, ruleSet: RuleSet, ctx: Context, depth: number): AwardEvaluator {
  return (code) => {
    const award = ctx.cat.byCode.get(code);
    const rules = ruleSet.awards[code];
    if (!award || !rules || depth > 3) return { status: 'review', gap: INF, text: () => [`tiêu chuẩn ${code} chưa có trong danh mục`, `${code} has no criteria`] };
    const f = deriveFacts(input, award, ruleSet, ctx.cat, ctx.settings, priorCodeOf(rules));
    const inner = standardOf(input, ruleSet, ctx, depth + 1);
    const compiled = compiledFor(ruleSet, award, input.subject.kind, ctx.settings, 'own');
    // Statuses from verdicts (no node per criterion: discovery asks this of every person); nodes only for the texts.
    let unmetGap = 0;
    let unmet = false;
    let review = false;
    for (const c of compiled) {
      const v = verdictOf(c, f, inner);
      if (v.status === 'unmet') {
        unmet = true;
        unmetGap += gapOf(v);
      } else if (v.status === 'review') review = true;
    }
    const status = unmet ? 'unmet' : review ? 'review' : 'met';
    return {
      status,
      gap: unmet ? unmetGap : 0,
      text: () => {
        const ts = compiled.map((c) => evalNode(c, f, inner)).filter((n) => n.status === status).map((n) => n.text());
        return [ts.map((t) => t.vi).join('; '), ts.map((t) => t.en).join('; ')];
      },
    };
  };
}

function notEvaluated(award: AwardDef, ruleSet: RuleSet, year: number): EligibilityResult {
  const reason = `Tiêu chuẩn chi tiết của ${award.nameVi} chưa được mã hoá trong danh mục: Hội đồng xem xét theo ${award.legalBasis}`;
  const reasonEn = `The detailed criteria of ${award.nameEn} are not encoded: the council judges under ${award.legalBasis}`;
  return {
    award: award.code, awardName: award.nameVi, awardNameEn: award.nameEn, ruleSet: ruleSet.id, ruleSetUncertain: ruleSet.uncertain === true, year,
    eligible: 'needs_review', evaluated: false,
    criteria: [{ id: 'criteria_not_encoded', met: false, status: 'review', reason, reasonEn, basis: award.legalBasis }],
    missing: [], missingEn: [], stepsAway: 0, reasonVi: `Cần Hội đồng xem xét: ${reason}.`, reasonEn: `Needs the council's review: ${reasonEn}.`, alternatives: [], reward: null, duplicate: null,
  };
}

/** What a list row shows of a result: the reason and what is missing, without every criterion's text. */
export interface ScreenSummary {
  award: string;
  awardName: string;
  awardNameEn: string;
  reasonVi: string;
  reasonEn: string;
  missing: string[];
  missingEn: string[];
  /** The duplicate criterion's reason, when `duplicate` is set. */
  duplicateText: { vi: string; en: string } | null;
}

/** The quick answer (statuses only) with a way to build the full, explained result. */
export interface Screened {
  eligible: EligibilityResult['eligible'];
  stepsAway: number | null;
  year: number;
  /** Set when the only unmet criterion is the duplicate check: what the achievement already got or awaits. */
  duplicate: CriterionResult['duplicate'] | null;
  explain: () => EligibilityResult;
  /** The texts a list row needs (the same as `explain()`'s), built without the criteria tree. */
  summary: () => ScreenSummary;
}

function screenUnder(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, maxSteps = INF): Screened {
  const rules = ruleSet.awards[award.code];
  const kind = input.subject.kind;
  if (!rules) return new NotEvaluated(notEvaluated(award, ruleSet, deriveFacts(input, award, ruleSet, ctx.cat, ctx.settings).year));
  const f = deriveFacts(input, award, ruleSet, ctx.cat, ctx.settings, priorCodeOf(rules));
  if (!rules.subjects.includes(kind)) {
    const vi = `${award.nameVi} không xét cho đối tượng này`;
    const en = `${award.nameEn} is not awarded to a ${kind}`;
    const node: Node = { id: 'subject_kind', basis: withBasis(award.legalBasis, ruleSet), status: 'unmet', gap: INF, children: [], text: () => ({ vi, en, missingVi: [], missingEn: [] }) };
    return new Screening(input, ruleSet, award, rules, ctx, f.year, [node]);
  }
  if (Number.isFinite(maxSteps)) return screenStatuses(input, ruleSet, award, ctx, f, maxSteps, compiledFor(ruleSet, award, kind, ctx.settings, 'common_last'));
  const evaluate = standardOf(input, ruleSet, ctx, 1);
  const nodes = compiledFor(ruleSet, award, kind, ctx.settings, 'common_first').map((c) => evalNode(c, f, evaluate));
  return new Screening(input, ruleSet, award, rules, ctx, f.year, nodes);
}

/** A criterion's status and gap, without its node or texts (screening). */
interface Verdict {
  status: CriterionResult['status'];
  gap?: number;
  duplicate?: CriterionResult['duplicate'];
}

function verdictOf(c: Compiled, f: Facts, evaluate: AwardEvaluator): Verdict {
  if (!c.mode) return (c.predicate as Predicate)(f, c.params, evaluate);
  // groupStatus and groupGap over the children's verdicts, without a list of them (every check of every person).
  const any = c.mode === 'any';
  let met = false;
  let review = false;
  let unmet = false;
  let gap = any ? INF : 0;
  for (const child of c.children) {
    const v = verdictOf(child, f, evaluate);
    if (v.status === 'met') {
      met = true;
      if (any) break; // one alternative met decides an any_of (its gap is then 0): the rest need not run
    } else if (v.status === 'review') review = true;
    else unmet = true;
    gap = any ? Math.min(gap, gapOf(v)) : gap + gapOf(v);
  }
  const status = any ? (met ? 'met' : review ? 'review' : 'unmet') : unmet ? 'unmet' : review ? 'review' : 'met';
  return { status, gap: status === 'unmet' ? gap : 0 };
}

/**
 * Screening (discovery): the statuses of a check without a node per criterion, the award's own criteria before
 * the common ones, stopping once the subject is certainly no candidate (more than `maxSteps` away, or a duplicate
 * besides another gap). Gives the same statuses as the full evaluation (a property test holds them equal); texts
 * evaluate the check in full.
 */
function screenStatuses(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, f: Facts, maxSteps: number, compiled: Compiled[], evaluate = standardOf(input, ruleSet, ctx, 1)): Screened {
  let unmet = 0;
  let reviews = 0;
  let steps = 0; // of unmet criteria other than the duplicate check
  let duplicateGap = 0;
  let duplicate: Verdict['duplicate'];
  for (const c of compiled) {
    const v = verdictOf(c, f, evaluate);
    if (v.status === 'review') reviews++;
    if (v.status !== 'unmet') continue;
    unmet++;
    if (v.duplicate) {
      duplicate = v.duplicate;
      duplicateGap += gapOf(v);
    } else steps += gapOf(v);
    if (steps > maxSteps || (duplicate && steps > 0)) return new Statuses(input, ruleSet, award, ctx, f.year, false, duplicate ? INF : steps, null);
  }
  const eligible = unmet > 0 ? false : reviews > 0 ? 'needs_review' : true;
  return new Statuses(input, ruleSet, award, ctx, f.year, eligible, eligible === false ? steps + duplicateGap : 0, (unmet === 1 && duplicate) || null);
}

/** What a check keeps to explain itself later: the subject, the rule set, the award, the settings. */
abstract class CheckOf {
  readonly year: number;
  protected readonly input: EligibilityInput;
  protected readonly ruleSet: RuleSet;
  protected readonly award: AwardDef;
  protected readonly ctx: Context;
  constructor(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, year: number) {
    this.input = input;
    this.ruleSet = ruleSet;
    this.award = award;
    this.ctx = ctx;
    this.year = year;
  }
}

/** A check evaluated to the end: statuses now, texts (`summary`, `explain`) when asked. A class, not closures:
 *  discovery makes millions of these and explains a few. */
class Screening extends CheckOf implements Screened {
  readonly eligible: EligibilityResult['eligible'];
  readonly stepsAway: number | null;
  readonly duplicate: EligibilityResult['duplicate'];
  private readonly rules: AwardRules;
  private readonly nodes: Node[];
  private readonly unmet: Node[];
  private readonly reviews: Node[];
  constructor(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, rules: AwardRules, ctx: Context, year: number, nodes: Node[]) {
    super(input, ruleSet, award, ctx, year);
    this.rules = rules;
    this.nodes = nodes;
    this.unmet = nodes.filter((n) => n.status === 'unmet');
    this.reviews = nodes.filter((n) => n.status === 'review');
    this.eligible = this.unmet.length > 0 ? false : this.reviews.length > 0 ? 'needs_review' : true;
    const steps = this.unmet.reduce((sum, n) => sum + n.gap, 0);
    this.stepsAway = this.eligible === false ? (Number.isFinite(steps) ? steps : null) : 0;
    this.duplicate = (this.unmet.length === 1 && this.unmet[0].duplicate) || null;
  }

  summary(): ScreenSummary {
    const { award, year } = this;
    const unmetTexts = this.unmet.map((n) => n.text());
    let reasonVi: string;
    let reasonEn: string;
    if (this.eligible === true) {
      reasonVi = `Đủ điều kiện đề nghị ${award.nameVi} (thành tích năm ${year}).`;
      reasonEn = `Eligible for ${award.nameEn} (achievements of ${year}).`;
    } else if (this.eligible === false) {
      reasonVi = `Chưa đủ điều kiện ${award.nameVi}: ${unmetTexts[0].vi}.`;
      reasonEn = `Not eligible for ${award.nameEn}: ${unmetTexts[0].en}.`;
    } else {
      const first = this.reviews[0].text();
      reasonVi = `Cần Hội đồng xem xét (${award.nameVi}): ${first.vi}.`;
      reasonEn = `Needs the council's review (${award.nameEn}): ${first.en}.`;
    }
    return {
      award: award.code, awardName: award.nameVi, awardNameEn: award.nameEn, reasonVi, reasonEn,
      missing: unmetTexts.flatMap((t) => t.missingVi), missingEn: unmetTexts.flatMap((t) => t.missingEn),
      duplicateText: this.duplicate ? { vi: unmetTexts[0].vi, en: unmetTexts[0].en } : null,
    };
  }

  explain(): EligibilityResult {
    const { award, ruleSet, ctx } = this;
    const { reasonVi, reasonEn, missing, missingEn } = this.summary();
    const reward = rewardAmount({ award: award.code, subjectKind: this.input.subject.kind, decisionDate: this.input.decidedOn ?? this.input.asOf }, { catalogue: ctx.cat, settings: ctx.settings });
    return {
      award: award.code, awardName: award.nameVi, awardNameEn: award.nameEn, ruleSet: ruleSet.id, ruleSetUncertain: ruleSet.uncertain === true, year: this.year,
      eligible: this.eligible, evaluated: true, criteria: this.nodes.map(explainNode), missing, missingEn, stepsAway: this.stepsAway, reasonVi, reasonEn, duplicate: this.duplicate,
      alternatives: (this.rules.alternatives ?? []).map((x) => ({ textVi: x.vi, textEn: x.en, basis: withBasis(x.basis, ruleSet) })),
      reward: reward ? { amount: reward.amount, coefficient: reward.coefficient, baseSalary: reward.baseSalary, basis: reward.basis } : null,
    };
  }
}

/** An award whose criteria the catalogue does not encode: the council judges. */
class NotEvaluated implements Screened {
  readonly eligible: EligibilityResult['eligible'];
  readonly stepsAway: number | null;
  readonly year: number;
  readonly duplicate = null;
  private readonly r: EligibilityResult;
  constructor(r: EligibilityResult) {
    this.r = r;
    this.eligible = r.eligible;
    this.stepsAway = r.stepsAway;
    this.year = r.year;
  }
  explain(): EligibilityResult { return this.r; }
  summary(): ScreenSummary {
    const r = this.r;
    return { award: r.award, awardName: r.awardName, awardNameEn: r.awardNameEn, reasonVi: r.reasonVi, reasonEn: r.reasonEn, missing: r.missing, missingEn: r.missingEn, duplicateText: null };
  }
}

/**
 * A screened check (see `EngineOptions.maxSteps`): its statuses, and its texts by evaluating it in full when asked.
 * When screening stopped early, it is not eligible and `stepsAway` is a lower bound (null if infinite).
 */
class Statuses extends CheckOf implements Screened {
  readonly eligible: EligibilityResult['eligible'];
  readonly stepsAway: number | null;
  readonly duplicate: EligibilityResult['duplicate'];
  private full: Screened | null = null;
  constructor(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, year: number, eligible: EligibilityResult['eligible'], steps: number, duplicate: EligibilityResult['duplicate']) {
    super(input, ruleSet, award, ctx, year);
    this.eligible = eligible;
    this.stepsAway = Number.isFinite(steps) ? steps : null;
    this.duplicate = duplicate;
  }
  private whole(): Screened {
    return (this.full ??= screenUnder(this.input, this.ruleSet, this.award, this.ctx));
  }
  explain(): EligibilityResult { return this.whole().explain(); }
  summary(): ScreenSummary { return this.whole().summary(); }
}

const RANK = (e: EligibilityResult['eligible']) => (e === true ? 2 : e === 'needs_review' ? 1 : 0);

function contextOf(input: EligibilityInput, opts: EngineOptions) {
  const cat = opts.catalogue ?? defaultCatalogue();
  const ctx: Context = { cat, settings: mergedSettings(opts.settings) };
  const award = cat.byCode.get(input.award);
  if (!award) throw new EligibilityError('UNKNOWN_AWARD', { award: input.award }, `unknown award code "${input.award}" (see catalogue.yaml)`);
  const ruleSet = ruleSetOn(input.asOf, cat);
  if (!ruleSet) throw new EligibilityError('NO_RULE_SET', { asOf: input.asOf }, `no rule set in force on ${input.asOf} (the 2022 Law applies from 2024-01-01)`);
  return { cat, ctx, award, ruleSet };
}

/**
 * The statuses of a check without building its texts; `explain()` gives the full result. Discovery screens
 * every subject and explains only the rows it shows.
 * @throws EligibilityError for an unknown award or a date before any rule set.
 */
export function screenParsed(input: EligibilityInput, opts: EngineOptions = {}): Screened {
  const { cat, ctx, award, ruleSet } = contextOf(input, opts);
  // Transition (Luật 06/2026 Art 4): a dossier received under the old law but decided under the new one gets the
  // more favourable of the two (both evaluated in full: the comparison needs their real statuses).
  const later = input.decidedOn ? ruleSetOn(input.decidedOn, cat) : null;
  if (!later || later.id === ruleSet.id || !later.transition || input.asOf >= later.transition.before) return screenUnder(input, ruleSet, award, ctx, opts.maxSteps);
  const first = screenUnder(input, ruleSet, award, ctx);
  const transition = later.transition;
  const alt = screenUnder({ ...input, asOf: later.from }, later, award, ctx);
  const better = RANK(alt.eligible) > RANK(first.eligible) ? alt : first;
  const other = better === alt ? first : alt;
  return {
    eligible: better.eligible, stepsAway: better.stepsAway, year: better.year, duplicate: better.duplicate,
    summary: () => better.summary(),
    explain: () => {
      const r = better.explain();
      return {
        ...r,
        transition: {
          applied: r.ruleSet,
          compared: other.explain().ruleSet,
          noteVi: `Hồ sơ nhận trước ${transition.before.split('-').reverse().join('/')}: áp dụng ${better === alt ? 'quy định mới vì có lợi hơn' : 'Luật năm 2022'} (${transition.basis})`,
          noteEn: `Dossier received before ${transition.before}: ${better === alt ? 'the new rule applies as more favourable' : 'the 2022 Law applies'} (${transition.basis})`,
        },
      };
    },
  };
}

/** What screening many subjects for the same awards on one date shares: resolved once per batch, not per check. */
interface ScreeningPlan {
  awards: readonly string[];
  asOf: string;
  given: EngineOptions['settings'];
  cat: Catalogue;
  ctx: Context;
  ruleSet: RuleSet;
  steps: { award: AwardDef; rules: AwardRules | undefined; priorCode: string | null; compiled: Partial<Record<SubjectKind, Compiled[]>> }[];
}

let lastPlan: ScreeningPlan | null = null;
function planFor(awards: readonly string[], asOf: string, opts: EngineOptions): ScreeningPlan {
  const cat = opts.catalogue ?? defaultCatalogue();
  const p = lastPlan;
  if (p !== null && p.awards === awards && p.asOf === asOf && p.given === opts.settings && p.cat === cat) return p;
  const ruleSet = ruleSetOn(asOf, cat);
  if (!ruleSet) throw new EligibilityError('NO_RULE_SET', { asOf }, `no rule set in force on ${asOf} (the 2022 Law applies from 2024-01-01)`);
  const steps = awards.map((code) => {
    const award = cat.byCode.get(code);
    if (!award) throw new EligibilityError('UNKNOWN_AWARD', { award: code }, `unknown award code "${code}" (see catalogue.yaml)`);
    const rules = ruleSet.awards[code];
    return { award, rules, priorCode: rules ? priorCodeOf(rules) : null, compiled: {} };
  });
  lastPlan = { awards, asOf, given: opts.settings, cat, ctx: { cat, settings: mergedSettings(opts.settings) }, ruleSet, steps };
  return lastPlan;
}

/**
 * Screens one subject for several awards on one date (discovery): the same answers as `screenParsed` with
 * `maxSteps` for each award (a property test holds them equal), with the rule set, the awards and their
 * compiled criteria resolved once for a run of calls with the same `awards` list rather than once per check.
 * @throws EligibilityError for an unknown award or a date before any rule set.
 */
export function screenAwards(raw: EligibilityInputRaw, awards: readonly string[], asOf: string, year: number | undefined, opts: EngineOptions & { maxSteps: number }, each: (award: string, r: Screened) => void): void {
  // The award of an input only picks the award; screening takes it from the plan, so one input serves them all.
  const input = inputFor(raw, awards[0] ?? '', asOf, year);
  if (input.decidedOn) {
    // The transition rule compares two rule sets in full: the per-check path handles it.
    for (const code of awards) each(code, screenParsed({ ...input, award: code }, opts));
    return;
  }
  const plan = planFor(awards, asOf, opts);
  const kind = input.subject.kind;
  const evaluate = standardOf(input, plan.ruleSet, plan.ctx, 1); // "meets the standard of": the subject's, whatever the award
  for (const step of plan.steps) {
    const { award, rules } = step;
    if (!rules || !rules.subjects.includes(kind)) {
      each(award.code, screenUnder(input, plan.ruleSet, award, plan.ctx, opts.maxSteps));
      continue;
    }
    const f = deriveFacts(input, award, plan.ruleSet, plan.cat, plan.ctx.settings, step.priorCode);
    const compiled = (step.compiled[kind] ??= compiledFor(plan.ruleSet, award, kind, plan.ctx.settings, 'common_last'));
    each(award.code, screenStatuses(input, plan.ruleSet, award, plan.ctx, f, opts.maxSteps, compiled, evaluate));
  }
}

/**
 * Checks an already-validated input (everyone else calls `checkEligibility`).
 * @throws EligibilityError for an unknown award or a date before any rule set.
 */
export function checkParsed(input: EligibilityInput, opts: EngineOptions = {}): EligibilityResult {
  return screenParsed(input, opts).explain();
}

/**
 * Checks one subject for one award, exactly per ../shared/domain/eligibility-input.md.
 * @throws ZodError on invalid input; EligibilityError for an unknown award or date.
 * @example checkEligibility({ award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual', underReview: false }, years: [{ year: 2025, rating: 'good', monthsWorked: 12 }] }).eligible // true
 */
export function checkEligibility(raw: EligibilityInputRaw, opts: EngineOptions = {}): EligibilityResult {
  return checkParsed(ZEligibilityInput.parse(raw), opts);
}

/**
 * A stored history (the loaders' input, built by our own code) checked for one award: defaults filled in without
 * a Zod pass, which discovery cannot afford per check.
 */
export function inputFor(raw: EligibilityInputRaw, award: string, asOf: string, year?: number): EligibilityInput {
  return { ...raw, award, asOf, year, years: raw.years ?? [], awards: raw.awards ?? [], pending: raw.pending ?? [] } as EligibilityInput;
}

/** Award codes the engine evaluates for a subject kind under the rule set in force on a date. */
export function awardsFor(kind: EligibilityInput['subject']['kind'], asOf: string, cat: Catalogue = defaultCatalogue()): string[] {
  const rs = ruleSetOn(asOf, cat);
  if (!rs) return [];
  return cat.awards.filter((a) => rs.awards[a.code]?.subjects.includes(kind)).map((a) => a.code);
}
