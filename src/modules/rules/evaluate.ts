/**
 * Evaluating a tree of compiled criteria on the derived facts: a leaf runs its predicate, an `any_of` is met by
 * one met alternative, an `all_of` by all its parts; `review` (unknown facts that decide) wins over `unmet` only
 * in an any_of with nothing met. Two ways, the same statuses (a property test holds them equal): nodes that can
 * explain themselves (`evalNode`, for the texts), and bare verdicts (`verdictOf`, for screening millions of checks).
 */
import type { AwardDef, Catalogue, RuleSet } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { CriterionResult, EligibilityInput } from './contract.ts';
import { type Compiled, compiledFor, priorCodeOf } from './compile.ts';
import { groupText } from './explain.ts';
import { type Facts, deriveFacts } from './facts.ts';
import type { AwardEvaluator, PredicateOutcome } from './predicates.ts';
import { INF } from './vocabulary.ts';


/** What every check of a run shares: the catalogue and the settings merged with their defaults. */
export interface Context {
  cat: Catalogue;
  settings: Settings;
}

export type NodeText = { vi: string; en: string; missingVi: string[]; missingEn: string[] };

/** One evaluated criterion; its texts are built only when explained (discovery screens first). */
export interface Node {
  readonly id: string;
  readonly basis: string;
  readonly status: CriterionResult['status'];
  readonly gap: number;
  readonly duplicate?: CriterionResult['duplicate'];
  readonly children: Node[];
  /** An unmet alternative that does not apply to the subject (PredicateOutcome.quiet). */
  readonly quiet?: boolean;
  /** Reason (vi, en) and, when unmet, what is missing (vi, en). */
  text: () => NodeText;
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
export const gapOf = (x: Scored) => (x.status === 'unmet' ? (x.gap ?? INF) : 0);

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

/** A criterion evaluated into a node that can explain itself. */
export function evalNode(c: Compiled, f: Facts, evaluateAward: AwardEvaluator): Node {
  if (c.mode) {
    const children: Node[] = new Array(c.children.length);
    for (let i = 0; i < children.length; i++) children[i] = evalNode(c.children[i], f, evaluateAward);
    const status = groupStatus(c.mode, children);
    return new GroupNode(c, status, status === 'unmet' ? groupGap(c.mode, children) : 0, children);
  }
  return new LeafNode(c, (c.run as NonNullable<Compiled['run']>)(f, c.params, evaluateAward));
}

/** A criterion's status and gap, without its node or texts (screening). */
export interface Verdict {
  status: CriterionResult['status'];
  gap?: number;
  duplicate?: CriterionResult['duplicate'];
}

export function verdictOf(c: Compiled, f: Facts, evaluate: AwardEvaluator): Verdict {
  if (!c.mode) return (c.run as NonNullable<Compiled['run']>)(f, c.params, evaluate);
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

/** Evaluates one award's own criteria (without the common ones) for "meets the standard of" checks. */
export function standardOf(input: EligibilityInput, ruleSet: RuleSet, ctx: Context, depth: number): AwardEvaluator {
  return (code) => {
    const award: AwardDef | undefined = ctx.cat.byCode.get(code);
    const rules = ruleSet.awards[code];
    if (!award || !rules || depth > 3) return { status: 'review', gap: INF, text: () => [`tiêu chuẩn ${code} chưa có trong danh mục`, `${code} has no criteria`] };
    const f = deriveFacts(input, award, ruleSet, ctx.cat, ctx.settings, priorCodeOf(rules));
    const inner = standardOf(input, ruleSet, ctx, depth + 1);
    const compiled = compiledFor(ruleSet, award, input.subject.kind, ctx.settings, 'own', ctx.cat.where);
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
