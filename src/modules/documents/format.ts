import { longDateVi } from '../../shared/vn-format.ts';
// The decree's small formats (Nghị định 30/2020, Phụ lục I, II.3–II.7): the number line, the place-and-date line,
// capitals, the signature block by who signs.

/** Capitals as Vietnamese writes them ("Ủy ban" → "ỦY BAN"; "đ" → "Đ"). */
export const upperVi = (s: string) => s.toLocaleUpperCase('vi-VN');

/**
 * "Hà Nội, ngày 05 tháng 3 năm 2026": day below 10 and months 1 and 2 with a leading 0, months 3–12 without (Phụ lục
 * I, II.4.b). A document not yet dated leaves day and month blank for the clerk: "Hà Nội, ngày     tháng     năm 2026".
 */
export function placeDate(place: string, isoDate: string | null, year: number): string {
  if (!isoDate) return `${place}, ngày      tháng      năm ${year}`;
  return `${place}, ${longDateVi(isoDate)}`;
}

/** "ngày 05 tháng 3 năm 2026" of a date, as in a reference line "(Kèm theo Quyết định số … ngày … )". */
export const dateWords = (isoDate: string) => placeDate('', isoDate, 0).slice(2);

/** A number typed by a clerk, below 10 with a leading 0 ("7" → "07"); anything else as typed. */
export const padNumber = (n: string) => (/^\d+$/.test(n.trim()) ? n.trim().padStart(2, '0') : n.trim());

/** "Số: 05/QĐ-UBND" (the number below 10 already padded by decisions' formatNumber), or blank for the clerk. */
export const numberLine = (numberText: string | null, symbol: string) => (numberText ? `Số: ${numberText}` : `Số:         /${symbol}`);

/**
 * Lines 7a/7b of the signature block (Phụ lục I, II.7; document-format.md §1.6): the head signs under the head's
 * title; a deputy ("Phó …") signs "KT. <head's title>" then their own title; a prefix already given (KT., Q., TL.,
 * TUQ.) is kept; a collective decision starts with "TM. <body>".
 */
export function signatureTitles(headTitle: string, collectiveLine: string, signerTitle: string | null): string[] {
  const head = upperVi(headTitle.trim());
  const own = upperVi((signerTitle ?? '').trim()) || head;
  const lines = collectiveLine.trim() ? [upperVi(collectiveLine.trim())] : [];
  if (own === head) return [...lines, head];
  if (/^(KT|Q|TL|TUQ|TM)\.\s/.test(own)) return [...lines, ...own.split(/\s*\n\s*/)];
  if (own.startsWith('PHÓ ')) return [...lines, `KT. ${head}`, own];
  return [...lines, own];
}

/** Roman numerals for parts and appendix numbers (I, II, III …). */
export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The bases (căn cứ) as the decree writes them: each ends with ";", the last with "." (Phụ lục I, II.6). */
export function basisLines(bases: string[], proposer: string): string[] {
  const all = [...bases, ...(proposer.trim() ? [proposer] : [])].map((b) => b.trim().replace(/[;.,]+$/, '')).filter(Boolean);
  return all.map((b, i) => `${b}${i === all.length - 1 ? '.' : ';'}`);
}

/** Recipients (Nơi nhận, ô 9b): "- X;" each, the archive line last "- Lưu: VT, SNV." */
export function recipientLines(recipients: string[], archive: string): string[] {
  return [...recipients.map((r) => `- ${r.trim().replace(/[;.]+$/, '')};`), `- Lưu: ${archive.trim().replace(/[;.]+$/, '')}.`];
}
