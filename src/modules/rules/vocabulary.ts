/**
 * What a predicate of the vocabulary is (DESIGN.md "The law is data"): a small pure function over the derived
 * facts, with its parameters declared as a Zod schema. rule-sets.yaml names it in `check` and gives its `params`;
 * the schema refuses unknown names and wrong types when the law is loaded (law-check.ts), so a misspelt parameter
 * stops the start-up instead of silently taking a default. The predicate answers met / unmet / review with a
 * reason that names the year and the fact, in Vietnamese and English, and, when unmet, how far the subject is
 * from meeting it (`gap`) and what is missing. Texts are built from the facts and the parameters only.
 */
import { z } from 'zod';
import { CATEGORIES, DISCIPLINE_LEVELS, RATINGS, SCOPES, type YearFacts } from './contract.ts';
import { type Facts, countFrom } from './facts.ts';

/** Texts of an outcome, built only when someone reads them (discovery screens millions of checks). */
export type OutcomeText = () => [vi: string, en: string, missingVi?: string, missingEn?: string];

export interface PredicateOutcome {
  status: 'met' | 'unmet' | 'review';
  text: OutcomeText;
  gap?: number;
  /** For the duplicate check: what the achievement was already given (or is pending for). */
  duplicate?: 'same' | 'higher' | 'pending';
  /** An alternative that does not apply to the subject at all (no such course): left out of its group's reason. */
  quiet?: boolean;
}

/** Evaluates another award's own criteria for the same year (e.g. "meets the Advanced worker standard"). */
export type AwardEvaluator = (code: string) => { status: 'met' | 'unmet' | 'review'; gap: number; text: () => [vi: string, en: string] };

/** A predicate: its parameters' schema, the award codes they name (checked against the catalogue), the function. */
export interface PredicateDef<P> {
  readonly params: z.ZodType<P>;
  codes?(p: P): readonly string[];
  run(f: Facts, p: P, evaluateAward: AwardEvaluator): PredicateOutcome;
}

/** The parameters a shape declares, as the predicate receives them (defaults filled in). */
export type ParamsOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S, z.core.$strict>>;

/** Declares a predicate; its parameters' object is strict (an unknown name is refused, not ignored). */
export function predicate<S extends z.ZodRawShape>(shape: S, run: (f: Facts, p: ParamsOf<S>, evaluateAward: AwardEvaluator) => PredicateOutcome, codes?: (p: ParamsOf<S>) => readonly string[]): PredicateDef<ParamsOf<S>> {
  const params = z.strictObject(shape) as z.ZodType<ParamsOf<S>>;
  return codes ? { params, run, codes } : { params, run };
}

// The parameters' vocabulary, shared by the predicates.
export const zAward = z.string().regex(/^[a-z0-9_]+$/, 'an award code of catalogue.yaml');
export const zRating = z.enum(RATINGS);
export const zScope = z.enum(SCOPES);
export const zLevel = z.enum(DISCIPLINE_LEVELS);
export const zCategory = z.enum(CATEGORIES);
/** A count of times, years or members: a whole number, at least 1. */
export const zTimes = z.number().int().min(1);
/** "since the previous award" (Art 73(1)(b), 44(1)(e)): the window starts after the prior award's period. */
export const zSince = z.enum(['prior']).optional();
/** A council's words for a criterion only it can judge or confirm. */
export const zWords = { vi: z.string().min(1), en: z.string().min(1) };

export const INF = Number.POSITIVE_INFINITY;
export const met = (text: OutcomeText): PredicateOutcome => ({ status: 'met', text });
export const review = (text: OutcomeText): PredicateOutcome => ({ status: 'review', text });
export const unmet = (gap: number, text: OutcomeText): PredicateOutcome => ({ status: 'unmet', gap, text });

export const yearOf = (f: Facts, y: number): YearFacts | undefined => f.byYear.get(y);
export const titleName = (f: Facts, code: string, lang: 'vi' | 'en') => {
  const a = f.catalogue.byCode.get(code);
  return a ? (lang === 'vi' ? a.nameVi : a.nameEn) : code;
};
export const holds = (f: Facts, y: number, title: string) => (yearOf(f, y)?.titles ?? []).includes(title);

/** Start year of a "since the previous award" window (Art 73(1)(b), 44(1)(e)). */
export function sinceYear(f: Facts, since: 'prior' | undefined): number {
  const base = countFrom(f);
  if (since !== 'prior' || !f.prior) return base;
  return Math.max(base, f.prior.end + 1);
}
