// A document model as PDF (pdfkit through server/pdf.ts: Noto Serif with every Vietnamese letter embedded): the same
// page set-up as the .docx — A4, margins 20/20/30/15 mm, page numbers centred in the top margin from page 2, an annex
// numbered from 1 again. Long names wrap inside their cells; a table row never splits and its header repeats.
import { FONT, PT_PER_MM, newPdf, pdfBytes } from '../../server/pdf.ts';
import type { Block, Columns, DocModel, Grid, Para, Rule, Run } from './model.ts';

type Doc = PDFKit.PDFDocument;
const MARGINS = { top: 20 * PT_PER_MM, bottom: 20 * PT_PER_MM, left: 30 * PT_PER_MM, right: 15 * PT_PER_MM };
const PT_PER_CM = PT_PER_MM * 10;
const PAD = 3;

const fontOf = (r: Pick<Run, 'bold' | 'italic'>) => (r.bold && r.italic ? FONT.boldItalic : r.bold ? FONT.bold : r.italic ? FONT.italic : FONT.regular);
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Height of a paragraph set in `width` (runs measured together, with their fonts). */
function paraHeight(doc: Doc, b: Para, width: number): number {
  const runs = b.runs.filter((r) => r.text !== '');
  if (runs.length === 0) return b.size * 1.2 + (b.after ?? 0);
  // Measured in the font of its longest run: close enough to place rows and keep a block on one page.
  const main = runs.reduce((a, r) => (r.text.length > a.text.length ? r : a));
  doc.font(fontOf(main)).fontSize(b.size);
  return doc.heightOfString(runs.map((r) => r.text).join(''), { width, indent: (b.indentFirstCm ?? 0) * PT_PER_CM }) + (b.after ?? 0);
}

function drawPara(doc: Doc, b: Para, x: number, width: number): void {
  const runs = b.runs.filter((r) => r.text !== '');
  if (b.pageBreakBefore) doc.addPage();
  if (runs.length === 0) {
    doc.y += b.size * 1.2 + (b.after ?? 0);
    return;
  }
  if (doc.y + Math.min(paraHeight(doc, b, width), b.size * 2.5) > bottom(doc)) doc.addPage();
  const y = doc.y;
  runs.forEach((r, i) => {
    doc.font(fontOf(r)).fontSize(b.size).fillColor('black');
    const opts = { width, align: b.align, continued: i < runs.length - 1, indent: (b.indentFirstCm ?? 0) * PT_PER_CM, lineGap: 1 };
    if (i === 0) doc.text(r.text, x, y, opts);
    else doc.text(r.text, opts);
  });
  doc.x = x;
  doc.y += b.after ?? 0;
}

function drawRule(doc: Doc, b: Rule, x: number, width: number): void {
  const len = Math.min(width, b.lengthCm * PT_PER_CM);
  const y = doc.y + 3;
  doc.moveTo(x + (width - len) / 2, y).lineTo(x + (width + len) / 2, y).lineWidth(0.6).strokeColor('black').stroke();
  doc.y = y + 8;
}

function blockHeight(doc: Doc, b: Block, width: number): number {
  switch (b.type) {
    case 'para': return paraHeight(doc, b, width);
    case 'rule': return 7;
    case 'columns': return b.rows.reduce((h, r) => h + Math.max(...[r.left, r.right].map((cell, i) => cell.reduce((s, x) => s + blockHeight(doc, x, width * b.widths[i]), 0))), 0);
    case 'grid': return 40;
  }
}

function drawColumns(doc: Doc, b: Columns, x: number, width: number): void {
  if (doc.y + blockHeight(doc, b, width) > bottom(doc)) doc.addPage();
  for (const row of b.rows) {
    const top = doc.y;
    let end = top;
    let cx = x;
    [row.left, row.right].forEach((cell, i) => {
      const w = width * b.widths[i];
      doc.y = top;
      for (const blk of cell) drawBlock(doc, blk, cx, w);
      end = Math.max(end, doc.y);
      cx += w;
    });
    doc.x = x;
    doc.y = end;
  }
  doc.y += 4;
}

function drawGrid(doc: Doc, b: Grid, x: number, width: number): void {
  const widths = b.widths.map((w) => w * width);
  const height = (cells: string[], boldRow: boolean) => {
    doc.font(boldRow ? FONT.bold : FONT.regular).fontSize(b.size);
    const ws = cells.length === 1 ? [width] : widths;
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: ws[i] - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (cells: string[], boldRow: boolean, centreAll: boolean) => {
    const h = height(cells, boldRow);
    const ws = cells.length === 1 ? [width] : widths;
    let cx = x;
    const y = doc.y;
    cells.forEach((c, i) => {
      doc.rect(cx, y, ws[i], h).lineWidth(0.5).strokeColor('black').stroke();
      doc.font(boldRow ? FONT.bold : FONT.regular).fontSize(b.size).fillColor('black');
      doc.text(c, cx + PAD, y + PAD, { width: ws[i] - 2 * PAD, align: centreAll || b.centred?.includes(i) ? 'center' : 'left', lineGap: 0 });
      cx += ws[i];
    });
    doc.x = x;
    doc.y = y + h;
  };
  const header = () => drawRow(b.header, true, true);
  if (doc.y + height(b.header, true) * 2 > bottom(doc)) doc.addPage();
  header();
  b.rows.forEach((r, i) => {
    const heading = r.length === 1;
    // A group heading stays with the row under it.
    const next = heading && b.rows[i + 1] ? height(b.rows[i + 1], b.rows[i + 1].length === 1) : 0;
    if (doc.y + height(r, heading) + next > bottom(doc)) {
      doc.addPage();
      header();
    }
    drawRow(r, heading, false);
  });
  doc.y += 6;
}

function drawBlock(doc: Doc, b: Block, x: number, width: number): void {
  switch (b.type) {
    case 'para': return drawPara(doc, b, x, width);
    case 'rule': return drawRule(doc, b, x, width);
    case 'columns': return drawColumns(doc, b, x, width);
    case 'grid': return drawGrid(doc, b, x, width);
  }
}

/** The document as PDF bytes. */
export async function renderPdf(model: DocModel): Promise<Buffer> {
  const doc = newPdf({ size: 'A4', margins: MARGINS, bufferPages: true, autoFirstPage: false, info: { Title: model.title } });
  const draw = (blocks: Block[], landscape: boolean) => {
    doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: MARGINS });
    const first = doc.bufferedPageRange().count - 1;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    for (const b of blocks) drawBlock(doc, b, MARGINS.left, width);
    return first;
  };
  const starts = [draw(model.body, false)];
  if (model.annex) starts.push(draw(model.annex.blocks, model.annex.landscape));
  // Page numbers, each part from 1, hidden on a part's first page.
  const total = doc.bufferedPageRange().count;
  for (let i = 0; i < total; i++) {
    const start = Math.max(...starts.filter((s) => s <= i));
    const n = i - start + 1;
    if (n === 1) continue;
    doc.switchToPage(i);
    const w = doc.page.width - MARGINS.left - MARGINS.right;
    doc.font(FONT.regular).fontSize(14).fillColor('black').text(String(n), MARGINS.left, MARGINS.top / 2 - 7, { width: w, align: 'center', lineBreak: false });
  }
  return pdfBytes(doc);
}
