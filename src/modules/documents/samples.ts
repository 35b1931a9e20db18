// One of each document, written to a folder so that the formats can be reviewed without clicking through a workflow
// (`npx vinhdanh sample-documents DIR`). The caller picks what each is made from (the CLI reads the demo data).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { checkDecree30 } from './decree30-check.ts';
import { type DocRef, issuedDocumentOf, renderDraft } from './service.ts';

const NAMES: Record<DocRef['kind'], string> = {
  decision: 'quyet-dinh', submission_letter: 'to-trinh', dossier_cover: 'danh-muc-ho-so', achievement_report: 'bao-cao-thanh-tich', council_minutes: 'bien-ban-hop-hoi-dong',
};

export interface SampleWritten { file: string; kind: DocRef['kind']; failures: string[] }

/**
 * Writes the .docx and .pdf of each document (issued bytes when issued, else the draft), and the Decree 30 checks'
 * findings on each .docx. A document that cannot be made (e.g. a session still voting) is reported, not fatal.
 */
export async function sampleDocuments(db: Db, dir: string, refs: DocRef[], log: (line: string) => void = () => undefined): Promise<SampleWritten[]> {
  mkdirSync(dir, { recursive: true });
  const out: SampleWritten[] = [];
  for (const ref of refs) {
    const base = `${NAMES[ref.kind]}-${ref.refId}`;
    try {
      const draft = await renderDraft(db, ref);
      const docx = (await issuedDocumentOf(db, ref, 'docx')) ?? draft.docx;
      const pdf = (await issuedDocumentOf(db, ref, 'pdf')) ?? draft.pdf;
      writeFileSync(join(dir, `${base}.docx`), docx);
      writeFileSync(join(dir, `${base}.pdf`), pdf);
      const failures = checkDecree30(docx, draft.model.expect).map((f) => `${f.check}: ${f.detail}`);
      out.push({ file: base, kind: ref.kind, failures });
      log(`  ${base}.docx, ${base}.pdf${failures.length ? ` — Decree 30 checks: ${failures.join('; ')}` : ' — Decree 30 checks passed'}`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      log(`  ${base}: not made (${e.code} ${JSON.stringify(e.details)})`);
    }
  }
  return out;
}
