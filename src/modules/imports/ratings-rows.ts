import { checkCccd } from '../../shared/cccd.ts';
import { cityYear } from '../../shared/clock.ts';
import type { Rating } from '../../shared/enums.ts';
import { isMaskedNationalId } from '../../shared/personal-data.ts';
import { foldVietnamese } from '../../shared/vietnamese.ts';
import { cellCccd, cellText } from './cells.ts';
import type { ColumnSpec } from './columns.ts';
import type { IssueList } from './issues.ts';
import type { SheetRow } from './read-xlsx.ts';

// The yearly ratings import (xếp loại mức độ hoàn thành nhiệm vụ): one row per person and year. Its labels and
// columns are here, apart from the people and unit templates' (columns.ts).

export const RATING_LABELS: Record<Rating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

// Labels, codes and the abbreviations agencies write (HTXSNV …), folded: case, accents and spacing do not matter.
const RATING_LOOKUP = new Map<string, Rating>();
for (const [code, label] of Object.entries(RATING_LABELS) as [Rating, string][]) {
  RATING_LOOKUP.set(foldVietnamese(label), code);
  RATING_LOOKUP.set(code.replace('_', ' '), code);
}
for (const [text, code] of Object.entries({ htxsnv: 'excellent', htxs: 'excellent', 'xuat sac': 'excellent', httnv: 'good', htt: 'good', tot: 'good', htnv: 'completed', ht: 'completed', khtnv: 'not_completed', kht: 'not_completed' } as Record<string, Rating>)) RATING_LOOKUP.set(text, code);
export const parseRating = (text: string): Rating | undefined => RATING_LOOKUP.get(foldVietnamese(text));

export type RatingColumn = 'nationalId' | 'fullName' | 'year' | 'rating' | 'score';

export const RATING_COLUMNS: ColumnSpec<RatingColumn>[] = [
  { key: 'nationalId', header: 'Số CCCD', width: 16, required: true, kind: 'text', note: '12 chữ số; người phải có sẵn trong hệ thống.' },
  { key: 'fullName', header: 'Họ và tên', width: 28, required: true, kind: 'text', note: 'Phải khớp họ tên đã lưu của người mang số CCCD (để tránh nhầm người).' },
  { key: 'year', header: 'Năm', width: 8, required: true, kind: 'text', note: 'Năm được đánh giá, xếp loại (ví dụ 2026).' },
  { key: 'rating', header: 'Xếp loại', width: 30, required: true, kind: 'list', list: Object.values(RATING_LABELS), note: 'Mức độ hoàn thành nhiệm vụ; chọn trong danh sách (hoặc HTXSNV, HTTNV, HTNV, KHTNV).' },
  { key: 'score', header: 'Điểm', width: 8, required: false, kind: 'text', note: 'Không bắt buộc. Tổng điểm theo thang 100; nếu có, xếp loại phải đúng khung điểm của quy định áp dụng.' },
];

const HEADERS = Object.fromEntries(RATING_COLUMNS.map((c) => [c.key, c.header])) as Record<RatingColumn, string>;
export const ratingHeader = (c: RatingColumn): string => HEADERS[c];

/** A ratings row that passed the checks that need no database. */
export interface StagedRating {
  row: number;
  nationalId: string;
  fullName: string;
  year: number;
  rating: Rating;
  score: number | null;
}

const MIN_YEAR = 2000;

/**
 * Checks one ratings row on its own (required cells, CCCD format, a year not in the future, a known rating, a
 * score 0–100) and across the file (the same person and year twice names the first row).
 */
export function stageRatingRow(r: SheetRow<RatingColumn>, seen: Map<string, number>, issues: IssueList): StagedRating | null {
  const before = issues.items.length;
  const bad = (field: RatingColumn, rule: string, params?: Record<string, unknown>) => issues.add(r.row, field, HEADERS[field], rule, params);
  const nationalId = cellCccd(r.cells.nationalId);
  const fullName = cellText(r.cells.fullName);
  if (nationalId === '') bad('nationalId', 'required');
  else if (isMaskedNationalId(nationalId)) bad('nationalId', 'personal_data_masked');
  else {
    const problem = checkCccd(nationalId);
    if (problem) bad('nationalId', `cccd_${problem}`);
  }
  if (fullName === '') bad('fullName', 'required');
  else if (fullName.length > 200) bad('fullName', 'too_long', { max: 200 });
  const yearText = cellText(r.cells.year);
  const year = Number(yearText);
  if (yearText === '') bad('year', 'required');
  else if (!Number.isInteger(year) || year < MIN_YEAR || year > cityYear()) bad('year', 'year_range', { min: MIN_YEAR, max: cityYear() });
  const ratingText = cellText(r.cells.rating);
  const rating = ratingText === '' ? undefined : parseRating(ratingText);
  if (ratingText === '') bad('rating', 'required');
  else if (!rating) bad('rating', 'invalid_value', { allowed: Object.values(RATING_LABELS) });
  const scoreText = cellText(r.cells.score).replace(',', '.');
  const score = scoreText === '' ? null : Number(scoreText);
  if (score !== null && (!Number.isFinite(score) || score < 0 || score > 100)) bad('score', 'score_range', { max: 100 });
  if (issues.items.length === before) {
    const key = `${nationalId}:${year}`;
    const other = seen.get(key);
    if (other !== undefined) bad('nationalId', 'rating_duplicate_in_file', { year, otherRow: other });
    else seen.set(key, r.row);
  }
  if (issues.items.length > before) return null;
  return { row: r.row, nationalId, fullName, year, rating: rating as Rating, score };
}
