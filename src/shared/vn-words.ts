// Amounts in words in Vietnamese ("Bằng chữ: …" under a payment list's total), as accountants write them:
// 2,340,000 → "Hai triệu ba trăm bốn mươi nghìn đồng". Rules of reading a group of three digits:
// - a zero tens digit before a non-zero unit reads "linh" (or "lẻ", the southern usage): 105 → "một trăm linh năm";
// - 10–19 read "mười …", 20–99 "… mươi …";
// - after "mươi", 1 reads "mốt" (21 → "hai mươi mốt"), 4 reads "tư" (24 → "hai mươi tư");
// - after "mười" or "mươi", 5 reads "lăm" (15 → "mười lăm", 25 → "hai mươi lăm"), but "năm" after "linh" (105);
// - a group after the leading one is read whole, with "không trăm" (1,005 → "một nghìn không trăm linh năm");
//   groups of three zeros are skipped (1,000,005 → "một triệu không trăm linh năm");
// - the scales are nghìn, triệu, tỷ, and above a tỷ the reading starts again (1,000 tỷ → "một nghìn tỷ").

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

export interface WordsOptions {
  /** The word for a zero tens digit before a unit: "linh" (default) or "lẻ". */
  zeroTens?: 'linh' | 'lẻ';
  /** The word for thousand: "nghìn" (default) or "ngàn". */
  thousand?: 'nghìn' | 'ngàn';
  /** The currency word at the end ("đồng" by default; '' for none). */
  currency?: string;
}

/** One group of three digits (0 < n < 1000); `whole` reads the hundreds even when zero ("không trăm"). */
function group(n: number, whole: boolean, zeroTens: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || whole) out.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0 && out.length > 0) out.push(zeroTens, DIGITS[u]);
    else if (u > 0) out.push(DIGITS[u]);
    return out;
  }
  out.push(...(t === 1 ? ['mười'] : [DIGITS[t], 'mươi']));
  if (u === 0) return out;
  if (u === 5) out.push('lăm');
  else if (u === 1 && t > 1) out.push('mốt');
  else if (u === 4 && t > 1) out.push('tư');
  else out.push(DIGITS[u]);
  return out;
}

/** Below one tỷ: up to three groups (triệu, nghìn, units), zero groups skipped. */
function belowBillion(n: number, leading: boolean, o: Required<WordsOptions>): string[] {
  const scales = ['triệu', o.thousand, ''];
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  const out: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    out.push(...group(g, !(leading && out.length === 0), o.zeroTens));
    if (scales[i]) out.push(scales[i]);
  });
  return out;
}

function words(n: number, leading: boolean, o: Required<WordsOptions>): string[] {
  if (n < 1_000_000_000) return belowBillion(n, leading, o);
  const high = Math.floor(n / 1_000_000_000);
  const low = n % 1_000_000_000;
  return [...words(high, leading, o), 'tỷ', ...(low > 0 ? words(low, false, o) : [])];
}

/**
 * A whole amount in Vietnamese words, first letter capital, ending with the currency word.
 * @example amountInWordsVi(2_340_000) // 'Hai triệu ba trăm bốn mươi nghìn đồng'
 * @example amountInWordsVi(1_005) // 'Một nghìn không trăm linh năm đồng'
 * @throws RangeError for a fraction or an amount beyond what a JavaScript number holds exactly
 */
export function amountInWordsVi(amount: number, options: WordsOptions = {}): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amountInWordsVi: ${amount} is not a whole amount`);
  const o: Required<WordsOptions> = { zeroTens: 'linh', thousand: 'nghìn', currency: 'đồng', ...options };
  const body = amount === 0 ? ['không'] : words(Math.abs(amount), true, o);
  const parts = [...(amount < 0 ? ['âm'] : []), ...body, ...(o.currency ? [o.currency] : [])];
  const text = parts.join(' ');
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
