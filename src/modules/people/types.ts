// Declared once for the server, the eligibility contract and the web app (shared/enums.ts).
import type { Category, Gender } from '../../shared/enums.ts';
export { CATEGORIES, GENDERS, RATINGS, type Category, type Gender, type Rating } from '../../shared/enums.ts';

export interface PersonSummary {
  id: number;
  nationalId: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  currentUnitId: number | null;
  currentUnitName: string | null;
  position: string | null;
  isLeader: boolean | null;
  /** Always true in lists: CCCD and birth date are masked (see personal-data.ts). */
  personalDataMasked: boolean;
}

export interface Employment {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  position: string;
  category: Category;
  isLeader: boolean;
  fromDate: string;
  toDate: string | null;
  endReason: string | null;
}
