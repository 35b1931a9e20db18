// One document as both renderers (.docx and PDF) draw it: the blocks of Nghị định 30/2020, Phụ lục I, in order.
// The composers (compose-*.ts) turn data + wording + edited text into this; nothing here knows a file format.

export const DOCUMENT_KINDS = ['decision', 'submission_letter', 'dossier_cover', 'achievement_report', 'council_minutes'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A run of text with the decree's styles. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** One paragraph: size in pt, a first-line indent (body text, 1 cm), spacing after in pt. */
export interface Para {
  type: 'para';
  runs: Run[];
  size: number;
  align: Align;
  indentFirstCm?: number;
  after?: number;
  /** Break the page before it (an annex starts on its own page). */
  pageBreakBefore?: boolean;
}

/** A short solid line centred under a text (under the issuing body, the Tiêu ngữ, the trích yếu): its length in cm. */
export interface Rule {
  type: 'rule';
  lengthCm: number;
  /** Centred in the left header column, the right one, or the page. */
  at: 'left' | 'right' | 'page';
}

/** A table with borders (lists, votes) whose header row repeats on every page. */
export interface Grid {
  type: 'grid';
  /** Column widths as fractions of the text width. */
  widths: number[];
  header: string[];
  /** A row of one cell spans all columns (a group heading such as "I. TẬP THỂ", in bold). */
  rows: string[][];
  /** Columns aligned to the centre (numbers, STT). */
  centred?: number[];
  size: number;
}

/**
 * Borderless columns (the header blocks ô 1–4 side by side, the signature area ô 7 and 9b): rows of a left and a
 * right cell, so that the number line and the place-and-date line sit on one line.
 */
export interface Columns {
  type: 'columns';
  /** Fractions of the text width. */
  widths: [number, number];
  rows: { left: Block[]; right: Block[] }[];
}

export type Block = Para | Rule | Grid | Columns;

export interface DocModel {
  kind: DocumentKind;
  title: string;
  /** Portrait A4 body, then optionally an annex (may be landscape, numbered from 1 again: Phụ lục I, III.1). */
  body: Block[];
  annex?: { landscape: boolean; blocks: Block[] } | null;
  /** What the checks (decree30-check.ts) expect of this document. */
  expect: DocExpect;
}

/** Facts about a document the Decree 30 checks compare the file with. */
export interface DocExpect {
  numberLine: string | null;
  placeDate: string;
  bases: string[];
  recipients: string[];
  /** Tờ trình: "Kính gửi" in ô 9a and "Như trên" first in ô 9b. */
  submission: boolean;
  signatureLines: string[];
  headTitle: string;
  symbolPrefix: string | null;
  bodyAbbrev: string | null;
}

export const p = (text: string | Run[], o: Partial<Omit<Para, 'type' | 'runs'>> = {}): Para => ({
  type: 'para', runs: typeof text === 'string' ? [{ text }] : text, size: o.size ?? 14, align: o.align ?? 'justify', ...o,
});
export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });
