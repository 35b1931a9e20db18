/**
 * The law as data: titles and forms (catalogue.yaml, with names, coefficients and legal bases, the money rule and
 * the city whose own titles it holds) and the criteria of each award per rule set (rule-sets.yaml). Both files are
 * read once, checked with Zod, and frozen; every criterion keeps the file and line it is written on, so that a
 * mistake found later (rules/law-check.ts compiles every criterion at start-up) still names it. Pure: no
 * database; the rule engine and the routes read from here.
 */
import type { z } from 'zod';
import { AWARD_NAMES_EN } from './names-en.ts';
import { type CatalogueEntry, type CriterionDef, type RuleSetsFile, ZAwardRules, ZCatalogueFile, ZRuleSet, ZRuleSetsFile, isYearlyCap } from './schemas.ts';
import { SETTING_DEFS } from './settings.ts';
import { LawError, type YamlPath, type YamlSource, lawErrorFromZod, readYamlSource } from './yaml-source.ts';

export type { CriterionDef } from './schemas.ts';
export { LawError } from './yaml-source.ts';

const DATA = new URL('./data/', import.meta.url);

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
  /** At most this many a year city-wide (the setting, when named, holds the value in force). */
  yearlyCap: { max: number; setting: string | null; basis: string } | null;
  /** The council vote the award needs (biểu quyết của Hội đồng TĐKT), or null when the catalogue names none. */
  councilVote: CouncilVote | null;
}

/** A council's vote on an award: at least `thresholdPctOfAllMembers` % of ALL members agree (absent members in writing). */
export interface CouncilVote {
  method: 'secret_ballot' | 'show_of_hands';
  thresholdPctOfAllMembers: number;
  /** The legal basis, or the award's own when the entry names none. */
  basis: string;
  uncertain: boolean;
  absentMembersVoteInWriting: boolean;
}

function councilVoteOf(e: CatalogueEntry): CouncilVote | null {
  const v = e.council_vote;
  if (!v) return null;
  return {
    method: v.method, thresholdPctOfAllMembers: v.threshold_pct_of_all_members, basis: v.basis ?? e.legal_basis ?? '',
    uncertain: v.uncertain === true, absentMembersVoteInWriting: v.absent_members_vote_in_writing ?? true,
  };
}

/** A period of the base salary (lương cơ sở) and the decree that sets it. */
export interface BaseSalary {
  from: string;
  to: string | null;
  amount: number;
  basis: string;
  /** The setting that holds the amount while the decree is unconfirmed. */
  setting: string | null;
}

/** How reward money is reckoned and cited (NĐ 152/2025 Art 49–54). */
export interface MoneyRule {
  decree: { name: string; citedAs: string; methodArticle: number };
  /** The article holding a coefficient: by code, else by the award's kind. */
  articleByCode: ReadonlyMap<string, number>;
  articleByKind: Readonly<Record<AwardKind, number>>;
}

export interface Catalogue {
  awards: AwardDef[];
  byCode: Map<string, AwardDef>;
  ruleSets: RuleSet[];
  formLadder: string[];
  /** A form's place on the ladder (its index in `formLadder`). */
  formRank: Map<string, number>;
  baseSalaries: BaseSalary[];
  householdMultiplier: number;
  money: MoneyRule;
  /** The city whose own titles the catalogue holds (the Capital of "Công dân Thủ đô ưu tú"). */
  city: { nameVi: string; nameEn: string; basis: string };
  /** Where a criterion is written ("src/modules/catalogue/data/rule-sets.yaml:57"; the file alone for one made in code). */
  where: (c: CriterionDef) => string;
}

function coefficients(entry: CatalogueEntry, subjects: SubjectKind[]): Partial<Record<SubjectKind, number>> {
  const c = entry.reward_coefficient;
  if (typeof c === 'number') return Object.fromEntries(subjects.map((s) => [s, c]));
  if (c && typeof c === 'object') {
    const out: Partial<Record<SubjectKind, number>> = {};
    for (const s of subjects) if (typeof c[s] === 'number') out[s] = c[s] as number;
    return out;
  }
  return {};
}

function parsed<T>(source: YamlSource, schema: z.ZodType<T>): T {
  const r = schema.safeParse(source.data);
  if (!r.success) throw lawErrorFromZod(source, r.error);
  return r.data;
}

const SETTING_KEYS = new Set(SETTING_DEFS.map((d) => d.key));

/**
 * Loads and checks both data files (from `dir`, the catalogue's own by default).
 * @throws LawError naming the file and line of the first mistake
 */
export function loadCatalogue(dir: URL = DATA): Catalogue {
  const catSource = readYamlSource(new URL('catalogue.yaml', dir));
  const rulesSource = readYamlSource(new URL('rule-sets.yaml', dir));
  const cat = parsed(catSource, ZCatalogueFile);
  const rules = parsed(rulesSource, ZRuleSetsFile);
  const toAward = (kind: AwardKind, section: string) => (e: CatalogueEntry, i: number): AwardDef => {
    const cap = isYearlyCap(e.quota) ? { max: e.quota.per_year, setting: e.quota.setting ?? null, basis: e.quota.basis } : null;
    if (cap?.setting && !SETTING_KEYS.has(cap.setting)) throw new LawError(catSource.at([section, i, 'quota', 'setting']), `${e.code}: unknown setting ${cap.setting}`);
    return {
      code: e.code, nameVi: e.name_vi, nameEn: AWARD_NAMES_EN[e.code] ?? e.code, kind, subjects: e.subject, coefficient: coefficients(e, e.subject),
      legalBasis: e.legal_basis ?? '', grantingAuthority: e.granting_authority ?? [], uncertain: e.uncertain === true, yearlyCap: cap,
      councilVote: councilVoteOf(e),
    };
  };
  const awards = [...cat.titles.map(toAward('title', 'titles')), ...cat.forms.map(toAward('form', 'forms')), ...cat.city_titles.map(toAward('city_title', 'city_titles'))];
  const byCode = new Map(awards.map((a) => [a.code, a]));
  const where = locateCriteria(rules, rulesSource);
  const ruleSets: RuleSet[] = [];
  rules.rule_sets.forEach((rs, i) => {
    const parent = rs.extends ? ruleSets.find((r) => r.id === rs.extends) : undefined;
    if (rs.extends && !parent) throw new LawError(rulesSource.at(['rule_sets', i, 'extends']), `${rs.id} extends unknown rule set ${rs.extends}`);
    const merged: RuleSet = { ...rs, awards: { ...(parent?.awards ?? {}), ...rs.awards } };
    for (const code of Object.keys(rs.awards)) if (!byCode.has(code)) throw new LawError(rulesSource.at(['rule_sets', i, 'awards', code]), `${rs.id} names unknown award ${code}`);
    ruleSets.push(merged);
  });
  rules.ladders.forms.forEach((code, i) => {
    if (!byCode.has(code)) throw new LawError(rulesSource.at(['ladders', 'forms', i]), `ladder names unknown award ${code}`);
  });
  for (const rs of ruleSets) checkReferences(rs, where);
  const money = cat.meta.money_rule;
  for (const code of Object.keys(money.coefficient_article.by_code)) {
    if (!byCode.has(code)) throw new LawError(catSource.at(['meta', 'money_rule', 'coefficient_article', 'by_code', code]), `unknown award ${code}`);
  }
  cat.meta.base_salary_vnd.forEach((b, i) => {
    if (b.setting && !SETTING_KEYS.has(b.setting)) throw new LawError(catSource.at(['meta', 'base_salary_vnd', i, 'setting']), `unknown setting ${b.setting}`);
  });
  return {
    awards,
    byCode,
    ruleSets,
    formLadder: rules.ladders.forms,
    formRank: new Map(rules.ladders.forms.map((code, i) => [code, i])),
    baseSalaries: cat.meta.base_salary_vnd.map((b) => ({ from: b.from, to: b.to ?? null, amount: b.amount, basis: b.basis, setting: b.setting ?? null })),
    householdMultiplier: money.household_multiplier_of_individual,
    money: {
      decree: { name: money.decree.name, citedAs: money.decree.cited_as, methodArticle: money.decree.method_article },
      articleByCode: new Map(Object.entries(money.coefficient_article.by_code)),
      articleByKind: money.coefficient_article.by_kind,
    },
    city: { nameVi: cat.city.name_vi, nameEn: cat.city.name_en, basis: cat.city.basis },
    where,
  };
}

/** Where each criterion object of the parsed rule sets is written: the path it was reached by, located in the file. */
function locateCriteria(rules: RuleSetsFile, source: YamlSource): (c: CriterionDef) => string {
  const paths = new WeakMap<CriterionDef, YamlPath>();
  const walk = (defs: CriterionDef[], path: YamlPath) => {
    defs.forEach((c, i) => {
      const at = [...path, i];
      if (!paths.has(c)) paths.set(c, at);
      if (c.any_of) walk(c.any_of, [...at, 'any_of']);
      if (c.all_of) walk(c.all_of, [...at, 'all_of']);
    });
  };
  rules.rule_sets.forEach((rs, i) => {
    walk(rs.common, ['rule_sets', i, 'common']);
    for (const [code, a] of Object.entries(rs.awards)) walk(a.criteria, ['rule_sets', i, 'awards', code, 'criteria']);
  });
  return (c) => {
    const path = paths.get(c);
    return path ? source.at(path) : source.file;
  };
}

/** The setting a `$key` param reads in a rule set (its `settings` may name another, e.g. per circular). */
export function settingKeyIn(rs: Pick<RuleSet, 'settings'>, key: string): string {
  return rs.settings?.[key] ?? key;
}

/**
 * Every setting a criterion reads and every `{name}` in a basis must exist: a typo stops the server, naming it.
 * @throws LawError at the criterion's file and line (`where`), e.g. "…/rule-sets.yaml:57: law-…, advanced_worker, criterion x reads unknown setting $y"
 */
export function checkReferences(rs: RuleSet, where: (c: CriterionDef) => string = () => 'rule-sets.yaml'): void {
  const names = new Set(['law', 'decree', ...Object.keys(rs.refs ?? {})]);
  const fail = (award: string, c: CriterionDef, problem: string) => {
    throw new LawError(where(c), `${rs.id}, ${award}, criterion ${c.id} ${problem}`);
  };
  const walk = (award: string, defs: CriterionDef[]) => {
    for (const c of defs) {
      for (const v of Object.values(c.params ?? {})) {
        if (typeof v === 'string' && v.startsWith('$') && !SETTING_KEYS.has(settingKeyIn(rs, v.slice(1)))) fail(award, c, `reads unknown setting ${v}`);
      }
      for (const key of [c.when_setting, c.unless_setting]) if (key && !SETTING_KEYS.has(key)) fail(award, c, `names unknown setting ${key}`);
      for (const m of (c.basis ?? '').matchAll(/\{([a-z_]+)\}/g)) if (!names.has(m[1])) fail(award, c, `cites unknown {${m[1]}}`);
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
