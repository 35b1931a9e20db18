/**
 * What applies to every award a council votes on (data/council-rules.yaml, with effective dates): the quorum, the
 * threshold of an award whose catalogue entry names none, whether absent members' written votes count. Read once,
 * checked with Zod; a mistake names the file and line (like the catalogue).
 */
import { z } from 'zod';
import { type CouncilVote, catalogue } from '../catalogue/catalogue.ts';
import { LawError, lawErrorFromZod, readYamlSource } from '../catalogue/yaml-source.ts';

const zDay = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const ZRules = z.strictObject({
  from: zDay,
  to: zDay.optional(),
  quorum: z.strictObject({ present_pct_of_all_members: z.number().int().min(1).max(100), basis: z.string().min(1), uncertain: z.boolean().optional() }),
  default_threshold: z.strictObject({ pct_of_all_members: z.number().int().min(1).max(100), strict: z.boolean(), basis: z.string().min(1), uncertain: z.boolean().optional() }),
  written_votes_of_absent_members: z.strictObject({ count: z.boolean(), basis: z.string().min(1) }),
});
const ZFile = z.strictObject({ rules: z.array(ZRules).min(1) });
export type CouncilRules = z.infer<typeof ZRules>;

/** @throws LawError naming file and line */
export function loadCouncilRules(url = new URL('./data/council-rules.yaml', import.meta.url)): CouncilRules[] {
  const source = readYamlSource(url);
  const r = ZFile.safeParse(source.data);
  if (!r.success) throw lawErrorFromZod(source, r.error);
  r.data.rules.forEach((x, i) => {
    if (x.to !== undefined && x.to < x.from) throw new LawError(source.at(['rules', i, 'to']), 'to before from');
  });
  return r.data.rules;
}

let loaded: CouncilRules[] | null = null;
/** The rules in force on a day (the session's), else the earliest. */
export function councilRulesOn(day: string): CouncilRules {
  loaded ??= loadCouncilRules();
  return loaded.find((x) => x.from <= day && (x.to === undefined || day <= x.to)) ?? loaded[0];
}

/** An award's threshold: the catalogue's council vote, else the default of the rules in force. */
export interface Threshold {
  pct: number;
  /** true: more than pct % ("quá"); false: at least pct %. */
  strict: boolean;
  basis: string;
  uncertain: boolean;
}

export function thresholdOf(awardCode: string, rules: CouncilRules): Threshold {
  const vote: CouncilVote | null = catalogue().byCode.get(awardCode)?.councilVote ?? null;
  if (vote) return { pct: vote.thresholdPctOfAllMembers, strict: false, basis: vote.basis, uncertain: vote.uncertain };
  const d = rules.default_threshold;
  return { pct: d.pct_of_all_members, strict: d.strict, basis: d.basis, uncertain: d.uncertain === true };
}

/** The least number of "yes" votes that meets a threshold of `pct` % of `members` (integers only: no rounding surprises). */
export function votesNeeded(t: Pick<Threshold, 'pct' | 'strict'>, members: number): number {
  const exact = t.pct * members;
  return t.strict ? Math.floor(exact / 100) + 1 : Math.ceil(exact / 100);
}
