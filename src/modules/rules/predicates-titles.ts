/**
 * Predicates over the emulation titles a subject holds by year: consecutive chains ending at the year under review
 * (every `spanYears` for multi-year titles), counts of a title in a window, and "meets the standard of" another
 * award in the same year (its own criteria evaluated, unless the title is already held).
 */
import { countFrom } from './facts.ts';
import { yearsText } from './text.ts';
import { holds, met, predicate, review, sinceYear, titleName, unmet, zAward, zSince, zTimes } from './vocabulary.ts';

/** Consecutive occurrences of a title ending at the year under review (every `spanYears` years for multi-year titles). */
export const titleChain = predicate({ title: zAward, times: zTimes.default(1), spanYears: zTimes.default(1) }, (f, p) => {
  const { title, times, spanYears: span } = p;
  const from = countFrom(f);
  const run: number[] = [];
  for (let y = f.year; y >= from && run.length < times; y -= span) {
    if (!holds(f, y, title)) break;
    run.push(y);
  }
  const limited = Number.isFinite(from) && from > f.year - times * span + 1;
  if (run.length >= times) return met(() => [`${times} lần liên tục ${titleName(f, title, 'vi')}: ${yearsText(run)}`, `${times} consecutive ${titleName(f, title, 'en')}: ${yearsText(run)}`]);
  const gap = times - run.length;
  return unmet(gap, () => {
    const nameVi = titleName(f, title, 'vi');
    const nameEn = titleName(f, title, 'en');
    const have = run.length ? `${run.length} lần liên tục (${yearsText(run)})` : `năm ${f.year} chưa có`;
    const haveEn = run.length ? `${run.length} consecutive (${yearsText(run)})` : `none in ${f.year}`;
    const limit = limited ? `; chỉ tính từ năm ${from}` : '';
    const limitEn = limited ? `; counting starts in ${from}` : '';
    return [`${nameVi}: ${have}, cần ${times} lần liên tục${limit}`, `${nameEn}: ${haveEn}, ${times} consecutive needed${limitEn}`, `Thêm ${gap} lần liên tục ${nameVi}`, `${gap} more consecutive ${nameEn}`];
  });
}, (p) => [p.title]);

/** At least `times` years holding a title in the window (since the prior award, or since counting may start). */
export const titleCount = predicate({ title: zAward, times: zTimes.default(1), since: zSince }, (f, p) => {
  const { title, times: need } = p;
  const start = sinceYear(f, p.since);
  const years = [...f.byYear.keys()].filter((y) => y >= start && y <= f.year && holds(f, y, title)).sort((a, b) => a - b);
  const words = () => ({
    nameVi: titleName(f, title, 'vi'), nameEn: titleName(f, title, 'en'),
    where: Number.isFinite(start) ? `từ năm ${start}` : 'trong thời gian xét', whereEn: Number.isFinite(start) ? `since ${start}` : 'in the period',
  });
  if (years.length >= need) return met(() => { const w = words(); return [`${years.length} lần ${w.nameVi} ${w.where}: ${yearsText(years)}`, `${years.length} × ${w.nameEn} ${w.whereEn}: ${yearsText(years)}`]; });
  const gap = need - years.length;
  return unmet(gap, () => { const w = words(); return [`${w.nameVi} ${w.where}: ${years.length}/${need} lần${years.length ? ` (${yearsText(years)})` : ''}`, `${w.nameEn} ${w.whereEn}: ${years.length} of ${need}`, `Thêm ${gap} lần ${w.nameVi}`, `${gap} more ${w.nameEn}`]; });
}, (p) => [p.title]);

/** Meets the standard of another award in the year under review (e.g. Law Art 23(1): the Advanced worker standard). */
export const meetsAward = predicate({ award: zAward }, (f, p, evaluateAward) => {
  const code = p.award;
  const nameVi = () => titleName(f, code, 'vi');
  const nameEn = () => titleName(f, code, 'en');
  if (holds(f, f.year, code)) return met(() => [`${f.year}: đã được công nhận ${nameVi()}`, `${f.year}: holds ${nameEn()}`]);
  const r = evaluateAward(code);
  if (r.status === 'met') return met(() => { const [vi, en] = r.text(); return [`${f.year}: đạt tiêu chuẩn ${nameVi()} (${vi})`, `${f.year}: meets the ${nameEn()} standard (${en})`]; });
  if (r.status === 'review') return review(() => { const [vi, en] = r.text(); return [`${f.year}: tiêu chuẩn ${nameVi()} cần xem xét (${vi})`, `${f.year}: the ${nameEn()} standard needs review (${en})`]; });
  return unmet(r.gap, () => { const [vi, en] = r.text(); return [`${f.year}: chưa đạt tiêu chuẩn ${nameVi()} (${vi})`, `${f.year}: does not meet the ${nameEn()} standard (${en})`, `Đạt tiêu chuẩn ${nameVi()} năm ${f.year}`, `Meet the ${nameEn()} standard in ${f.year}`]; });
}, (p) => [p.award]);
