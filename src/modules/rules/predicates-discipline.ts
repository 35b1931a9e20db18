/**
 * Predicates over the subject's disciplines: the window achievements count in after a served discipline
 * (NĐ 152 Art 4(4)) and "never disciplined at level L or above" (QĐ 71/2025 of Hà Nội).
 */
import { DISCIPLINE_RANK } from './contract.ts';
import { DISCIPLINE_EN, DISCIPLINE_VI, viDate } from './text.ts';
import { INF, met, predicate, unmet, zLevel } from './vocabulary.ts';

export const disciplineWindow = predicate({}, (f) => {
  const d = f.ongoingDiscipline;
  if (d) {
    const until = d.to ? ` đến ${viDate(d.to)}` : '';
    return unmet(INF, () => [`Đang chấp hành kỷ luật ${DISCIPLINE_VI[d.level]} từ ${viDate(d.from)}${until}`, `Serving a ${DISCIPLINE_EN[d.level]} from ${d.from}${d.to ? ` to ${d.to}` : ''}`, 'Chấp hành xong kỷ luật; thành tích tính từ khi chấp hành xong', 'Serve the discipline; achievements count from its end']);
  }
  if (f.disciplineStart > f.year) {
    const last = f.disciplines.filter((x) => x.to).reduce((m, x) => ((x.to as string) > (m.to as string) ? x : m));
    return unmet(INF, () => [`${f.year}: bị kỷ luật ${DISCIPLINE_VI[last.level]} từ ${viDate(last.from)} đến ${viDate(last.to as string)}; thành tích chỉ tính từ năm ${f.disciplineStart}`, `${f.year}: ${DISCIPLINE_EN[last.level]} from ${last.from} to ${last.to}; achievements count only from ${f.disciplineStart}`]);
  }
  if (f.disciplines.length > 0) {
    return met(() => [`Kỷ luật đã chấp hành xong; thành tích tính từ năm ${f.disciplineStart}`, `Discipline served; achievements count from ${f.disciplineStart}`]);
  }
  return met(() => ['Không bị kỷ luật trong thời gian tính thành tích', 'No discipline in the achievement period']);
});

/** Never disciplined at `level` or above. */
export const noDisciplineEver = predicate({ level: zLevel }, (f, p) => {
  const floor = DISCIPLINE_RANK[p.level];
  const d = f.disciplines.find((x) => DISCIPLINE_RANK[x.level] >= floor);
  if (d) return unmet(INF, () => [`Đã bị kỷ luật ${DISCIPLINE_VI[d.level]} từ ${viDate(d.from)}`, `Disciplined (${DISCIPLINE_EN[d.level]}) from ${d.from}`]);
  return met(() => [`Chưa bị kỷ luật từ ${DISCIPLINE_VI[p.level]} trở lên`, `Never disciplined at ${DISCIPLINE_EN[p.level]} or above`]);
});
