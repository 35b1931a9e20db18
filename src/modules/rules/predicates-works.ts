/**
 * Predicates over initiatives (sáng kiến) and science works (đề tài khoa học) of a scope, counted in a window:
 * the year under review, or the last N years of a chain, never before counting may start (facts.ts countFrom).
 * An initiative counts once (CV 5007/BNV-TĐKT); a science work counts once accepted (nghiệm thu).
 */
import { z } from 'zod';
import { SCOPE_RANK } from './contract.ts';
import { type Facts, countFrom } from './facts.ts';
import { SCOPE_EN, SCOPE_VI, yearsText } from './text.ts';
import { type ParamsOf, type PredicateOutcome, met, predicate, review, unmet, yearOf, zAward, zScope, zTimes } from './vocabulary.ts';

const SCIENCE_WORKS = {
  scope: zScope,
  count: zTimes.default(1),
  /** `review_year`: the year under review; `chain`: its last `chainYears` years. */
  window: z.enum(['review_year', 'chain']).default('review_year'),
  chainYears: zTimes.default(1),
};
const INITIATIVES = {
  ...SCIENCE_WORKS,
  /** Initiatives already used for these awards do not count (e.g. the one a grassroots fighter title rested on). */
  excludeUsedFor: z.array(zAward).default([]),
};
type WorksParams = ParamsOf<typeof SCIENCE_WORKS> & { excludeUsedFor?: string[] };
const NONE: string[] = [];

/** First year of a window: the year under review, or the first of the last N years of a chain, never before countFrom. */
function windowStart(f: Facts, p: WorksParams): number {
  return Math.max(countFrom(f), p.window === 'chain' ? f.year - p.chainYears + 1 : f.year, f.year - 60);
}

/** The years a window covers. */
function windowYears(f: Facts, p: WorksParams): number[] {
  const out: number[] = [];
  for (let y = windowStart(f, p); y <= f.year; y++) out.push(y);
  return out;
}

/** An initiative counts once: if it already supported another award it does not count again (CV 5007/BNV-TĐKT);
 *  between two emulation titles reuse is not expressly banned, so a title may count one used for another title. */
function initiativeUsable(f: Facts, usedFor: string | null | undefined, exclude: string[]): boolean {
  if (usedFor === null || usedFor === undefined || usedFor === '') return true;
  if (exclude.includes(usedFor)) return false;
  if (usedFor === f.award.code) return true;
  const other = f.catalogue.byCode.get(usedFor);
  return f.award.kind === 'title' && other?.kind === 'title';
}

/** The initiatives or science works of a window that count, by year (a year listed once per work). */
interface WorkCount {
  found: number[];
  unknownAcceptance: number[];
  usedElsewhere: number;
}

const NO_WORKS: WorkCount = Object.freeze({ found: [], unknownAcceptance: [], usedElsewhere: 0 }) as WorkCount;

function tallyWorks(f: Facts, p: WorksParams, kind: 'initiative' | 'science'): WorkCount {
  const scope = p.scope;
  let out = NO_WORKS; // most people have no work in the window: nothing is allocated for them
  for (let y = windowStart(f, p); y <= f.year; y++) {
    const facts = yearOf(f, y);
    const works = kind === 'initiative' ? facts?.initiatives : facts?.scienceProjects;
    if (!works?.length) continue;
    if (out === NO_WORKS) out = { found: [], unknownAcceptance: [], usedElsewhere: 0 };
    if (kind === 'initiative') {
      for (const i of facts?.initiatives ?? []) {
        if (SCOPE_RANK[i.scope] < SCOPE_RANK[scope]) continue;
        if (initiativeUsable(f, i.usedFor, p.excludeUsedFor ?? NONE)) out.found.push(y);
        else out.usedElsewhere++;
      }
    } else {
      for (const s of facts?.scienceProjects ?? []) {
        if (SCOPE_RANK[s.scope] < SCOPE_RANK[scope]) continue;
        if (s.accepted === true) out.found.push(y);
        else if (s.accepted === undefined) out.unknownAcceptance.push(y);
      }
    }
  }
  return out;
}

function countWorks(f: Facts, p: WorksParams, kind: 'initiative' | 'science'): PredicateOutcome {
  const { scope, count: need } = p;
  const c = tallyWorks(f, p, kind);
  const words = () => {
    const years = windowYears(f, p);
    return {
      span: years.length === 0 ? `${f.year}` : yearsText(years),
      whatVi: kind === 'initiative' ? `sáng kiến ${SCOPE_VI[scope]}` : `đề tài khoa học ${SCOPE_VI[scope]} đã nghiệm thu`,
      whatEn: kind === 'initiative' ? `${SCOPE_EN[scope]} initiative(s)` : `accepted ${SCOPE_EN[scope]} science work(s)`,
      used: c.usedElsewhere > 0 ? `; ${c.usedElsewhere} sáng kiến đã dùng cho khen thưởng khác không được tính lại` : '',
      usedEn: c.usedElsewhere > 0 ? `; ${c.usedElsewhere} initiative(s) already used for another award do not count again` : '',
    };
  };
  const { found, unknownAcceptance } = c;
  if (found.length >= need) {
    return met(() => {
      const w = words();
      return [`${w.span}: có ${found.length} ${w.whatVi} (năm ${yearsText(found)})${w.used}`, `${w.span}: ${found.length} ${w.whatEn} (${yearsText(found)})${w.usedEn}`];
    });
  }
  const gap = need - found.length;
  // Projects whose acceptance (nghiệm thu) is not recorded could close the gap: the fact is needed, not assumed.
  if (unknownAcceptance.length >= gap) {
    return review(() => [`${yearsText(unknownAcceptance)}: chưa rõ đề tài khoa học đã được nghiệm thu hay chưa`, `${yearsText(unknownAcceptance)}: unknown whether the science work was accepted`]);
  }
  return unmet(gap, () => {
    const w = words();
    return [`${w.span}: có ${found.length}/${need} ${w.whatVi}${w.used}`, `${w.span}: ${found.length} of ${need} ${w.whatEn}${w.usedEn}`, `Thêm ${gap} ${w.whatVi}`, `${gap} more ${w.whatEn}`];
  });
}

export const initiative = predicate(INITIATIVES, (f, p) => countWorks(f, p, 'initiative'), (p) => p.excludeUsedFor);
export const scienceProject = predicate(SCIENCE_WORKS, (f, p) => countWorks(f, p, 'science'));
