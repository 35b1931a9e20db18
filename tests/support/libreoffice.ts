import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Where LibreOffice is (npm test installs Debian's libreoffice-calc-nogui when missing). */
export const SOFFICE = '/usr/bin/soffice';

/**
 * Opens files in headless LibreOffice and returns each first sheet as UTF-8 CSV with values as shown
 * (so date formats count), proving the files are real spreadsheets a user can open.
 * @throws Error when LibreOffice cannot open a file
 */
export function openInLibreOffice(files: Record<string, Buffer>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'vd-lo-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  // 44 = comma, 34 = quote, 76 = UTF-8, 1 = first line, then: detect special numbers, save cell contents as shown.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false';
  const r = spawnSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', join(dir, 'out'), ...Object.keys(files).map((f) => join(dir, f))], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const out: Record<string, string> = {};
  for (const csv of readdirSync(join(dir, 'out'))) out[`${basename(csv, '.csv')}.xlsx`] = readFileSync(join(dir, 'out', csv), 'utf8');
  return out;
}

/**
 * Converts documents (.docx) to PDF in headless LibreOffice Writer and returns each PDF by the source's name
 * ("a.docx" → bytes of a.pdf). A file LibreOffice cannot open throws, so this proves a .docx opens cleanly; read the
 * PDF's text with `tests/support/pdf-text.ts` to check what LibreOffice saw.
 * @throws Error when LibreOffice fails or writes no PDF for a file
 */
export function convertDocxToPdf(files: Record<string, Buffer>): Record<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'vd-lo-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const r = spawnSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf:writer_pdf_Export', '--outdir', join(dir, 'out'), ...Object.keys(files).map((f) => join(dir, f))], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const out: Record<string, Buffer> = {};
  for (const name of Object.keys(files)) {
    const pdf = join(dir, 'out', `${basename(name).replace(/\.[^.]+$/, '')}.pdf`);
    try { out[name] = readFileSync(pdf); } catch { throw new Error(`LibreOffice wrote no PDF for ${name}: ${r.stderr}`); }
  }
  return out;
}
