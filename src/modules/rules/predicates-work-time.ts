/**
 * Predicates over time in service (law.md §0.0, corrections of 2026-12-07): the new-recruit rule of Lao động tiên
 * tiến (TT 01/2024/TT-BNV Art 1(5)(d): no title for a person newly recruited less than 6 months; a transfer is not a
 * recruitment; it is no general minimum of months worked), the time the same circular counts as work (statutory
 * maternity leave, on-duty injury treatment, training under a year), the route of a course of a year or more with a
 * result of "khá" or better (Art 1(5)), and "still serving" for the armed-forces medals (Law Art 57).
 */
import { type Leave, STUDY_RESULT_RANK, type StudyResult, type YearFacts } from './contract.ts';
import type { Facts } from './facts.ts';
import type { OutcomeText, Params, Predicate, PredicateOutcome } from './predicates.ts';
import { viDate } from './text.ts';

const INF = Number.POSITIVE_INFINITY;
const met = (text: OutcomeText): PredicateOutcome => ({ status: 'met', text });
const review = (text: OutcomeText): PredicateOutcome => ({ status: 'review', text });
const unmet = (gap: number, text: OutcomeText): PredicateOutcome => ({ status: 'unmet', gap, text });
const num = (p: Params, k: string, d: number) => (typeof p[k] === 'number' ? (p[k] as number) : d);

const RESULT_VI: Record<StudyResult, string> = { excellent: 'xuất sắc', very_good: 'giỏi', fair: 'khá', average: 'trung bình', weak: 'yếu' };
const RESULT_EN: Record<StudyResult, string> = { excellent: 'excellent', very_good: 'very good', fair: 'fair', average: 'average', weak: 'weak' };

/** 6 or 6,5 (Vietnamese decimal comma). */
const monthsVi = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
const monthsEn = (n: number) => String(Math.round(n * 10) / 10);

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
export const newRecruit: Predicate = (f, p) => {
  const need = num(p, 'months', 6);
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
      `${whenVi}: đến hết năm ${year} mới ${months} tháng; không xét Lao động tiên tiến đối với người mới tuyển dụng dưới ${need} tháng${transferVi}`,
      `${whenEn}: only ${months} months by the end of ${year}; no Advanced worker for a new recruit under ${need} months${transferEn}`,
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
};

const noCourse = new Map<number, PredicateOutcome>();
/** No course of a year or more at all: the route does not apply, and its group's reason need not mention it. One
 *  outcome per year, made once: nearly every person of a city has none. */
function noCourseOutcome(f: Facts): PredicateOutcome {
  let o = noCourse.get(f.year);
  if (!o) noCourse.set(f.year, (o = Object.freeze({ ...unmet(INF, () => [`${f.year}: không có khóa đào tạo, bồi dưỡng từ 01 năm trở lên`, `${f.year}: no course of a year or more`]), quiet: true })));
  return o;
}

/** A course of a year or more in the year under review with a result of at least R (TT 01/2024 Art 1(5)). */
export const longTraining: Predicate = (f, p) => {
  const leave = f.byYear.get(f.year)?.leave;
  if (!leave?.length) return noCourseOutcome(f); // most people, most years
  const minMonths = num(p, 'minMonths', 12);
  const wanted = (p.result as StudyResult | undefined) ?? 'fair';
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
    return met(() => [`${y}: đào tạo, bồi dưỡng ${monthsVi(n)} tháng (từ 01 năm trở lên), kết quả loại ${RESULT_VI[result]}`, `${y}: a ${monthsEn(n)}-month course (a year or more), result ${RESULT_EN[result]}`]);
  }
  if (unknown) {
    const n = courseOf(unknown);
    return review(() => [`${y}: đào tạo, bồi dưỡng ${monthsVi(n)} tháng (từ 01 năm trở lên), chưa có kết quả học tập`, `${y}: a ${monthsEn(n)}-month course (a year or more), result unknown`]);
  }
  if (below) {
    const { result } = below as Leave & { result: StudyResult };
    return unmet(INF, () => [`${y}: đào tạo, bồi dưỡng từ 01 năm trở lên, kết quả loại ${RESULT_VI[result]}, dưới loại ${RESULT_VI[wanted]}`, `${y}: a course of a year or more with a result of ${RESULT_EN[result]}, below ${RESULT_EN[wanted]}`]);
  }
  return noCourseOutcome(f);
};

/** Still serving in a category on `asOf` (Law Art 57: the medals are for people still serving in the armed forces). */
export const stillServing: Predicate = (f, p) => {
  const { category, inService } = f.input.subject;
  if (category === undefined) return review(() => ['Chưa rõ đối tượng (lực lượng vũ trang hay không)', 'Category unknown']);
  if (category !== p.category) return unmet(INF, () => ['Không thuộc lực lượng vũ trang', 'Not in the armed forces']);
  if (inService === false) return unmet(INF, () => ['Đã thôi phục vụ trong lực lượng vũ trang: Huy chương chỉ xét tặng người đang công tác', 'No longer serving in the armed forces: the medal is for people still serving']);
  if (inService === undefined) return review(() => ['Chưa rõ còn đang phục vụ trong lực lượng vũ trang hay không', 'Unknown whether still serving in the armed forces']);
  return met(() => ['Đang phục vụ trong lực lượng vũ trang', 'Serving in the armed forces']);
};
