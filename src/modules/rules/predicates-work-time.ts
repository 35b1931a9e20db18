/**
 * Predicates over time in service (law.md §0.0, corrections of 2026-12-07): the new-recruit rule of Lao động tiên
 * tiến (TT 01/2024/TT-BNV Art 1(5)(d): no title for a person newly recruited less than 6 months; a transfer is not a
 * recruitment; it is no general minimum of months worked), the time the same circular counts as work (statutory
 * maternity leave, on-duty injury treatment, training under a year), the route of a course of a year or more with a
 * result of "khá" or better (Art 1(5)), and "still serving" for the armed-forces medals (Law Art 57).
 */
import { z } from 'zod';
import { type Leave, STUDY_RESULTS, STUDY_RESULT_RANK, type StudyResult, type YearFacts } from './contract.ts';
import type { Facts } from './facts.ts';
import { CATEGORY_EN, CATEGORY_VI, monthsSpanEn, monthsSpanVi, numberEn as monthsEn, numberVi as monthsVi, viDate } from './text.ts';
import { INF, type PredicateOutcome, met, predicate, review, unmet, zCategory } from './vocabulary.ts';

const RESULT_VI: Record<StudyResult, string> = { excellent: 'xuất sắc', very_good: 'giỏi', fair: 'khá', average: 'trung bình', weak: 'yếu' };
const RESULT_EN: Record<StudyResult, string> = { excellent: 'excellent', very_good: 'very good', fair: 'fair', average: 'average', weak: 'weak' };

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Whole months from a 'YYYY-MM-DD' date to the end of a year (0 when it is later). Read from the characters, not
 *  parsed: it runs for every person discovery screens. */
export function monthsToYearEnd(from: string, year: number): number {
  const y = digit(from, 0) * 1000 + digit(from, 1) * 100 + digit(from, 2) * 10 + digit(from, 3);
  const m = digit(from, 5) * 10 + digit(from, 6);
  const firstOfMonth = from.charCodeAt(8) === 48 && from.charCodeAt(9) === 49; // "01"
  return Math.max(0, (year + 1 - y) * 12 - (m - 1) - (firstOfMonth ? 0 : 1));
}

/** A course's length: the whole course when given, else what this year holds of it. */
const courseOf = (l: Leave) => l.courseMonths ?? l.months;

/** The leave of a year the circular counts as time at work, by kind (monthsWorked already includes maternity). */
function countedLeave(y: YearFacts | undefined): { maternity: number; training: number; injury: number } {
  const out = { maternity: 0, training: 0, injury: 0 };
  for (const l of y?.leave ?? []) {
    if (l.kind === 'maternity') out.maternity += l.months;
    else if (l.kind === 'injury') out.injury += l.months;
    else if (l.kind === 'training' && courseOf(l) < 12) out.training += l.months;
  }
  return out;
}

/** "; 2025: 6 tháng nghỉ thai sản … được tính là thời gian công tác", or '' when the year has no such leave. */
function countedNote(f: Facts): [vi: string, en: string] {
  const y = f.byYear.get(f.year);
  if (!y?.leave?.length) return ['', ''];
  const c = countedLeave(y);
  const vi: string[] = [];
  const en: string[] = [];
  if (c.maternity > 0) { vi.push(`${monthsVi(c.maternity)} tháng nghỉ thai sản`); en.push(`${monthsEn(c.maternity)} months of maternity leave`); }
  if (c.training > 0) { vi.push(`${monthsVi(c.training)} tháng đào tạo, bồi dưỡng dưới 01 năm`); en.push(`${monthsEn(c.training)} months of training under a year`); }
  if (c.injury > 0) { vi.push(`${monthsVi(c.injury)} tháng điều trị thương tích khi làm nhiệm vụ`); en.push(`${monthsEn(c.injury)} months of on-duty injury treatment`); }
  if (vi.length === 0) return ['', ''];
  return [`; ${f.year}: ${vi.join(', ')} được tính là thời gian công tác`, `; ${f.year}: ${en.join(', ')} count as time at work`];
}

/** Months of the year the person was in service by the record of that year: at work, or on any leave of it. */
function monthsInServiceOf(y: YearFacts | undefined): number | null {
  if (y === undefined || (y.monthsWorked === undefined && !y.leave?.length)) return null;
  let away = 0;
  for (const l of y.leave ?? []) if (l.kind !== 'maternity') away += l.months;
  return Math.min(12, (y.monthsWorked ?? 0) + away);
}

/**
 * Not a new recruit under N months at the end of the year under review: months since `recruitedOn`, else
 * `startedOn` (the contract). Without either date, a year with N months in service shows it; else unknown.
 */
export const newRecruit = predicate({ months: z.number().min(0).default(6) }, (f, p) => {
  const need = p.months;
  const { recruitedOn, startedOn } = f.input.subject;
  const since = recruitedOn ?? startedOn;
  const year = f.year;
  if (since !== undefined) {
    const months = monthsToYearEnd(since, year);
    const whenVi = recruitedOn ? `Tuyển dụng ngày ${viDate(since)}` : `Bắt đầu công tác tại đơn vị ngày ${viDate(since)}`;
    const whenEn = recruitedOn ? `Recruited on ${since}` : `Started in the unit on ${since}`;
    if (months >= need) {
      return met(() => {
        const [noteVi, noteEn] = countedNote(f);
        return [`${whenVi}: đến hết năm ${year} đã ${months} tháng, không phải người mới tuyển dụng dưới ${need} tháng${noteVi}`, `${whenEn}: ${months} months by the end of ${year}, not a new recruit under ${need} months${noteEn}`];
      });
    }
    const transferVi = recruitedOn ? '' : '; nếu chuyển công tác từ đơn vị khác (không phải tuyển dụng mới), ghi ngày tuyển dụng lần đầu';
    const transferEn = recruitedOn ? '' : '; if transferred from another unit (not a new recruitment), give the first recruitment date';
    return unmet(INF, () => [
      `${whenVi}: đến hết năm ${year} mới ${months} tháng; không xét ${f.award.nameVi} đối với người mới tuyển dụng dưới ${need} tháng${transferVi}`,
      `${whenEn}: only ${months} months by the end of ${year}; no ${f.award.nameEn} for a new recruit under ${need} months${transferEn}`,
      `Đủ ${need} tháng kể từ ngày tuyển dụng`, `${need} months since recruitment`,
    ]);
  }
  const inService = monthsInServiceOf(f.byYear.get(year));
  if (inService !== null && inService >= need) {
    return met(() => {
      const [noteVi, noteEn] = countedNote(f);
      return [`${year}: ${monthsVi(inService)} tháng công tác trong năm, không phải người mới tuyển dụng dưới ${need} tháng${noteVi}`, `${year}: ${monthsEn(inService)} months in service, not a new recruit under ${need} months${noteEn}`];
    });
  }
  return review(() => [
    `Chưa có ngày tuyển dụng (hoặc ngày bắt đầu công tác): chưa xác định được có phải người mới tuyển dụng dưới ${need} tháng hay không`,
    `Recruitment date (or start date) unknown: whether this is a new recruit under ${need} months cannot be told`,
  ]);
});

const noCourse = new Map<number, PredicateOutcome>();
/** No course of the length at all: the route does not apply, and its group's reason need not mention it. One
 *  outcome per year and length, made once: nearly every person of a city has none. */
function noCourseOutcome(f: Facts, minMonths: number): PredicateOutcome {
  const key = f.year * 1000 + minMonths;
  let o = noCourse.get(key);
  if (!o) noCourse.set(key, (o = Object.freeze({ ...unmet(INF, () => [`${f.year}: không có khóa đào tạo, bồi dưỡng từ ${monthsSpanVi(minMonths)} trở lên`, `${f.year}: no course of ${monthsSpanEn(minMonths)} or more`]), quiet: true })));
  return o;
}

/** A course of `minMonths` or more (a year) in the year under review with a result of at least R (TT 01/2024 Art 1(5)). */
export const longTraining = predicate({ minMonths: z.number().int().min(1).max(600).default(12), result: z.enum(STUDY_RESULTS).default('fair') }, (f, p) => {
  const { minMonths, result: wanted } = p;
  const leave = f.byYear.get(f.year)?.leave;
  if (!leave?.length) return noCourseOutcome(f, minMonths); // most people, most years
  const want = STUDY_RESULT_RANK[wanted];
  let passed: Leave | null = null;
  let unknown: Leave | null = null;
  let below: Leave | null = null;
  for (const l of leave) {
    if (l.kind !== 'training' || courseOf(l) < minMonths) continue;
    if (l.result === undefined) unknown ??= l;
    else if (STUDY_RESULT_RANK[l.result] >= want) passed ??= l;
    else below ??= l;
  }
  const y = f.year;
  if (passed) {
    const { result } = passed as Leave & { result: StudyResult };
    const n = courseOf(passed);
    return met(() => [`${y}: đào tạo, bồi dưỡng ${monthsVi(n)} tháng (từ ${monthsSpanVi(minMonths)} trở lên), kết quả loại ${RESULT_VI[result]}`, `${y}: a ${monthsEn(n)}-month course (${monthsSpanEn(minMonths)} or more), result ${RESULT_EN[result]}`]);
  }
  if (unknown) {
    const n = courseOf(unknown);
    return review(() => [`${y}: đào tạo, bồi dưỡng ${monthsVi(n)} tháng (từ ${monthsSpanVi(minMonths)} trở lên), chưa có kết quả học tập`, `${y}: a ${monthsEn(n)}-month course (${monthsSpanEn(minMonths)} or more), result unknown`]);
  }
  if (below) {
    const { result } = below as Leave & { result: StudyResult };
    return unmet(INF, () => [`${y}: đào tạo, bồi dưỡng từ ${monthsSpanVi(minMonths)} trở lên, kết quả loại ${RESULT_VI[result]}, dưới loại ${RESULT_VI[wanted]}`, `${y}: a course of ${monthsSpanEn(minMonths)} or more with a result of ${RESULT_EN[result]}, below ${RESULT_EN[wanted]}`]);
  }
  return noCourseOutcome(f, minMonths);
});

/** Still serving in a category on `asOf` (Law Art 57: the medals are for people still serving in the armed forces). */
export const stillServing = predicate({ category: zCategory }, (f, p) => {
  const vi = CATEGORY_VI[p.category];
  const en = CATEGORY_EN[p.category];
  const { category, inService } = f.input.subject;
  if (category === undefined) return review(() => [`Chưa rõ đối tượng (${vi} hay không)`, `Category unknown (${en} or not)`]);
  if (category !== p.category) return unmet(INF, () => [`Không thuộc ${vi}`, `Not in ${en}`]);
  if (inService === false) return unmet(INF, () => [`Đã thôi phục vụ trong ${vi}: chỉ xét tặng người đang công tác`, `No longer serving in ${en}: only people still serving are eligible`]);
  if (inService === undefined) return review(() => [`Chưa rõ còn đang phục vụ trong ${vi} hay không`, `Unknown whether still serving in ${en}`]);
  return met(() => [`Đang phục vụ trong ${vi}`, `Serving in ${en}`]);
});
