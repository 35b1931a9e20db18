/**
 * Predicates about the subject itself, not its years: the freeze while under review (NĐ 152 Art 4(4)), the
 * category it belongs to, residence in the city whose titles the catalogue holds, and the criteria only the
 * council can confirm or judge (their words are the parameters).
 */
import { CATEGORY_EN, CATEGORY_VI } from './text.ts';
import { INF, met, predicate, review, unmet, zCategory, zWords } from './vocabulary.ts';

export const notUnderReview = predicate({}, (f) => {
  const r = f.input.subject.underReview;
  if (r === true) return unmet(INF, () => ['Đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có khiếu nại, tố cáo chưa kết luận: chưa xét khen thưởng', 'Under discipline review, investigation, inspection or an open complaint: no award until concluded', 'Chờ kết luận xem xét, điều tra', 'Wait for the review to conclude']);
  if (r === undefined) return review(() => ['Chưa rõ có đang bị xem xét kỷ luật, điều tra, khiếu nại hay không', 'Unknown whether the subject is under review, investigation or complaint']);
  return met(() => ['Không đang bị xem xét kỷ luật, điều tra, thanh tra, khiếu nại', 'Not under discipline review, investigation, inspection or complaint']);
});

/** The subject belongs to a category (e.g. the armed forces, Law Art 24(2)). */
export const categoryIs = predicate({ category: zCategory }, (f, p) => {
  const vi = CATEGORY_VI[p.category];
  const en = CATEGORY_EN[p.category];
  const c = f.input.subject.category;
  if (c === undefined) return review(() => [`Chưa rõ đối tượng (${vi} hay không)`, `Category unknown (${en} or not)`]);
  return c === p.category ? met(() => [`Thuộc ${vi}`, `Member of ${en}`]) : unmet(INF, () => [`Không thuộc ${vi}`, `Not in ${en}`]);
});

/** Resides in the city whose own titles the catalogue holds (catalogue.yaml `city`: the Capital). */
export const residentOfCapital = predicate({}, (f) => {
  const { nameVi, nameEn } = f.catalogue.city;
  const r = f.input.subject.residentOfCapital;
  if (r === undefined) return review(() => [`Chưa xác nhận đang cư trú tại ${nameVi}`, `Residence in ${nameEn} not confirmed`]);
  return r ? met(() => [`Cư trú tại ${nameVi}`, `Resides in ${nameEn}`]) : unmet(INF, () => [`Không cư trú tại ${nameVi}`, `Does not reside in ${nameEn}`]);
});

export const confirmedAtReview = predicate(zWords, (_f, p) => met(() => [`${p.vi}: Hội đồng xác nhận khi bình xét (không có vi phạm trong dữ liệu)`, `${p.en}: confirmed by the council at its review (no breach recorded)`]));

export const judgement = predicate(zWords, (_f, p) => review(() => [`${p.vi}: cần Hội đồng xem xét, đánh giá`, `${p.en}: needs the council's judgement`]));
