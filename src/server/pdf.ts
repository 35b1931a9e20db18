import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// Every PDF vinhdanh writes (documents, certificates, payment lists) embeds one serif family with the whole
// Vietnamese alphabet. Decree 30/2020 names Times New Roman, which may not be redistributed; the .docx files name
// it (Word and LibreOffice substitute a metric twin), while PDFs, which must carry their fonts, embed Noto Serif
// (SIL Open Font License) from the pinned @expo-google-fonts/noto-serif package. Why: docs/decisions/0008.
const require = createRequire(import.meta.url);
const pkg = '@expo-google-fonts/noto-serif';

/** Font names registered on every document from `newPdf`. */
export const FONT = { regular: 'serif', bold: 'serif-bold', italic: 'serif-italic', boldItalic: 'serif-bold-italic' } as const;

const FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  serif: require.resolve(`${pkg}/400Regular/NotoSerif_400Regular.ttf`),
  'serif-bold': require.resolve(`${pkg}/700Bold/NotoSerif_700Bold.ttf`),
  'serif-italic': require.resolve(`${pkg}/400Regular_Italic/NotoSerif_400Regular_Italic.ttf`),
  'serif-bold-italic': require.resolve(`${pkg}/700Bold_Italic/NotoSerif_700Bold_Italic.ttf`),
};

/**
 * A new PDFKit document with the serif family registered and selected. Pass PDFKit's own options (size, layout,
 * margins, info); `autoFirstPage` stays as given. Collect the bytes with `pdfBytes`.
 */
export function newPdf(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({ pdfVersion: '1.7', ...options, info: { Creator: 'vinhdanh', Producer: 'vinhdanh', ...options.info } });
  for (const [name, file] of Object.entries(FILES)) doc.registerFont(name, file);
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** PDF points per millimetre (sheet sizes and field boxes are given in mm, as on the blanks). */
export const PT_PER_MM = 72 / 25.4;
