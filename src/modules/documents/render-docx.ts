// A document model as .docx (package `docx`): A4, margins 20/20/30/15 mm, Times New Roman, black, page numbers
// centred in the top margin from page 2 (Nghị định 30/2020, Phụ lục I, Phần I, Mục I); an annex is a section of its
// own, numbered from 1 again. What the file must satisfy is checked by decree30-check.ts.
import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { Align, Block, Columns, DocModel, Grid, Para, Rule } from './model.ts';

export const FONT_NAME = 'Times New Roman';
/** Twips (1/20 pt) of the page and margins: A4 11906 × 16838; 20 mm = 1134, 30 mm = 1701, 15 mm = 851. */
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 851, header: 567 } as const;
const TW_PER_CM = 567;
const CELL_MARGIN = 80;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED,
};

const run = (text: string, size: number, o: { bold?: boolean; italic?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italic, font: FONT_NAME, size: size * 2, color: '000000' });

function para(b: Para): Paragraph {
  return new Paragraph({
    alignment: ALIGN[b.align],
    indent: b.indentFirstCm ? { firstLine: Math.round(b.indentFirstCm * TW_PER_CM) } : undefined,
    spacing: { before: 0, after: Math.round((b.after ?? 0) * 20) },
    pageBreakBefore: b.pageBreakBefore,
    keepNext: b.after === 0 ? true : undefined,
    children: b.runs.filter((r) => r.text !== '').map((r) => run(r.text, b.size, r)),
  });
}

/** A short centred line: a paragraph's bottom border, indented so that it is `lengthCm` long. */
function rule(b: Rule, widthTw: number): Paragraph {
  const side = Math.max(0, Math.round((widthTw - b.lengthCm * TW_PER_CM) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 60, after: 120, line: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function columns(b: Columns, widthTw: number): Table {
  const widths = b.widths.map((w) => Math.round(w * widthTw));
  const cell = (blocks: Block[], w: number) => new TableCell({
    width: { size: w, type: WidthType.DXA }, borders: TableBorders.NONE,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    children: blocks.length ? blocks.flatMap((x) => blocksOf(x, w - 2 * CELL_MARGIN)) as (Paragraph | Table)[] : [new Paragraph({})],
  });
  return new Table({
    width: { size: widthTw, type: WidthType.DXA }, columnWidths: widths, borders: TableBorders.NONE, layout: TableLayoutType.FIXED,
    rows: b.rows.map((r) => new TableRow({ cantSplit: true, children: [cell(r.left, widths[0]), cell(r.right, widths[1])] })),
  });
}

function grid(b: Grid, widthTw: number): Table {
  const widths = b.widths.map((w) => Math.round(w * widthTw));
  const text = (t: string, i: number, o: { bold?: boolean } = {}) => new Paragraph({
    alignment: b.centred?.includes(i) || o.bold ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: 40, after: 40 }, children: t ? [run(t, b.size, o)] : [],
  });
  const head = new TableRow({
    tableHeader: true, cantSplit: true,
    children: b.header.map((h, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [text(h, i, { bold: true })] })),
  });
  const rows = b.rows.map((r) => new TableRow({
    cantSplit: true,
    children: r.length === 1
      ? [new TableCell({ columnSpan: widths.length, width: { size: widthTw, type: WidthType.DXA }, children: [new Paragraph({ keepNext: true, spacing: { before: 40, after: 40 }, children: [run(r[0], b.size, { bold: true })] })] })]
      : r.map((c, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, children: [text(c, i)] })),
  }));
  return new Table({ width: { size: widthTw, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...rows] });
}

function blocksOf(b: Block, widthTw: number): (Paragraph | Table)[] {
  switch (b.type) {
    case 'para': return [para(b)];
    case 'rule': return [rule(b, widthTw)];
    case 'columns': return [columns(b, widthTw), new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })];
    case 'grid': return [grid(b, widthTw)];
  }
}

/** Page numbers: centred in the top margin, 14 pt, upright; none on the first page (titlePage). */
const headers = () => ({
  default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT_NAME, size: 28, color: '000000' })] })] }),
  first: new Header({ children: [new Paragraph({ children: [] })] }),
});

function section(blocks: Block[], landscape: boolean) {
  const widthTw = (landscape ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.header },
        pageNumbers: { start: 1 },
      },
    },
    headers: headers(),
    children: blocks.flatMap((b) => blocksOf(b, widthTw)),
  };
}

/** The document as .docx bytes. */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'vinhdanh', title: model.title, description: model.kind,
    styles: { default: { document: { run: { font: FONT_NAME, size: 28, color: '000000' } } } },
    sections: [section(model.body, false), ...(model.annex ? [section(model.annex.blocks, model.annex.landscape)] : [])],
  });
  return Packer.toBuffer(doc);
}
