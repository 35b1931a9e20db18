export const CATEGORIES = ['civil_servant', 'public_employee', 'worker', 'farmer', 'armed_forces', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];
export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];

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
