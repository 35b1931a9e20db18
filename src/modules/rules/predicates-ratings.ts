/**
 * Predicates over the yearly task-completion ratings (xếp loại): the year under review rated at least R, N
 * consecutive years rated at least R ending at it, and N years rated at least R in a window.
 */
import { RATING_RANK, type Rating } from './contract.ts';
import { RATING_EN, RATING_VI, yearsText } from './text.ts';
import { INF, met, predicate, review, sinceYear, titleName, unmet, yearOf, zRating, zSince, zTimes } from './vocabulary.ts';

export const ratingAtLeast = predicate({ rating: zRating }, (f, p) => {
  const want = p.rating;
  const r = yearOf(f, f.year)?.rating;
  if (r === null || r === undefined) return review(() => [`${f.year}: chưa có kết quả đánh giá mức độ hoàn thành nhiệm vụ`, `${f.year}: no task-completion rating yet`]);
  if (RATING_RANK[r] >= RATING_RANK[want]) return met(() => [`${f.year}: xếp loại "${RATING_VI[r]}"`, `${f.year}: rated '${RATING_EN[r]}'`]);
  return unmet(INF, () => [`${f.year}: xếp loại "${RATING_VI[r]}", thấp hơn "${RATING_VI[want]}"`, `${f.year}: rated '${RATING_EN[r]}', below '${RATING_EN[want]}'`, `Xếp loại "${RATING_VI[want]}" trở lên`, `A rating of '${RATING_EN[want]}' or better`]);
});

/** Consecutive years rated at least R ending at the year under review (within the window). */
export const ratingChain = predicate({ rating: zRating, years: zTimes.default(1), since: zSince }, (f, p) => {
  const want = p.rating;
  const need = p.years;
  const start = sinceYear(f, p.since);
  const run: number[] = [];
  let unknownAt: number | null = null;
  let brokeAt: { year: number; rating: Rating | null } | null = null;
  for (let y = f.year; y >= start && y > f.year - 80; y--) {
    const r = yearOf(f, y)?.rating;
    if (r === null || r === undefined) {
      if (yearOf(f, y) && run.length < need) unknownAt = y;
      else brokeAt = { year: y, rating: null };
      break;
    }
    if (RATING_RANK[r] < RATING_RANK[want]) {
      brokeAt = { year: y, rating: r };
      break;
    }
    run.push(y);
    if (run.length >= need) break;
  }
  const prior = p.since === 'prior' ? f.prior : null;
  const since = () => (prior ? ` sau thời gian tính thành tích của ${titleName(f, prior.code, 'vi')} (đến năm ${prior.end})` : '');
  const sinceEn = () => (prior ? ` after the period of ${titleName(f, prior.code, 'en')} (to ${prior.end})` : '');
  if (run.length >= need) return met(() => [`${need} năm liên tục xếp loại "${RATING_VI[want]}" trở lên${since()}: ${yearsText(run)}`, `${need} consecutive years rated '${RATING_EN[want]}' or better${sinceEn()}: ${yearsText(run)}`]);
  if (unknownAt !== null) return review(() => [`${unknownAt}: chưa có kết quả đánh giá; đã có ${run.length}/${need} năm liên tục`, `${unknownAt}: no rating; ${run.length} of ${need} consecutive years so far`]);
  const gap = need - run.length;
  return unmet(gap, () => {
    const have = run.length ? `${run.length} năm liên tục (${yearsText(run)})` : `năm ${f.year} chưa đạt`;
    const haveEn = run.length ? `${run.length} consecutive years (${yearsText(run)})` : `not in ${f.year}`;
    const broke = !brokeAt ? (Number.isFinite(start) ? `; chỉ tính từ năm ${start}` : '') : brokeAt.rating ? `; ${brokeAt.year}: xếp loại "${RATING_VI[brokeAt.rating]}", thấp hơn "${RATING_VI[want]}"` : `; ${brokeAt.year}: không có kết quả đánh giá`;
    const brokeEn = !brokeAt ? (Number.isFinite(start) ? `; counting starts in ${start}` : '') : brokeAt.rating ? `; ${brokeAt.year}: rated '${RATING_EN[brokeAt.rating]}', below '${RATING_EN[want]}'` : `; ${brokeAt.year}: no rating`;
    return [`Xếp loại "${RATING_VI[want]}" trở lên${since()}: ${have}, cần ${need} năm${broke}`, `Rated '${RATING_EN[want]}' or better${sinceEn()}: ${haveEn}, ${need} needed${brokeEn}`, `Thêm ${gap} năm liên tục xếp loại "${RATING_VI[want]}" trở lên`, `${gap} more consecutive year(s) rated '${RATING_EN[want]}' or better`];
  });
});

/** At least `min` years rated R or better in the window (since the prior award, or since counting may start). */
export const ratingCount = predicate({ rating: zRating, min: zTimes.default(1), since: zSince }, (f, p) => {
  const want = p.rating;
  const need = p.min;
  const start = sinceYear(f, p.since);
  const years = [...f.byYear.entries()].filter(([y, v]) => y >= start && y <= f.year && v.rating && RATING_RANK[v.rating] >= RATING_RANK[want]).map(([y]) => y).sort((a, b) => a - b);
  if (years.length >= need) return met(() => [`Có ${years.length} năm xếp loại "${RATING_VI[want]}": ${yearsText(years)}`, `${years.length} year(s) rated '${RATING_EN[want]}': ${yearsText(years)}`]);
  const gap = need - years.length;
  return unmet(gap, () => {
    const where = Number.isFinite(start) ? `từ năm ${start}` : 'trong thời gian xét';
    const whereEn = Number.isFinite(start) ? `since ${start}` : 'in the period';
    const missing: [string, string] = [`${gap} năm xếp loại "${RATING_VI[want]}"`, `${gap} year(s) rated '${RATING_EN[want]}'`];
    if (years.length === 0) return [`Chưa có năm nào xếp loại "${RATING_VI[want]}" ${where}`, `No year rated '${RATING_EN[want]}' ${whereEn}`, ...missing];
    return [`Có ${years.length}/${need} năm xếp loại "${RATING_VI[want]}" ${where} (${yearsText(years)})`, `${years.length} of ${need} years rated '${RATING_EN[want]}' ${whereEn} (${yearsText(years)})`, ...missing];
  });
});
