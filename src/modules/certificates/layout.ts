/**
 * Fitting a text into a field box of a blank: first on its own lines (one per paragraph) at the box's size, shrunk
 * in half points down to `min_size`; if it still does not fit, wrapped at `min_size`, and only when the wrapped text
 * is still too tall, smaller again (wrapped) down to a floor of 4 pt. Never cut and never outside the box: a text
 * that does not fit even then is an error naming the field. The layout is computed before anything is drawn, so
 * tests check it (every line's width within the box, the lines' height within the box, no word lost).
 */
import { AppError } from '../../shared/errors.ts';
import { FONT, PT_PER_MM } from '../../server/pdf.ts';
import type { Blank, FieldBox, FieldName } from './blanks.ts';

export const FLOOR_PT = 4;
const STEP = 0.5;

export interface Offset { x: number; y: number }

export interface TextLayout {
  field: string;
  font: string;
  size: number;
  lineHeight: number;
  /** The box in points, offset applied. */
  box: { x: number; y: number; w: number; h: number };
  lines: { text: string; x: number; y: number; width: number }[];
  /** true when the text had to be wrapped (it did not fit on its own lines at min_size). */
  wrapped: boolean;
}

const FONT_OF: Record<FieldBox['style'], string> = { regular: FONT.regular, bold: FONT.bold, italic: FONT.italic, bold_italic: FONT.boldItalic };

/**
 * A box in points with the printer's offset, refused when the offset pushes it off the sheet.
 * @throws AppError CERTIFICATE_FIELD_OFF_SHEET naming the field
 */
export function placeBox(blank: Blank, field: FieldName, offset: Offset): { x: number; y: number; w: number; h: number } {
  const b = blank.fields[field];
  const x = b.x + offset.x;
  const y = b.y + offset.y;
  if (x < 0 || y < 0 || x + b.w > blank.sheet.width_mm || y + b.h > blank.sheet.height_mm) {
    throw new AppError('CERTIFICATE_FIELD_OFF_SHEET', {
      field, blank: blank.code, offsetX: offset.x, offsetY: offset.y,
      box: `${x.toFixed(1)}, ${y.toFixed(1)}, ${b.w} × ${b.h} mm`, sheet: `${blank.sheet.width_mm} × ${blank.sheet.height_mm} mm`,
    });
  }
  return { x: x * PT_PER_MM, y: y * PT_PER_MM, w: b.w * PT_PER_MM, h: b.h * PT_PER_MM };
}

/** Every field of a blank placed with an offset (the check a calibration passes before it is saved). */
export function assertOnSheet(blank: Blank, offset: Offset, fields: readonly FieldName[]): void {
  const off: AppError[] = [];
  for (const f of fields) {
    try { placeBox(blank, f, offset); } catch (e) { if (e instanceof AppError) off.push(e); else throw e; }
  }
  if (off.length > 0) throw new AppError('CERTIFICATE_FIELD_OFF_SHEET', { ...off[0].details, fields: off.map((e) => e.details.field) });
}

/** Greedy wrap of one paragraph at the current font and size; a word wider than the box is split between letters. */
function wrap(doc: PDFKit.PDFDocument, paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (doc.widthOfString(candidate) <= width) { line = candidate; continue; }
    if (line) lines.push(line);
    line = '';
    if (doc.widthOfString(word) <= width) { line = word; continue; }
    for (const ch of Array.from(word)) {
      if (line && doc.widthOfString(line + ch) > width) { lines.push(line); line = ''; }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The layout of `text` in a field box (points; the page's top-left is 0, 0), lines centred vertically and aligned
 * as the box says. Sets the document's font and size as a side effect.
 * @throws AppError CERTIFICATE_FIELD_OFF_SHEET | CERTIFICATE_TEXT_TOO_LONG naming the field
 */
export function fitText(doc: PDFKit.PDFDocument, blank: Blank, field: FieldName, text: string, offset: Offset): TextLayout {
  const spec = blank.fields[field];
  const box = placeBox(blank, field, offset);
  const font = FONT_OF[spec.style];
  const paragraphs = text.normalize('NFC').split('\n').map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean);
  doc.font(font).fontSize(1);
  const lineAt1 = doc.currentLineHeight(true);
  const size = spec.size as number;
  const min = spec.min_size as number;
  // Width and height scale with the size: the largest size at which each paragraph fits on one line.
  const widest = Math.max(0, ...paragraphs.map((p) => doc.widthOfString(p)));
  const byWidth = widest === 0 ? size : box.w / widest;
  const byHeight = box.h / (lineAt1 * Math.max(1, paragraphs.length));
  let fit = Math.min(size, Math.floor(Math.min(byWidth, byHeight) / STEP) * STEP);
  let lines = paragraphs;
  let wrapped = false;
  if (fit < min) {
    wrapped = true;
    for (fit = min; ; fit -= STEP) {
      doc.fontSize(fit);
      lines = paragraphs.flatMap((p) => wrap(doc, p, box.w));
      if (lines.length * doc.currentLineHeight(true) <= box.h && lines.every((l) => doc.widthOfString(l) <= box.w)) break;
      if (fit - STEP < FLOOR_PT) throw new AppError('CERTIFICATE_TEXT_TOO_LONG', { field, blank: blank.code, length: text.length });
    }
  }
  doc.fontSize(fit);
  const lineHeight = doc.currentLineHeight(true);
  let y = box.y + (box.h - lines.length * lineHeight) / 2;
  const placed = lines.map((l) => {
    const width = doc.widthOfString(l);
    const x = spec.align === 'left' ? box.x : spec.align === 'right' ? box.x + box.w - width : box.x + (box.w - width) / 2;
    const at = { text: l, x, y, width };
    y += lineHeight;
    return at;
  });
  return { field, font, size: fit, lineHeight, box, lines: placed, wrapped };
}

/** Draws a computed layout (no wrapping by PDFKit: each line is placed where the layout says). */
export function drawLayout(doc: PDFKit.PDFDocument, layout: TextLayout, colour: string): void {
  doc.font(layout.font).fontSize(layout.size).fillColor(colour);
  for (const l of layout.lines) doc.text(l.text, l.x, l.y, { lineBreak: false });
}
