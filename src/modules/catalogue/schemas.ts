/**
 * The shape of the law's two data files, as Zod: catalogue.yaml (titles and forms, money, the city) and
 * rule-sets.yaml (the criteria of every award per rule set). The criteria's `params` are checked against each
 * predicate's own schema by the rules module (rules/law-check.ts), which owns the vocabulary.
 */
import { z } from 'zod';

const SUBJECTS = ['individual', 'collective', 'household'] as const;
const zDay = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const zSubjects = z.union([z.enum(SUBJECTS), z.array(z.enum(SUBJECTS))]).transform((v) => (Array.isArray(v) ? v : [v]));
const zCoefficient = z.union([z.number(), z.record(z.string(), z.unknown()), z.null()]).optional();
const zCode = z.string().regex(/^[a-z0-9_]+$/);

/** A cap the catalogue itself sets: at most `per_year` a year city-wide (or the value of `setting`, which may change it). */
const ZYearlyCap = z.looseObject({ per_year: z.number().int().min(0), setting: z.string().optional(), basis: z.string() });
/** Other caps the research noted (e.g. one flag per cluster) are kept as written and not enforced. */
const ZQuota = z.union([ZYearlyCap, z.looseObject({ per: z.string() })]).nullable().optional();

/** How a council votes on an award (NĐ 98 Art 30(7)): a share of ALL its members, not of those present. */
const ZCouncilVote = z.strictObject({
  method: z.enum(['secret_ballot', 'show_of_hands']),
  threshold_pct_of_all_members: z.number().int().min(1).max(100),
  basis: z.string().optional(),
  uncertain: z.boolean().optional(),
  absent_members_vote_in_writing: z.boolean().optional(),
});

export const ZCatalogueEntry = z.looseObject({
  code: zCode, name_vi: z.string(), subject: zSubjects, reward_coefficient: zCoefficient, legal_basis: z.string().optional(),
  uncertain: z.boolean().optional(), level: z.string().optional(), granting_authority: z.array(z.string()).optional(), quota: ZQuota,
  council_vote: ZCouncilVote.optional(),
});
export type CatalogueEntry = z.infer<typeof ZCatalogueEntry>;
export const isYearlyCap = (q: CatalogueEntry['quota']): q is z.infer<typeof ZYearlyCap> => q != null && 'per_year' in q;

const ZBaseSalary = z.strictObject({
  from: zDay, to: zDay.optional(), amount: z.number().int().min(0), basis: z.string(),
  /** The setting that holds this period's amount while its decree is unconfirmed (the amount is then its default). */
  setting: z.string().optional(),
});
const AWARD_KINDS = ['title', 'form', 'city_title'] as const;
const ZMoneyRule = z.looseObject({
  household_multiplier_of_individual: z.number(),
  /** The decree the amounts follow: its full name, how the entries' `legal_basis` cite it, the article of the method. */
  decree: z.strictObject({ name: z.string(), cited_as: z.string(), method_article: z.number().int() }),
  /** The article holding an award's coefficient: by code first, else by kind. */
  coefficient_article: z.strictObject({ by_kind: z.record(z.enum(AWARD_KINDS), z.number().int()), by_code: z.record(zCode, z.number().int()) }),
});
/** The city whose own titles (`city_titles`) the catalogue holds: "the Capital" of their names and criteria. */
const ZCity = z.strictObject({ name_vi: z.string(), name_en: z.string(), basis: z.string() });

export const ZCatalogueFile = z.looseObject({
  meta: z.looseObject({ base_salary_vnd: z.array(ZBaseSalary).min(1), money_rule: ZMoneyRule }),
  city: ZCity,
  titles: z.array(ZCatalogueEntry),
  forms: z.array(ZCatalogueEntry),
  city_titles: z.array(ZCatalogueEntry),
});
export type CatalogueFile = z.infer<typeof ZCatalogueFile>;

/** One criterion of a rule set as written in rule-sets.yaml. */
export interface CriterionDef {
  id: string;
  check?: string;
  params?: Record<string, unknown>;
  basis?: string;
  subjects?: ('individual' | 'collective' | 'household')[];
  when_setting?: string;
  unless_setting?: string;
  any_of?: CriterionDef[];
  all_of?: CriterionDef[];
}
const ZCriterion: z.ZodType<CriterionDef> = z.lazy(() =>
  z.strictObject({
    id: zCode,
    check: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    basis: z.string().optional(),
    subjects: z.array(z.enum(SUBJECTS)).optional(),
    when_setting: z.string().optional(),
    unless_setting: z.string().optional(),
    any_of: z.array(ZCriterion).optional(),
    all_of: z.array(ZCriterion).optional(),
  }).refine((c) => [c.check, c.any_of, c.all_of].filter(Boolean).length === 1, 'a criterion has exactly one of check, any_of, all_of'),
);
const ZAlternative = z.strictObject({ vi: z.string(), en: z.string(), basis: z.string() });
export const ZAwardRules = z.strictObject({
  subjects: z.array(z.enum(SUBJECTS)),
  /** Only for these subjects: members of the armed forces, or foreigners (no data of ours says who is one). */
  audience: z.enum(['armed_forces', 'foreigners']).optional(),
  criteria: z.array(ZCriterion),
  alternatives: z.array(ZAlternative).optional(),
});
export const ZRuleSet = z.strictObject({
  id: z.string(),
  from: zDay,
  to: zDay.optional(),
  law: z.string(),
  decree: z.string(),
  basis: z.string(),
  uncertain: z.boolean().optional(),
  transition: z.strictObject({ before: zDay, rule: z.literal('more_favourable'), basis: z.string() }).optional(),
  /** Bases whose place differs between the set's instruments, as `{name}` in a criterion's basis. */
  refs: z.record(z.string().regex(/^[a-z_]+$/), z.string()).optional(),
  /** The setting a `$key` param reads in this set (e.g. the new-recruit months of the circular the set applies). */
  settings: z.record(z.string(), z.string()).optional(),
  extends: z.string().optional(),
  common: z.array(ZCriterion),
  awards: z.record(z.string(), ZAwardRules),
});
export const ZRuleSetsFile = z.strictObject({ ladders: z.strictObject({ forms: z.array(z.string()) }), rule_sets: z.array(ZRuleSet) });
export type RuleSetsFile = z.infer<typeof ZRuleSetsFile>;
