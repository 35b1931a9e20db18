/**
 * Citizen identity number (CCCD) checks, per Circular 59/2021/TT-BCA: 3 digits of the province
 * of birth registration, 1 digit of gender and century, 2 digits of birth year, 6 random digits.
 */

// Province codes in use for CCCD numbers (the 63 provinces before the 2025 merger; numbers issued earlier keep them).
export const CCCD_PROVINCE_CODES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

export type CccdProblem = 'format' | 'province' | 'gender_century';

/**
 * Returns what is wrong with a CCCD, or null when it is valid. Gender and birth year are checked
 * against the 4th digit when they are given (0/1 = male/female born 1900–1999, 2/3 = 2000–2099).
 * @example checkCccd('001090012345') // null
 */
export function checkCccd(value: string, person?: { gender?: 'female' | 'male' | null; birthYear?: number | null }): CccdProblem | null {
  if (!/^\d{12}$/.test(value)) return 'format';
  if (!CCCD_PROVINCE_CODES.has(value.slice(0, 3))) return 'province';
  const code = Number(value[3]);
  if (code > 9) return 'format';
  const century = 1900 + Math.floor(code / 2) * 100;
  const gender = code % 2 === 0 ? 'male' : 'female';
  if (person?.gender && person.gender !== gender) return 'gender_century';
  if (person?.birthYear != null) {
    if (person.birthYear < century || person.birthYear >= century + 100) return 'gender_century';
    if (Number(value.slice(4, 6)) !== person.birthYear % 100) return 'gender_century';
  }
  return null;
}

/** Builds the first six digits of a CCCD for a province, gender and birth year (demo data, tests). */
export function cccdPrefix(province: string, gender: 'female' | 'male', birthYear: number): string {
  const centuryIndex = Math.floor((birthYear - 1900) / 100);
  const digit = centuryIndex * 2 + (gender === 'female' ? 1 : 0);
  return `${province}${digit}${String(birthYear % 100).padStart(2, '0')}`;
}
