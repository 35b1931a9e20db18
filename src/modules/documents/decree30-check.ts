// The checks of document-format.md §1.10 run on a .docx as written (its XML read back), not on the model: page A4
// and margins in the decree's ranges, Times New Roman in black at 11–14 pt, page numbers hidden on page 1 and centred
// in the top margin, the Quốc hiệu and Tiêu ngữ, the number line (zero-padded, symbol of the type table and the body's
// abbreviation), the place-and-date line in italic with the decree's padding, the bases' punctuation, Nơi nhận ending
// with "Lưu: VT, …", Tờ trình's "Kính gửi" and "Như trên", the signature block's prefix.
import type { DocExpect } from './model.ts';
import { readZip } from './zip-read.ts';

export interface DocxRun { text: string; bold: boolean; italic: boolean; size: number | null; font: string | null; color: string | null }
export interface DocxPara { text: string; runs: DocxRun[]; align: string | null }

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const on = (xml: string, tag: string) => new RegExp(`<w:${tag}(?: w:val="(?:true|1|on)")?/>`).test(xml);
const attr = (xml: string, tag: string, name: string) => new RegExp(`<w:${tag}\\b[^>]*w:${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

/** The paragraphs of a part with their runs' text and styles (tables' cells included, in document order). */
export function paragraphsOf(xml: string): DocxPara[] {
  const out: DocxPara[] = [];
  for (const pm of xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const runs: DocxRun[] = [];
    for (const rm of pm[1].matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
      const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(rm[1])?.[1] ?? '';
      const text = [...rm[1].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('');
      const sz = attr(props, 'sz', 'val');
      runs.push({ text, bold: on(props, 'b'), italic: on(props, 'i'), size: sz ? Number(sz) / 2 : null, font: attr(props, 'rFonts', 'ascii'), color: attr(props, 'color', 'val') });
    }
    out.push({ text: runs.map((r) => r.text).join(''), runs, align: attr(/<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(pm[1])?.[1] ?? '', 'jc', 'val') });
  }
  return out;
}

export interface CheckFailure { check: string; detail: string }

const inRange = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

/** Runs every check; an empty list means the document passes. @throws Error when the bytes are no .docx */
export function checkDecree30(docx: Buffer, expect: DocExpect): CheckFailure[] {
  const files = readZip(docx);
  const xml = files.get('word/document.xml')?.toString('utf8');
  if (!xml) throw new Error('no word/document.xml: not a .docx');
  const fail: CheckFailure[] = [];
  const bad = (check: string, detail: string) => fail.push({ check, detail });
  const paras = paragraphsOf(xml);
  const textRuns = paras.flatMap((p) => p.runs.filter((r) => r.text.trim() !== ''));
  const find = (text: string) => paras.find((p) => p.text.trim() === text.trim());

  // Page set-up of every section (the body and each annex).
  const sections = [...xml.matchAll(/<w:sectPr\b[^>]*>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]);
  if (sections.length === 0) bad('page', 'no section properties');
  const rels = files.get('word/_rels/document.xml.rels')?.toString('utf8') ?? '';
  for (const [i, s] of sections.entries()) {
    const w = Number(attr(s, 'pgSz', 'w')); const h = Number(attr(s, 'pgSz', 'h'));
    const landscape = attr(s, 'pgSz', 'orient') === 'landscape';
    if (!(landscape ? w === 16838 && h === 11906 : w === 11906 && h === 16838)) bad('page.a4', `section ${i + 1}: ${w} × ${h} twips`);
    const m = (k: string) => Number(attr(s, 'pgMar', k));
    if (!inRange(m('top'), 1134, 1418)) bad('page.margin.top', `section ${i + 1}: ${m('top')} twips, not 20–25 mm`);
    if (!inRange(m('bottom'), 1134, 1418)) bad('page.margin.bottom', `section ${i + 1}: ${m('bottom')} twips, not 20–25 mm`);
    if (!inRange(m('left'), 1701, 1985)) bad('page.margin.left', `section ${i + 1}: ${m('left')} twips, not 30–35 mm`);
    if (!inRange(m('right'), 850, 1134)) bad('page.margin.right', `section ${i + 1}: ${m('right')} twips, not 15–20 mm`);
    if (!/<w:titlePg(?: w:val="(?:true|1|on)")?\/>/.test(s)) bad('page.number.first', `section ${i + 1}: page 1 not set apart (no titlePg)`);
    const headerOf = (type: string) => {
      const id = new RegExp(`<w:headerReference\\b[^>]*w:type="${type}"[^>]*r:id="([^"]+)"`).exec(s)?.[1] ?? new RegExp(`<w:headerReference\\b[^>]*r:id="([^"]+)"[^>]*w:type="${type}"`).exec(s)?.[1];
      const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1] : undefined;
      return target ? (files.get(`word/${target}`)?.toString('utf8') ?? '') : '';
    };
    const def = headerOf('default');
    const numbered = /PAGE/.test(def);
    const hp = paragraphsOf(def).find((p) => p.runs.length > 0);
    if (!numbered || hp?.align !== 'center') bad('page.number', `section ${i + 1}: page numbers not centred in the top margin`);
    const size = /<w:sz w:val="(\d+)"/.exec(def)?.[1];
    if (numbered && !inRange(Number(size) / 2, 13, 14)) bad('page.number.size', `section ${i + 1}: ${Number(size) / 2} pt`);
    if (/PAGE/.test(headerOf('first'))) bad('page.number.first', `section ${i + 1}: a number on page 1`);
  }

  // Font, colour, sizes.
  const styles = files.get('word/styles.xml')?.toString('utf8') ?? '';
  const fonts = new Set([...(xml + styles).matchAll(/w:(?:ascii|hAnsi)="([^"]+)"/g)].map((m) => m[1]));
  for (const f of fonts) if (f !== 'Times New Roman') bad('font', `font "${f}" used`);
  for (const r of textRuns) {
    if (r.font !== null && r.font !== 'Times New Roman') bad('font', `"${r.text.slice(0, 40)}" in ${r.font}`);
    if (r.color !== null && !['000000', 'auto'].includes(r.color)) bad('colour', `"${r.text.slice(0, 40)}" in #${r.color}`);
    if (r.size === null || !inRange(r.size, 11, 14)) bad('size', `"${r.text.slice(0, 40)}" at ${r.size} pt`);
  }

  // Quốc hiệu and Tiêu ngữ.
  const nat = find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  if (!nat || !nat.runs.every((r) => r.bold && inRange(r.size ?? 0, 12, 13))) bad('national', 'Quốc hiệu missing or not bold 12–13 pt');
  const motto = find('Độc lập - Tự do - Hạnh phúc');
  if (!motto || !motto.runs.every((r) => r.bold && inRange(r.size ?? 0, 13, 14))) bad('motto', 'Tiêu ngữ missing or not bold 13–14 pt');

  // Number and symbol.
  if (expect.numberLine) {
    const n = find(expect.numberLine);
    const m = /^Số: *(\d*) *\/(\S+)$/.exec(expect.numberLine.trim());
    if (!n) bad('number', `"${expect.numberLine}" not found`);
    else if (!n.runs.every((r) => r.size === 13 && !r.bold && !r.italic)) bad('number', 'number line not upright 13 pt');
    if (!m) bad('number', `"${expect.numberLine}" is not "Số: NN/SYMBOL"`);
    else {
      if (m[1] && m[1].length < 2) bad('number.padding', `number ${m[1]} below 10 without a leading 0`);
      const [type, ...body] = m[2].split('-');
      if (expect.symbolPrefix && type !== expect.symbolPrefix) bad('number.symbol', `symbol ${m[2]} does not start with ${expect.symbolPrefix}-`);
      if (expect.bodyAbbrev && !body.join('-').includes(expect.bodyAbbrev.split(/[ ,]/)[0])) bad('number.symbol', `symbol ${m[2]} does not carry the body's abbreviation ${expect.bodyAbbrev}`);
      if (/\s/.test(m[2])) bad('number.symbol', `spaces in symbol ${m[2]}`);
    }
  }

  // Place and date.
  const pd = find(expect.placeDate);
  if (!pd) bad('place-date', `"${expect.placeDate}" not found`);
  else if (!pd.runs.every((r) => r.italic && inRange(r.size ?? 0, 13, 14))) bad('place-date', 'place-and-date line not italic 13–14 pt');
  const dm = /, ngày (\d+) tháng (\d+) năm (\d{4})$/.exec(expect.placeDate);
  if (dm) {
    if (dm[1].length !== 2) bad('place-date.padding', `day "${dm[1]}" not two digits`);
    const month = Number(dm[2]);
    if (month <= 2 ? dm[2].length !== 2 : dm[2].startsWith('0')) bad('place-date.padding', `month "${dm[2]}": only 01 and 02 take a leading 0`);
  }
  if (!/^[^,]+, ngày /.test(expect.placeDate)) bad('place-date', 'no place before the date');

  // Bases.
  expect.bases.forEach((b, i) => {
    const para = find(b);
    if (!para || !para.runs.every((r) => r.italic)) bad('bases', `basis ${i + 1} missing or not italic`);
    const last = i === expect.bases.length - 1;
    if (!b.endsWith(last ? '.' : ';')) bad('bases', `basis ${i + 1} ends "${b.slice(-1)}", not "${last ? '.' : ';'}"`);
  });

  // Nơi nhận.
  if (expect.recipients.length) {
    const head = find('Nơi nhận:');
    if (!head || !head.runs.every((r) => r.bold && r.italic && r.size === 12)) bad('recipients', '"Nơi nhận:" missing or not bold italic 12 pt');
    for (const r of expect.recipients) {
      const para = find(r);
      if (!para || !para.runs.every((x) => x.size === 11)) bad('recipients', `"${r}" missing or not 11 pt`);
    }
    const last = expect.recipients.at(-1) as string;
    if (!/^- Lưu: VT\b.*\.$/.test(last)) bad('recipients.archive', `last line "${last}" is not "- Lưu: VT, … ."`);
    if (expect.recipients.slice(0, -1).some((r) => !r.startsWith('- ') || !r.endsWith(';'))) bad('recipients', 'a line does not start with "-" and end with ";"');
  }
  if (expect.submission) {
    if (!paras.some((p) => /^Kính gửi:/.test(p.text.trim()))) bad('submission', 'no "Kính gửi:" line');
    if (expect.recipients[0] !== '- Như trên;') bad('submission', 'Nơi nhận does not start with "- Như trên;"');
  }

  // Signature block.
  let from = 0;
  for (const line of expect.signatureLines) {
    const at = paras.findIndex((p, i) => i >= from && p.text.trim() === line);
    if (at < 0 || !paras[at].runs.every((r) => r.bold)) bad('signature', `"${line}" missing, out of order or not bold`);
    else from = at + 1;
  }
  expect.signatureLines.forEach((l, i) => {
    if (l.startsWith('PHÓ ') && !expect.signatureLines[i - 1]?.startsWith('KT. ')) bad('signature.prefix', `"${l}" signs without "KT. ${expect.headTitle}"`);
    if (l.startsWith('KT. ') && l !== `KT. ${expect.headTitle}`) bad('signature.prefix', `"${l}" is not "KT. ${expect.headTitle}"`);
  });
  return fail;
}
