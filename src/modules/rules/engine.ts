/**
 * The eligibility engine: a pure, deterministic function (history, award, asOf) → every criterion with its reason
 * and legal basis, what is missing, and the reward money. No database, no clock: callers pass everything in.
 * This file is the engine's front door; one criterion's way from YAML to verdict (ARCHITECTURE.md "Following one
 * criterion") runs through rule-set-choice.ts (which rule set, the 2026 transition) → screen.ts (facts, the
 * award's criteria) → compile.ts (YAML criterion → predicate with typed params) → evaluate.ts (the tree) →
 * explain.ts (texts, money). screen-batch.ts screens one subject for many awards (discovery).
 */
import { type Catalogue, catalogue as defaultCatalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import { type EligibilityInput, type EligibilityInputRaw, type EligibilityResult, ZEligibilityInput } from './contract.ts';
import { type EngineOptions, screenParsed } from './rule-set-choice.ts';

export type { ScreenSummary, Screened } from './explain.ts';
export { EligibilityError, type EngineOptions, screenParsed } from './rule-set-choice.ts';
export { inputFor, screenAwards } from './screen-batch.ts';

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

/** Award codes the engine evaluates for a subject kind under the rule set in force on a date. */
export function awardsFor(kind: EligibilityInput['subject']['kind'], asOf: string, cat: Catalogue = defaultCatalogue()): string[] {
  const rs = ruleSetOn(asOf, cat);
  if (!rs) return [];
  return cat.awards.filter((a) => rs.awards[a.code]?.subjects.includes(kind)).map((a) => a.code);
}
