/**
 * Predicates over the awards a subject already holds or awaits: one achievement, one form (Law Art 5(2)(c): the
 * same title for the year, a same-or-higher form for the period, or a pending proposal blocks), a prior award a
 * window starts after (Art 73(1)(b), 44(1)(e)), and titles given once per person.
 */
import { countsForMerit, type Facts, periodOf } from './facts.ts';
import { viDate, yearsText } from './text.ts';
import { INF, holds, met, predicate, titleName, unmet, zAward } from './vocabulary.ts';

function ladderIndex(f: Facts, code: string): number {
  return f.catalogue.formRank.get(code) ?? -1;
}

/** The award under review was not already given (or proposed) for the same achievement. */
export const notAlreadyAwarded = predicate({}, (f) => {
  const code = f.award.code;
  const y = f.year;
  const name = f.award.nameVi;
  if (f.award.kind !== 'form') {
    if (holds(f, y, code)) return { ...unmet(INF, () => [`${y}: đã được công nhận ${name}`, `${y}: already holds ${f.award.nameEn}`]), duplicate: 'same' };
  } else {
    const rank = ladderIndex(f, code);
    const sameOrHigher = (c: string) => c === code || (rank >= 0 && ladderIndex(f, c) >= rank);
    const covers = (a: { decisionDate?: string; periodFrom?: number | null; periodTo?: number | null }) => {
      const [from, to] = periodOf(a);
      return from <= y && y <= to;
    };
    const got = f.input.awards.find((a) => sameOrHigher(a.code) && countsForMerit(a) && covers(a));
    if (got) {
      const [from, to] = periodOf(got);
      const outcome = unmet(INF, () => [`Thành tích ${yearsText(from === to ? [from] : [from, to])} đã được khen ${titleName(f, got.code, 'vi')} (quyết định ngày ${viDate(got.decisionDate)}${got.decisionNo ? `, số ${got.decisionNo}` : ''}): một thành tích chỉ khen một hình thức`, `The achievement of ${from === to ? from : `${from}–${to}`} was already awarded ${titleName(f, got.code, 'en')} (decided ${got.decisionDate}): one achievement, one form`]);
      return { ...outcome, duplicate: got.code === code ? 'same' : 'higher' };
    }
  }
  const pending = f.input.pending.find((p) => {
    const rank = ladderIndex(f, code);
    const same = p.code === code || (f.award.kind === 'form' && rank >= 0 && ladderIndex(f, p.code) >= rank);
    const [from, to] = p.periodFrom || p.periodTo ? periodOf(p) : [y, y];
    return same && from <= y && y <= to;
  });
  if (pending) return { duplicate: 'pending', ...unmet(INF, () => [`Đang có trong hồ sơ đề nghị ${titleName(f, pending.code, 'vi')}${pending.reference ? ` (${pending.reference})` : ''} cho cùng thành tích`, `Already in a pending proposal for ${titleName(f, pending.code, 'en')}${pending.reference ? ` (${pending.reference})` : ''} for the same achievement`]) };
  return met(() => [`Thành tích năm ${y} chưa được khen thưởng hình thức này hoặc cao hơn`, `The ${y} achievement has not been given this or a higher award`]);
});

/** A prior merit award of a code, whose achievement period the window then starts after (facts.ts `prior`). */
export const priorAward = predicate({ award: zAward }, (f, p) => {
  const code = p.award;
  if (f.prior && f.prior.code === code) {
    const { award: a, end } = f.prior;
    return met(() => [`Đã được tặng ${titleName(f, code, 'vi')} (quyết định ngày ${viDate(a.decisionDate)}${a.decisionNo ? `, số ${a.decisionNo}` : ''}; thành tích đến năm ${end})`, `Received ${titleName(f, code, 'en')} (decided ${a.decisionDate}; achievement period to ${end})`]);
  }
  return unmet(2, () => {
    const nameVi = titleName(f, code, 'vi');
    const nameEn = titleName(f, code, 'en');
    const other = f.input.awards.find((a) => a.code === code && !countsForMerit(a));
    const why = other ? ` (${nameVi} ngày ${viDate(other.decisionDate)} là khen thưởng đột xuất/chuyên đề, không làm căn cứ khen công trạng — NĐ 152 Điều 4 khoản 3)` : '';
    const whyEn = other ? ` (the ${other.decisionDate} award was sudden/thematic and does not count toward merit awards — Decree 152 Art 4(3))` : '';
    return [`Chưa được tặng ${nameVi}${why}`, `Has not received ${nameEn}${whyEn}`, `Được tặng ${nameVi} trước, rồi tính tiếp thời gian`, `Receive ${nameEn} first; the window starts after it`];
  });
}, (p) => [p.award]);

/** A title given once per person: not received before, as an award or as a title of any year. */
export const notReceivedBefore = predicate({ award: zAward }, (f, p) => {
  const code = p.award;
  const asAward = f.input.awards.find((a) => a.code === code);
  const asTitle = [...f.byYear.entries()].find(([, v]) => (v.titles ?? []).includes(code));
  const nameVi = titleName(f, code, 'vi');
  if (asAward || asTitle) {
    const when = asAward ? `ngày ${viDate(asAward.decisionDate)}` : `năm ${asTitle?.[0]}`;
    return unmet(INF, () => [`Đã được tặng ${nameVi} (${when}); danh hiệu chỉ tặng một lần`, `Already received ${titleName(f, code, 'en')}; awarded once per person`]);
  }
  return met(() => [`Chưa được tặng ${nameVi}`, `Has not received ${titleName(f, code, 'en')}`]);
}, (p) => [p.award]);
