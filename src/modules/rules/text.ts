/** Vietnamese and English words the engine's reasons use. */
import type { DisciplineLevel, Rating, Scope } from './contract.ts';

export const RATING_VI: Record<Rating, string> = { excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', completed: 'Hoàn thành nhiệm vụ', not_completed: 'Không hoàn thành nhiệm vụ' };
export const RATING_EN: Record<Rating, string> = { excellent: 'excellent', good: 'good', completed: 'completed', not_completed: 'not completed' };
export const DISCIPLINE_VI: Record<DisciplineLevel, string> = { reprimand: 'khiển trách', warning: 'cảnh cáo', salary_downgrade: 'hạ bậc lương', demotion: 'giáng chức', dismissal_from_post: 'cách chức', dismissal: 'buộc thôi việc' };
export const DISCIPLINE_EN: Record<DisciplineLevel, string> = { reprimand: 'reprimand', warning: 'warning', salary_downgrade: 'salary downgrade', demotion: 'demotion', dismissal_from_post: 'dismissal from post', dismissal: 'dismissal' };
export const SCOPE_VI: Record<Scope, string> = { grassroots: 'cấp cơ sở', ministerial_provincial: 'cấp thành phố (Bộ, ngành, tỉnh)', national: 'toàn quốc' };
export const SCOPE_EN: Record<Scope, string> = { grassroots: 'grassroots', ministerial_provincial: 'city/provincial', national: 'national' };

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
