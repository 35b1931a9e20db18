/**
 * Samples for review (`npx vinhdanh sample-documents DIR`, documents' CLI): per blank type, a certificate in both
 * variants and the calibration test page. A blank whose awards no issued decision has given yet is shown with a
 * stated sample (the award's name, the blank's texts, "Nguyễn Văn Mẫu").
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { blanks } from './blanks.ts';
import { awardText } from './issue.ts';
import { toPrint } from './queries.ts';
import type { CertificatePrint } from './render.ts';
import { renderCertificates } from './render.ts';
import * as repo from './repo.ts';
import { renderTestPage } from './test-page.ts';

/** The newest certificate printed on each blank (one statement per blank: a handful). */
async function newestPerBlank(q: Queryable, base: string): Promise<Map<string, CertificatePrint>> {
  const out = new Map<string, CertificatePrint>();
  for (const b of blanks().list) {
    const row = await repo.newestCertificate(q, b.default ? null : b.awards, b.default ? blanks().list.flatMap((x) => x.awards) : []);
    if (row) out.set(b.code, toPrint(row, base));
  }
  return out;
}

/** Writes the samples into `dir`. @returns the file names written */
export async function sampleCertificates(q: Queryable, dir: string, base = 'http://localhost:3000'): Promise<string[]> {
  const found = await newestPerBlank(q, base);
  const names: string[] = [];
  const today = cityToday();
  for (const b of blanks().list) {
    const award = b.awards[0] ?? 'advanced_worker';
    const awardName = catalogue().byCode.get(award)?.nameVi ?? award;
    const cert = found.get(b.code) ?? {
      awardCode: award, awardName, awardText: awardText(b.award_text, awardName, Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4)) - 1),
      fullName: 'Nguyễn Văn Mẫu', unitName: 'Phường Hoàn Kiếm, thành phố Hà Nội', decisionNumber: '01/QĐ-UBND', decidedOn: today, registerNumber: 1,
      year: Number(today.slice(0, 4)), authorityName: 'Ủy ban nhân dân thành phố Hà Nội', signerTitle: 'CHỦ TỊCH', signerName: 'Nguyễn Văn Ký', shortCode: 'MAUMAUMAU2',
      verifyUrl: `${base}/verify/MAUMAUMAUMAUMAUMAUMA`,
    };
    for (const variant of ['blank', 'colour'] as const) {
      const name = `chung-nhan-${b.code}-${variant === 'blank' ? 'in-phoi' : 'ban-mau'}.pdf`;
      await writeFile(join(dir, name), await renderCertificates([cert], { variant }));
      names.push(name);
    }
    const test = `trang-thu-${b.code}.pdf`;
    await writeFile(join(dir, test), await renderTestPage(b, { x: 0, y: 0 }, null));
    names.push(test);
  }
  return names;
}
