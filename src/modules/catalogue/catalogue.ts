/**
 * The law as data: titles and forms (catalogue.yaml, with names, coefficients and legal bases) and the criteria of
 * each award per rule set (rule-sets.yaml). Both files are read once, checked with Zod, and frozen. Pure: no
 * database; the rule engine and the routes read from here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { AWARD_NAMES_EN } from './names-en.ts';
import { SETTING_DEFS } from './settings.ts';

const DATA = new URL('./data/', import.meta.url);
const zDay = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const zSubjects = z.union([z.enum(['individual', 'collective', 'household']), z.array(z.enum(['individual', 'collective', 'household']))]).transform((v) => (Array.isArray(v) ? v : [v]));
const zCoefficient = z.union([z.number(), z.record(z.string(), z.unknown()), z.null()]).optional();

const ZCatalogueEntry = z.looseObject({ code: z.string(), name_vi: z.string(), subject: zSubjects, reward_coefficient: zCoefficient, legal_basis: z.string().optional(), uncertain: z.boolean().optional(), level: z.string().optional(), granting_authority: z.array(z.string()).optional() });
const ZCatalogueFile = z.looseObject({
  meta: z.looseObject({
    base_salary_vnd: z.array(z.object({ from: zDay, to: zDay.optional(), amount: z.number(), basis: z.string() })),
    money_rule: z.looseObject({ household_multiplier_of_individual: z.number() }),
  }),
  titles: z.array(ZCatalogueEntry),
  forms: z.array(ZCatalogueEntry),
  city_titles: z.array(ZCatalogueEntry),
});

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
    id: z.string().regex(/^[a-z0-9_]+$/),
    check: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    basis: z.string().optional(),
    subjects: z.array(z.enum(['individual', 'collective', 'household'])).optional(),
    when_setting: z.string().optional(),
    unless_setting: z.string().optional(),
    any_of: z.array(ZCriterion).optional(),
    all_of: z.array(ZCriterion).optional(),
  }).refine((c) => [c.check, c.any_of, c.all_of].filter(Boolean).length === 1, 'a criterion has exactly one of check, any_of, all_of'),
);
const ZAlternative = z.strictObject({ vi: z.string(), en: z.string(), basis: z.string() });
const ZAwardRules = z.strictObject({
  subjects: z.array(z.enum(['individual', 'collective', 'household'])),
  /** Only for these subjects: members of the armed forces, or foreigners (no data of ours says who is one). */
  audience: z.enum(['armed_forces', 'foreigners']).optional(),
  criteria: z.array(ZCriterion),
  alternatives: z.array(ZAlternative).optional(),
});
const ZRuleSet = z.strictObject({
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
const ZRuleSetsFile = z.strictObject({ ladders: z.strictObject({ forms: z.array(z.string()) }), rule_sets: z.array(ZRuleSet) });

export type AwardKind = 'title' | 'form' | 'city_title';
export type SubjectKind = 'individual' | 'collective' | 'household';
export type AwardRules = z.infer<typeof ZAwardRules>;
export type RuleSet = Omit<z.infer<typeof ZRuleSet>, 'awards'> & { awards: Record<string, AwardRules> };

/** A title or form of the catalogue. */
export interface AwardDef {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AwardKind;
  subjects: SubjectKind[];
  /** Reward coefficient per subject kind (× base salary), when the catalogue gives one. */
  coefficient: Partial<Record<SubjectKind, number>>;
  legalBasis: string;
  /** Who decides it (after the two-tier reform: NĐ 129/2025 Art 59 moves district powers to the commune chairman). */
  grantingAuthority: string[];
  uncertain: boolean;
}

export interface Catalogue {
  awards: AwardDef[];
  byCode: Map<string, AwardDef>;
  ruleSets: RuleSet[];
  formLadder: string[];
  /** A form's place on the ladder (its index in `formLadder`). */
  formRank: Map<string, number>;
  baseSalaries: { from: string; to: string | null; amount: number; basis: string }[];
  householdMultiplier: number;
}

function coefficients(entry: z.infer<typeof ZCatalogueEntry>, subjects: SubjectKind[]): Partial<Record<SubjectKind, number>> {
  const c = entry.reward_coefficient;
  if (typeof c === 'number') return Object.fromEntries(subjects.map((s) => [s, c]));
  if (c && typeof c === 'object') {
    const out: Partial<Record<SubjectKind, number>> = {};
    for (const s of subjects) if (typeof c[s] === 'number') out[s] = c[s] as number;
    return out;
  }
  return {};
}

function readYaml(name: string): unknown {
  return parse(readFileSync(new URL(name, DATA), 'utf8'), { merge: true });
}

/** Loads and checks both data files; throws naming the file and path on a mistake. */
export function loadCatalogue(): Catalogue {
  const cat = ZCatalogueFile.parse(readYaml('catalogue.yaml'));
  const rules = ZRuleSetsFile.parse(readYaml('rule-sets.yaml'));
  const toAward = (kind: AwardKind) => (e: z.infer<typeof ZCatalogueEntry>): AwardDef => ({
    code: e.code,
    nameVi: e.name_vi,
    nameEn: AWARD_NAMES_EN[e.code] ?? e.code,
    kind,
    subjects: e.subject,
    coefficient: coefficients(e, e.subject),
    legalBasis: e.legal_basis ?? '',
    grantingAuthority: e.granting_authority ?? [],
    uncertain: e.uncertain === true,
  });
  const awards = [...cat.titles.map(toAward('title')), ...cat.forms.map(toAward('form')), ...cat.city_titles.map(toAward('city_title'))];
  const byCode = new Map(awards.map((a) => [a.code, a]));
  const ruleSets: RuleSet[] = [];
  for (const rs of rules.rule_sets) {
    const parent = rs.extends ? ruleSets.find((r) => r.id === rs.extends) : undefined;
    if (rs.extends && !parent) throw new Error(`rule-sets.yaml: ${rs.id} extends unknown rule set ${rs.extends}`);
    const merged: RuleSet = { ...rs, awards: { ...(parent?.awards ?? {}), ...rs.awards } };
    for (const code of Object.keys(merged.awards)) if (!byCode.has(code)) throw new Error(`rule-sets.yaml: ${rs.id} names unknown award ${code}`);
    ruleSets.push(merged);
  }
  for (const code of rules.ladders.forms) if (!byCode.has(code)) throw new Error(`rule-sets.yaml: ladder names unknown award ${code}`);
  for (const rs of ruleSets) checkReferences(rs);
  return {
    awards,
    byCode,
    ruleSets,
    formLadder: rules.ladders.forms,
    formRank: new Map(rules.ladders.forms.map((code, i) => [code, i])),
    baseSalaries: cat.meta.base_salary_vnd.map((b) => ({ from: b.from, to: b.to ?? null, amount: b.amount, basis: b.basis })),
    householdMultiplier: cat.meta.money_rule.household_multiplier_of_individual,
  };
}

const SETTING_KEYS = new Set(SETTING_DEFS.map((d) => d.key));

/** The setting a `$key` param reads in a rule set (its `settings` may name another, e.g. per circular). */
export function settingKeyIn(rs: Pick<RuleSet, 'settings'>, key: string): string {
  return rs.settings?.[key] ?? key;
}

/** Every setting a criterion reads and every `{name}` in a basis must exist: a typo stops the server, naming it. */
export function checkReferences(rs: RuleSet): void {
  const names = new Set(['law', 'decree', ...Object.keys(rs.refs ?? {})]);
  const where = (award: string, id: string) => `rule-sets.yaml: ${rs.id}, ${award}, criterion ${id}`;
  const walk = (award: string, defs: CriterionDef[]) => {
    for (const c of defs) {
      for (const v of Object.values(c.params ?? {})) {
        if (typeof v === 'string' && v.startsWith('$') && !SETTING_KEYS.has(settingKeyIn(rs, v.slice(1)))) throw new Error(`${where(award, c.id)} reads unknown setting ${v}`);
      }
      for (const key of [c.when_setting, c.unless_setting]) if (key && !SETTING_KEYS.has(key)) throw new Error(`${where(award, c.id)} names unknown setting ${key}`);
      for (const m of (c.basis ?? '').matchAll(/\{([a-z_]+)\}/g)) if (!names.has(m[1])) throw new Error(`${where(award, c.id)} cites unknown {${m[1]}}`);
      walk(award, [...(c.any_of ?? []), ...(c.all_of ?? [])]);
    }
  };
  walk('common', rs.common);
  for (const [code, rules] of Object.entries(rs.awards)) walk(code, rules.criteria);
}

let loaded: Catalogue | null = null;
/** The catalogue of this build (loaded once). */
export function catalogue(): Catalogue {
  loaded ??= loadCatalogue();
  return loaded;
}

/** Whether an award's audience includes a subject of this category (awards without an audience include everyone). */
export function audienceIncludes(audience: AwardRules['audience'], category: string | undefined): boolean {
  if (audience === 'armed_forces') return category === 'armed_forces';
  return audience !== 'foreigners';
}

/** The rule set in force on a date (the date the dossier is received), or null before the 2022 Law. */
export function ruleSetOn(date: string, cat: Catalogue = catalogue()): RuleSet | null {
  return cat.ruleSets.find((r) => r.from <= date && (r.to === undefined || date <= r.to)) ?? null;
}
