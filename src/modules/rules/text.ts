/** Vietnamese and English words the engine's reasons use. */
import type { CATEGORIES, DisciplineLevel, Rating, Scope } from './contract.ts';

type Category = (typeof CATEGORIES)[number];

export const RATING_VI: Record<Rating, string> = { excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', completed: 'Hoàn thành nhiệm vụ', not_completed: 'Không hoàn thành nhiệm vụ' };
export const RATING_EN: Record<Rating, string> = { excellent: 'excellent', good: 'good', completed: 'completed', not_completed: 'not completed' };
export const DISCIPLINE_VI: Record<DisciplineLevel, string> = { reprimand: 'khiển trách', warning: 'cảnh cáo', salary_downgrade: 'hạ bậc lương', demotion: 'giáng chức', dismissal_from_post: 'cách chức', dismissal: 'buộc thôi việc' };
export const DISCIPLINE_EN: Record<DisciplineLevel, string> = { reprimand: 'reprimand', warning: 'warning', salary_downgrade: 'salary downgrade', demotion: 'demotion', dismissal_from_post: 'dismissal from post', dismissal: 'dismissal' };
export const SCOPE_VI: Record<Scope, string> = { grassroots: 'cấp cơ sở', ministerial_provincial: 'cấp thành phố (Bộ, ngành, tỉnh)', national: 'toàn quốc' };
export const SCOPE_EN: Record<Scope, string> = { grassroots: 'grassroots', ministerial_provincial: 'city/provincial', national: 'national' };
/** A category of people as a group one belongs to ("Thuộc lực lượng vũ trang", "Member of the armed forces"). */
export const CATEGORY_VI: Record<Category, string> = { civil_servant: 'cán bộ, công chức', public_employee: 'viên chức', worker: 'người lao động', farmer: 'nông dân', armed_forces: 'lực lượng vũ trang', other: 'đối tượng khác' };
export const CATEGORY_EN: Record<Category, string> = { civil_servant: 'the civil service', public_employee: 'the public employees', worker: 'the workers', farmer: 'the farmers', armed_forces: 'the armed forces', other: 'another group' };

/** 6 or 6,5 (Vietnamese decimal comma). */
export const numberVi = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
export const numberEn = (n: number) => String(Math.round(n * 10) / 10);

/** A length in months as the circulars write it: "01 năm", "02 năm", else "18 tháng"; "a year", "2 years", "18 months". */
export function monthsSpanVi(months: number): string {
  return months % 12 === 0 ? `${String(months / 12).padStart(2, '0')} năm` : `${numberVi(months)} tháng`;
}
export function monthsSpanEn(months: number): string {
  return months === 12 ? 'a year' : months % 12 === 0 ? `${months / 12} years` : `${numberEn(months)} months`;
}

/** dd/mm/yyyy, the Vietnamese way of writing a date. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "2023, 2024, 2025" or "2023–2025" for a run. */
export function yearsText(years: number[]): string {
  if (years.length === 0) return '—';
  const sorted = [...years].sort((a, b) => a - b);
  const isRun = sorted.every((y, i) => i === 0 || y === sorted[i - 1] + 1);
  return isRun && sorted.length > 2 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(', ');
}
