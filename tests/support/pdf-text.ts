import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF back with Mozilla's PDF.js (an independent reader, not the library that wrote it) and returns the
 * text of each page, items joined by spaces and lines by "\n", normalised to NFC so diacritics compare as written.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
    }
    pages.push(text.normalize('NFC').replace(/[ \t]+/g, ' '));
  }
  await task.destroy();
  return pages;
}

/** All pages' text as one string. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

/** Page sizes in PDF points ([width, height]) of every page. */
export async function pdfPageSizes(bytes: Uint8Array): Promise<[number, number][]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const vp = (await doc.getPage(i)).getViewport({ scale: 1 });
    sizes.push([Math.round(vp.width), Math.round(vp.height)]);
  }
  await task.destroy();
  return sizes;
}
