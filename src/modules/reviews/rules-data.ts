/**
 * The annual review's law as data (data/review-rules.yaml): which awards need a registration for emulation (đăng ký
 * thi đua) and which awards a unit of a kind confers itself, each with effective dates and a legal basis. Read once
 * and checked with Zod; a mistake is a LawError naming the file and line (catalogue/yaml-source.ts). Pure.
 */
import { z } from 'zod';
import { UNIT_KINDS, type UnitKind } from '../../shared/enums.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { LawError, lawErrorFromZod, readYamlSource } from '../catalogue/yaml-source.ts';

const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const zText = z.string().min(1);

const ZConfers = z.strictObject({
  unit_kinds: z.array(z.enum(UNIT_KINDS)).min(1),
  awards: z.array(zText).min(1),
  decision_kind: zText,
  basis: zText,
  uncertain: z.boolean(),
});
const ZRuleSet = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  effective_from: zDate,
  effective_to: zDate.nullable(),
  registration: z.strictObject({
    required_for: z.array(zText),
    statuses_that_count: z.array(zText).min(1),
    basis: zText,
    uncertain: z.boolean(),
  }),
  confers: z.array(ZConfers),
});
const ZFile = z.strictObject({ rule_sets: z.array(ZRuleSet).min(1) });

export type ReviewRuleSet = z.infer<typeof ZRuleSet>;

/**
 * Loads and checks the file (the module's own by default): award codes must be the catalogue's.
 * @throws LawError naming the file and line of the first mistake
 */
export function loadReviewRules(url: URL = new URL('./data/review-rules.yaml', import.meta.url)): ReviewRuleSet[] {
  const source = readYamlSource(url);
  const r = ZFile.safeParse(source.data);
  if (!r.success) throw lawErrorFromZod(source, r.error);
  const codes = new Set(catalogue().awards.map((a) => a.code));
  r.data.rule_sets.forEach((rs, i) => {
    if (rs.effective_to && rs.effective_to < rs.effective_from) throw new LawError(source.at(['rule_sets', i, 'effective_to']), `${rs.id}: effective_to before effective_from`);
    rs.registration.required_for.forEach((code, j) => {
      if (!codes.has(code)) throw new LawError(source.at(['rule_sets', i, 'registration', 'required_for', j]), `${rs.id}: unknown award ${code}`);
    });
    rs.confers.forEach((c, k) => c.awards.forEach((code, j) => {
      if (!codes.has(code)) throw new LawError(source.at(['rule_sets', i, 'confers', k, 'awards', j]), `${rs.id}: unknown award ${code}`);
    }));
  });
  return Object.freeze(r.data.rule_sets) as ReviewRuleSet[];
}

let cached: ReviewRuleSet[] | null = null;
/** The rule sets of data/review-rules.yaml, loaded once (server/main.ts calls it at start-up). */
export function reviewRules(): ReviewRuleSet[] {
  cached ??= loadReviewRules();
  return cached;
}

/** The rule set in force on 31 December of the year under review. @throws Error when none is */
export function reviewRulesFor(year: number, list: ReviewRuleSet[] = reviewRules()): ReviewRuleSet {
  const on = `${year}-12-31`;
  const rs = list.find((s) => s.effective_from <= on && (!s.effective_to || s.effective_to >= on));
  if (!rs) throw new Error(`no review rule set in force on ${on}`);
  return rs;
}

/** What the unit does with an award that passed: decide it itself (and under which kind of decision) or send it up. */
export function conferral(rs: ReviewRuleSet, unitKind: UnitKind, award: string): { decisionKind: string; basis: string } | null {
  const c = rs.confers.find((x) => x.unit_kinds.includes(unitKind) && x.awards.includes(award));
  return c ? { decisionKind: c.decision_kind, basis: c.basis } : null;
}
