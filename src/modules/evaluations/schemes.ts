/**
 * Rating schemes as data (data/schemes.yaml): bands, 100-point criteria sheets, disqualifying breaches (vetoes) and
 * the cap on "excellent", each scheme with its legal basis and effective dates (Decree 335/2025, Quy định
 * 366-QĐ/TW, Decree 90/2020 before them; evaluation.md §1, §7). Read once and checked with Zod; a mistake is a
 * LawError naming the file and line, like the catalogue's (catalogue/yaml-source.ts). Pure: no database.
 */
import { z } from 'zod';
import { CATEGORIES, RATINGS, type Rating, UNIT_KINDS } from '../../shared/enums.ts';
import { SETTING_DEFS } from '../catalogue/settings.ts';
import { LawError, type YamlSource, lawErrorFromZod, readYamlSource } from '../catalogue/yaml-source.ts';

export type SubjectKind = 'individual' | 'collective';
const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const zText = z.string().min(1);

const ZLeaf = z.strictObject({ code: zText, name_vi: zText, name_en: zText, max: z.number().positive() });
const ZGroup = z.strictObject({ code: zText, name_vi: zText, name_en: zText, max: z.number().positive(), children: z.array(ZLeaf).min(1) });
const ZVeto = z.strictObject({ id: zText, name_vi: zText, name_en: zText, subjects: z.array(z.enum(['individual', 'collective'])).min(1), basis: zText });
const ZCap = z.strictObject({
  rating: z.enum(RATINGS),
  pct: z.number().positive().max(100),
  outstanding_pct: z.number().positive().max(100),
  base_setting: zText,
  min_one_setting: zText,
  rounding: z.literal('floor'),
  basis: zText,
});
const ZScheme = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name_vi: zText,
  name_en: zText,
  legal_basis: zText,
  effective_from: zDate,
  effective_to: zDate.nullable(),
  covers: z.strictObject({ individual_categories: z.array(z.enum(CATEGORIES)).optional(), unit_kinds: z.array(z.enum(UNIT_KINDS)).optional() }),
  scale_max: z.number().positive().nullable(),
  bands: z.array(z.strictObject({ rating: z.enum(RATINGS), min_score: z.number().min(0) })).length(4),
  sheet: z.array(ZGroup),
  vetoes: z.array(ZVeto),
  cap: ZCap.nullable(),
  peer_groups: z.strictObject({ individual: z.literal('leader_flag'), collective: z.literal('unit_kind') }),
});
const ZFile = z.strictObject({ common: z.record(z.string(), z.unknown()).optional(), schemes: z.array(ZScheme).min(1) });

export type Scheme = z.infer<typeof ZScheme>;
export type SchemeCap = z.infer<typeof ZCap>;
export type SheetGroup = z.infer<typeof ZGroup>;

/** The settings a scheme's cap reads (catalogue/settings.ts holds them: uncertain values are settings). */
export const CAP_SETTINGS = ['evaluation_cap_base', 'evaluation_cap_min_one'] as const;

/** Checks what Zod cannot: bands in order ending at 0 and naming every rating, sheets adding up, unique ids. */
function checkScheme(source: YamlSource, s: Scheme, i: number): void {
  const at = (...path: (string | number)[]) => source.at(['schemes', i, ...path]);
  const mins = s.bands.map((b) => b.min_score);
  if (mins.some((m, j) => j > 0 && m >= mins[j - 1]) || mins.at(-1) !== 0) throw new LawError(at('bands'), `${s.id}: bands must go down strictly and end at min_score 0`);
  if (new Set(s.bands.map((b) => b.rating)).size !== RATINGS.length) throw new LawError(at('bands'), `${s.id}: bands must name each rating once`);
  if (s.effective_to && s.effective_to < s.effective_from) throw new LawError(at('effective_to'), `${s.id}: effective_to before effective_from`);
  if (s.sheet.length > 0) {
    const total = s.sheet.reduce((n, g) => n + g.max, 0);
    if (total !== s.scale_max) throw new LawError(at('sheet'), `${s.id}: the sheet's groups add up to ${total}, not scale_max ${s.scale_max}`);
    s.sheet.forEach((g, gi) => {
      const sum = g.children.reduce((n, c) => n + c.max, 0);
      if (sum !== g.max) throw new LawError(at('sheet', gi, 'max'), `${s.id}: criteria of group ${g.code} add up to ${sum}, not ${g.max}`);
    });
    const codes = s.sheet.flatMap((g) => g.children.map((c) => c.code));
    if (new Set(codes).size !== codes.length) throw new LawError(at('sheet'), `${s.id}: a criterion code is used twice`);
  }
}

/**
 * Loads and checks the schemes file (the module's own by default).
 * @throws LawError naming the file and line of the first mistake
 */
export function loadSchemes(url: URL = new URL('./data/schemes.yaml', import.meta.url), settingKeys: ReadonlySet<string> | null = new Set(SETTING_DEFS.map((d) => d.key))): Scheme[] {
  const source = readYamlSource(url);
  const r = ZFile.safeParse(source.data);
  if (!r.success) throw lawErrorFromZod(source, r.error);
  const ids = new Set<string>();
  r.data.schemes.forEach((s, i) => {
    if (ids.has(s.id)) throw new LawError(source.at(['schemes', i, 'id']), `scheme ${s.id} is defined twice`);
    ids.add(s.id);
    checkScheme(source, s, i);
    for (const key of ['base_setting', 'min_one_setting'] as const) {
      const name = s.cap?.[key];
      if (name && settingKeys && !settingKeys.has(name)) throw new LawError(source.at(['schemes', i, 'cap', key]), `${s.id}: unknown setting ${name}`);
    }
  });
  return Object.freeze(r.data.schemes) as Scheme[];
}

let cached: Scheme[] | null = null;
/** The schemes of data/schemes.yaml, loaded once (server/main.ts calls it at start-up: a mistake stops the start). */
export function schemes(): Scheme[] {
  cached ??= loadSchemes();
  return cached;
}

export const schemeById = (id: string): Scheme | undefined => schemes().find((s) => s.id === id);

/** What decides which scheme covers a subject. */
export interface SubjectFacts {
  kind: SubjectKind;
  /** An individual's category of employment. */
  category?: string | null;
  /** A collective's unit kind. */
  unitKind?: string | null;
}

/** The first scheme in force on 31 December of `year` that covers the subject; undefined when none. */
export function schemeFor(year: number, subject: SubjectFacts, list: Scheme[] = schemes()): Scheme | undefined {
  const on = `${year}-12-31`;
  return list.find((s) => {
    if (s.effective_from > on || (s.effective_to && s.effective_to < on)) return false;
    const covered = subject.kind === 'individual' ? s.covers.individual_categories : s.covers.unit_kinds;
    const value = subject.kind === 'individual' ? subject.category : subject.unitKind;
    return !covered || (value != null && (covered as string[]).includes(value));
  });
}

/** The band a total score falls in. */
export function bandOf(scheme: Scheme, score: number): Rating {
  return (scheme.bands.find((b) => score >= b.min_score) ?? scheme.bands[scheme.bands.length - 1]).rating;
}

/** One problem with a score sheet, in the API's field-issue shape. */
export interface SheetIssue { field: string; rule: string; params?: Record<string, unknown> }

/** Scores by criterion code; a veto makes the rating "not completed" whatever the score. */
export interface ScoreSheet { scores: Record<string, number>; vetoes: string[] }

/**
 * Checks a score sheet against the scheme (every leaf scored, within 0..max; vetoes the scheme knows for the
 * subject) and returns its total and rating, or the problems.
 */
export function scoreSheet(scheme: Scheme, kind: SubjectKind, sheet: ScoreSheet): { total: number; rating: Rating; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  if (scheme.sheet.length === 0) issues.push({ field: 'sheet', rule: 'scheme_has_no_sheet', params: { scheme: scheme.id } });
  const leaves = new Map(scheme.sheet.flatMap((g) => g.children.map((c) => [c.code, c.max] as const)));
  let total = 0;
  for (const [code, max] of leaves) {
    const v = sheet.scores[code];
    if (v === undefined) issues.push({ field: `sheet.scores.${code}`, rule: 'required' });
    else if (v < 0 || v > max) issues.push({ field: `sheet.scores.${code}`, rule: 'score_range', params: { max } });
    else total += v;
  }
  for (const code of Object.keys(sheet.scores)) if (!leaves.has(code)) issues.push({ field: `sheet.scores.${code}`, rule: 'unknown_criterion' });
  for (const v of sheet.vetoes) {
    if (!scheme.vetoes.some((d) => d.id === v && d.subjects.includes(kind))) issues.push({ field: 'sheet.vetoes', rule: 'unknown_veto', params: { veto: v } });
  }
  total = Math.round(total * 100) / 100;
  const rating = sheet.vetoes.length > 0 ? 'not_completed' : bandOf(scheme, total);
  return { total, rating, issues };
}
