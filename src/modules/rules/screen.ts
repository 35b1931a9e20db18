/**
 * One award checked under one rule set: the facts derived from the history, the award's compiled criteria
 * evaluated in full (nodes that explain themselves), or screened (statuses only, stopping once the subject is
 * certainly no candidate: discovery). Both give the same statuses; a screened check's texts re-run it in full.
 */
import type { AwardDef, RuleSet } from '../catalogue/catalogue.ts';
import type { EligibilityInput, EligibilityResult } from './contract.ts';
import { type Compiled, compiledFor, priorCodeOf, withBasis } from './compile.ts';
import { type Context, type Node, type Verdict, evalNode, gapOf, standardOf, verdictOf } from './evaluate.ts';
import { INF } from './vocabulary.ts';
import { CheckOf, NotEvaluated, type ScreenSummary, type Screened, Screening, notEvaluated } from './explain.ts';
import { type Facts, deriveFacts } from './facts.ts';
import type { AwardEvaluator } from './predicates.ts';

/** Checks one award under one rule set; with a finite `maxSteps`, screens it (see `EngineOptions.maxSteps`). */
export function screenUnder(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, maxSteps = INF): Screened {
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
  if (Number.isFinite(maxSteps)) return screenStatuses(input, ruleSet, award, ctx, f, maxSteps, compiledFor(ruleSet, award, kind, ctx.settings, 'common_last', ctx.cat.where));
  const evaluate = standardOf(input, ruleSet, ctx, 1);
  const nodes = compiledFor(ruleSet, award, kind, ctx.settings, 'common_first', ctx.cat.where).map((c) => evalNode(c, f, evaluate));
  return new Screening(input, ruleSet, award, rules, ctx, f.year, nodes);
}

/**
 * Screening (discovery): the statuses of a check without a node per criterion, the award's own criteria before
 * the common ones, stopping once the subject is certainly no candidate (more than `maxSteps` away, or a duplicate
 * besides another gap). Gives the same statuses as the full evaluation (a property test holds them equal); texts
 * evaluate the check in full.
 */
export function screenStatuses(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, f: Facts, maxSteps: number, compiled: Compiled[], evaluate: AwardEvaluator = standardOf(input, ruleSet, ctx, 1)): Screened {
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
