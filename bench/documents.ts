// `npm run bench -- documents`: the documents of issue 13 (goals in the issue: a decision .docx with a 500-name annex
// in ≤ 2 s; 1,000 certificates as one PDF in ≤ 20 s; the verification page's p95 under 200 concurrent requests ≤ 50 ms).
import { createDecisionDraft } from '../src/modules/decisions/commands.ts';
import { renderDecisionDocx } from '../src/modules/documents/service.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { openPglite } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { makePerson, makeUnit } from '../tests/support/factories.ts';
import { note, report } from './report.ts';

/**
 * A decision of a city's committee with 500 people on its attached list, on an embedded database: the time from
 * asking for the .docx to having its bytes (the decision, the awardees' positions and units, the wording read; the
 * document composed and packed), the median of 5 runs after one warm-up.
 */
export async function benchDecisionDocx500(): Promise<number> {
  const db = await openPglite(null);
  try {
    await migrate(db);
    const city = await makeUnit(db, { kind: 'city_committee', name: 'Ủy ban nhân dân thành phố Hà Nội' });
    const units = await Promise.all(Array.from({ length: 10 }, (_, i) => makeUnit(db, { parentId: city, kind: 'department', name: `Sở Thử Nghiệm Số ${i + 1}` })));
    const people: number[] = [];
    for (let i = 0; i < 500; i++) people.push((await makePerson(db, { unitId: units[i % units.length], fullName: `Nguyễn Thị Thu Hương Số ${i + 1}` })).id);
    const decision = await db.tx((q) => createDecisionDraft(q, SYSTEM_ACTOR, { all: true }, {
      authorityUnitId: city, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025,
      signerName: 'Trần Văn Ký', signerTitle: 'Phó Chủ tịch', awardees: people.map((personId) => ({ personId })),
    }));
    await renderDecisionDocx(db, decision.id); // warm-up: fonts, the catalogue, the JIT
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const bytes = await renderDecisionDocx(db, decision.id);
      runs.push((performance.now() - started) / 1000);
      if (bytes.length < 10_000) throw new Error('the .docx is too small to hold 500 names');
    }
    note(`decision .docx with 500 names: runs ${runs.map((r) => r.toFixed(2)).join(', ')} s`);
    return runs.sort((a, b) => a - b)[2];
  } finally {
    await db.close();
  }
}

export async function benchDocuments(): Promise<void> {
  report('decision_docx_500_s', await benchDecisionDocx500(), 's');
  // H2: certificates lines here — they live in bench/certificates.ts (certificates_1000_s, verify_p95_ms), which the
  // "documents" suite of bench/run.ts runs after this one.
}
