/**
 * Screening one subject for several awards on one date (discovery): the rule set, the awards and their compiled
 * criteria resolved once for a run of calls with the same `awards` list rather than once per check, and
 * person-level facts shared across the awards (facts.ts remembers the last history).
 */
import type { AwardDef, AwardRules, Catalogue, RuleSet } from '../catalogue/catalogue.ts';
import { catalogue as defaultCatalogue } from '../catalogue/catalogue.ts';
import type { EligibilityInput, EligibilityInputRaw, SubjectKind } from './contract.ts';
import { type Compiled, compiledFor, mergedSettings, priorCodeOf } from './compile.ts';
import { type Context, standardOf } from './evaluate.ts';
import type { Screened } from './explain.ts';
import { deriveFacts } from './facts.ts';
import { type EngineOptions, awardNamed, ruleSetFor, screenParsed } from './rule-set-choice.ts';
import { screenStatuses, screenUnder } from './screen.ts';

/**
 * A stored history (the loaders' input, built by our own code) checked for one award: defaults filled in without
 * a Zod pass, which discovery cannot afford per check.
 */
export function inputFor(raw: EligibilityInputRaw, award: string, asOf: string, year?: number): EligibilityInput {
  return { ...raw, award, asOf, year, years: raw.years ?? [], awards: raw.awards ?? [], pending: raw.pending ?? [] } as EligibilityInput;
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
  const ruleSet = ruleSetFor(cat, asOf);
  const steps = awards.map((code) => {
    const award = awardNamed(cat, code);
    const rules = ruleSet.awards[code];
    return { award, rules, priorCode: rules ? priorCodeOf(rules) : null, compiled: {} };
  });
  lastPlan = { awards, asOf, given: opts.settings, cat, ctx: { cat, settings: mergedSettings(opts.settings) }, ruleSet, steps };
  return lastPlan;
}

/**
 * Screens one subject for several awards on one date (discovery): the same answers as `screenParsed` with
 * `maxSteps` for each award (a property test holds them equal).
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
    const compiled = (step.compiled[kind] ??= compiledFor(plan.ruleSet, award, kind, plan.ctx.settings, 'common_last', plan.cat.where));
    each(award.code, screenStatuses(input, plan.ruleSet, award, plan.ctx, f, opts.maxSteps, compiled, evaluate));
  }
}
