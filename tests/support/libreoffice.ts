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
