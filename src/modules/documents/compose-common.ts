// The parts every administrative document shares (Nghị định 30/2020, Phụ lục I; document-format.md §1.2–1.3):
// the two header blocks, the type name with its trích yếu, the bases, the signature area with Nơi nhận.
import { type Block, type Para, bold, italic, p } from './model.ts';
import { upperVi } from './format.ts';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Text width of portrait A4 with 30 mm left and 15 mm right margins. */
export const TEXT_WIDTH_CM = 16.5;

/** Rough printed width of a line in Times New Roman (cm): enough to size the short rules the decree asks for. */
export function textWidthCm(text: string, sizePt: number, boldCaps = false): number {
  const em = boldCaps ? 0.68 : 0.5;
  return (text.length * sizePt * em) / 72 * 2.54;
}

/** The rule under a line: 1/3 to 1/2 of its length (we take 40 %), within what a column holds. */
const ruleFor = (text: string, size: number, at: 'left' | 'right' | 'page', max: number): Block => ({
  type: 'rule', at, lengthCm: Math.max(1.5, Math.min(max, textWidthCm(text, size, true) * 0.4)),
});

const lines = (s: string) => s.split(/\s*\n\s*/).map((l) => l.trim()).filter(Boolean);

export interface HeaderInput {
  parentBody: string;
  /** The issuing body, UPPER, may hold line breaks. */
  issuingBody: string;
  numberLine: string | null;
  placeDate: string;
}

/**
 * Ô 1–4: left the parent body (upright), the issuing body (bold) with a rule and "Số: …"; right the Quốc hiệu, the
 * Tiêu ngữ with a rule as long as its text, and the place and date (italic) on the number's line.
 */
export function officialHeader(h: HeaderInput): Block {
  const left: Block[] = [];
  for (const l of lines(upperVi(h.parentBody))) left.push(p(l, { size: 12, align: 'center' }));
  // "ỦY BAN NHÂN DÂN" on its own line above the place, as People's Committees print it.
  const body = lines(upperVi(h.issuingBody).replace(/^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN) (?=\S)/u, '$1\n'));
  for (const l of body) left.push(p([bold(l)], { size: 12, align: 'center' }));
  left.push(ruleFor(body.reduce((a, b) => (b.length > a.length ? b : a), ''), 12, 'left', 3));
  const right: Block[] = [
    p([bold(NATIONAL_NAME)], { size: 12, align: 'center' }),
    p([bold(MOTTO)], { size: 13, align: 'center' }),
    { type: 'rule', at: 'right', lengthCm: textWidthCm(MOTTO, 13) * 1.05 },
  ];
  const second = {
    left: h.numberLine ? [p(h.numberLine, { size: 13, align: 'center' })] : [],
    right: [p([italic(h.placeDate)], { size: 14, align: 'center' })],
  };
  return { type: 'columns', widths: [0.4, 0.6], rows: [{ left, right }, second] };
}

/** Ô 5a: the type name ("QUYẾT ĐỊNH", "TỜ TRÌNH"), its trích yếu in bold and a short rule under it. */
export function titleBlock(typeName: string, summary: string[]): Block[] {
  const out: Block[] = [p([bold(upperVi(typeName))], { size: 14, align: 'center', after: 0 })];
  for (const s of summary) out.push(p([bold(s)], { size: 14, align: 'center', after: 0 }));
  const longest = [typeName, ...summary].reduce((a, b) => (b.length > a.length ? b : a), '');
  out.push({ type: 'rule', at: 'page', lengthCm: Math.max(2.5, Math.min(TEXT_WIDTH_CM / 2, textWidthCm(longest, 14) / 3)) });
  return out;
}

/** Body text: justified, first-line indent 1 cm, 6 pt after (Phụ lục I, II.6). */
export const bodyPara = (text: string | Para['runs'], o: Partial<Para> = {}) => p(text, { size: 14, align: 'justify', indentFirstCm: 1, after: 6, ...o });

/** Bases (căn cứ) in italic, indented like the body. */
export const basisParas = (basis: string[]): Para[] => basis.map((b) => bodyPara([italic(b)]));

export interface SignatureInput {
  /** Ô 9b, left; omitted for documents without recipients (an achievement report). */
  recipients: string[] | null;
  /** Ô 7a lines (bold, UPPER). */
  titles: string[];
  /** Ô 7b: the signer's name (bold), or blank for a signature by hand. */
  name: string;
  /** A second signatory on the left instead of the recipients (a minutes' secretary, a report's confirming head). */
  leftTitles?: string[];
  leftName?: string;
}

/** The signature area: Nơi nhận (12 bold italic, then 11) level with the authority lines, the name under a gap. */
export function signatureArea(s: SignatureInput): Block {
  const left: Block[] = [];
  if (s.recipients) {
    left.push(p([{ text: 'Nơi nhận:', bold: true, italic: true }], { size: 12, align: 'left', after: 0 }));
    for (const r of s.recipients) left.push(p(r, { size: 11, align: 'left', after: 0 }));
  } else if (s.leftTitles) {
    for (const t of s.leftTitles) left.push(p([bold(t)], { size: 14, align: 'center', after: 0 }));
    left.push(p('', { size: 14, align: 'center', after: 48 }));
    left.push(p([bold(s.leftName ?? '')], { size: 14, align: 'center' }));
  }
  const right: Block[] = s.titles.map((t) => p([bold(t)], { size: 14, align: 'center', after: 0 }));
  right.push(p('', { size: 14, align: 'center', after: 60 }));
  right.push(p([bold(s.name)], { size: 14, align: 'center' }));
  return { type: 'columns', widths: [0.45, 0.55], rows: [{ left, right }] };
}
