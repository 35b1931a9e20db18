/**
 * Which rule set judges a check, and the transition between two of them. The rule set in force on `asOf` (the
 * date the dossier is received) applies; a dossier received under the 2022 Law but decided under Luật 06/2026
 * gets the more favourable of the two (its Art 4: the later set's `transition` block in rule-sets.yaml).
 */
import { type AwardDef, type Catalogue, type RuleSet, catalogue as defaultCatalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { EligibilityInput, EligibilityResult } from './contract.ts';
import { mergedSettings } from './compile.ts';
import type { Context } from './evaluate.ts';
import type { Screened } from './explain.ts';
import { screenUnder } from './screen.ts';

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

/** The catalogue and settings of a run. */
export function contextFor(opts: EngineOptions): Context {
  return { cat: opts.catalogue ?? defaultCatalogue(), settings: mergedSettings(opts.settings) };
}

/** The award a code names. @throws EligibilityError UNKNOWN_AWARD */
export function awardNamed(cat: Catalogue, code: string): AwardDef {
  const award = cat.byCode.get(code);
  if (!award) throw new EligibilityError('UNKNOWN_AWARD', { award: code }, `unknown award code "${code}" (see catalogue.yaml)`);
  return award;
}

/** The rule set in force on a date. @throws EligibilityError NO_RULE_SET */
export function ruleSetFor(cat: Catalogue, asOf: string): RuleSet {
  const ruleSet = ruleSetOn(asOf, cat);
  if (!ruleSet) throw new EligibilityError('NO_RULE_SET', { asOf }, `no rule set in force on ${asOf} (the 2022 Law applies from 2024-01-01)`);
  return ruleSet;
}

const RANK = (e: EligibilityResult['eligible']) => (e === true ? 2 : e === 'needs_review' ? 1 : 0);

/**
 * The statuses of a check without building its texts; `explain()` gives the full result. Discovery screens
 * every subject and explains only the rows it shows.
 * @throws EligibilityError for an unknown award or a date before any rule set.
 */
export function screenParsed(input: EligibilityInput, opts: EngineOptions = {}): Screened {
  const ctx = contextFor(opts);
  const award = awardNamed(ctx.cat, input.award);
  const ruleSet = ruleSetFor(ctx.cat, input.asOf);
  // Transition (Luật 06/2026 Art 4): a dossier received under the old law but decided under the new one gets the
  // more favourable of the two (both evaluated in full: the comparison needs their real statuses).
  const later = input.decidedOn ? ruleSetOn(input.decidedOn, ctx.cat) : null;
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
