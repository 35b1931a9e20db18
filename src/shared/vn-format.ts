// Dates and numbers as Vietnamese official papers print them (Nghị định 30/2020, Phụ lục I): dd/mm/yyyy, and the
// place-and-date line "ngày 08 tháng 12 năm 2026": a day below 10 and the months 1 and 2 take a leading 0 (so that
// nobody can add a digit: "tháng 01" could not become "tháng 11"); months 3–9 are written as they are.

const parts = (isoDate: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not a calendar date: ${isoDate}`);
  return { y: m[1], m: m[2], d: m[3] };
};

/** "2026-12-08" → "08/12/2026". */
export function dmy(isoDate: string): string {
  const { y, m, d } = parts(isoDate);
  return `${d}/${m}/${y}`;
}

/** "2026-12-08" → "ngày 08 tháng 12 năm 2026"; "2026-03-05" → "ngày 05 tháng 3 năm 2026"; "2026-02-05" → "ngày 05 tháng 02 năm 2026". */
export function longDateVi(isoDate: string): string {
  const { y, m, d } = parts(isoDate);
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}

/** 1234567 → "1.234.567" (Vietnamese groups thousands with dots). */
export function groupVi(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
