/**
 * `npm run bench -- certificates` (issue 13; bench/documents.ts did not exist when this was written — H1's documents
 * suite may call these two functions instead): on PostgreSQL (DATABASE_URL or 127.0.0.1:5432, a fresh database
 * `vinhdanh_bench_certificates`):
 *
 * - certificates_1000_s: a decision with 1,000 awardees (names with every kind of diacritic, some very long) issued
 *   through the decisions module (the certificates' handler numbers them in the issuing transaction), then all of
 *   its certificates as one PDF, blank variant at a printer's calibration, as the route makes it (read + render).
 * - verify_p95_ms: 200 concurrent visitors against a real server process (src/server/main.ts) call the public
 *   verification (codes, short codes, unknown codes), each thinking 0.5–1.5 s between pages (BENCH_THINK_MS, the
 *   mean; like bench/workflow.ts: without think time a closed loop measures only its own queue), for BENCH_SECONDS
 *   (20) after a warm-up; p95 of every request. A burst of 200 simultaneous requests is noted beside it. The throttle runs as in
 *   production (counters in the database, a row per client address), with a limit this load does not reach
 *   (VERIFY_RATE_LIMIT); each client comes from its own address (behind a proxy: TRUST_PROXY, X-Forwarded-For), as
 *   200 visitors would — from one address they would all wait on one counter row.
 */
import { spawn } from 'node:child_process';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import '../src/modules/certificates/issue.ts';
import { insertCalibration } from '../src/modules/certificates/repo.ts';
import { printDecisionCertificates } from '../src/modules/certificates/queries.ts';
import { createDecisionDraft, issueDecision } from '../src/modules/decisions/commands.ts';
import { openPostgres } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import '../src/server/wiring.ts';
import { makePerson, makeUnit } from '../tests/support/factories.ts';
import { freePort, waitHealthy } from '../tests/support/server-process.ts';
import { note, percentile, report } from './report.ts';
import { freshDatabase } from './workflow-setup.ts';

const root = new URL('..', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Quỳnh', 'Thùy', 'Hữu', 'Xuân', 'Ánh'];
const GIVEN = ['Tuyết', 'Hưởng', 'Ỷ', 'Ước', 'Huyền', 'Khánh', 'Nghĩa', 'Thư', 'Ẩn', 'Dũng', 'Mỹ', 'Quyết'];

async function setup(url: string): Promise<{ decisionId: number; codes: string[]; shortCodes: string[] }> {
  const db = await openPostgres(url, 4);
  try {
    await migrate(db);
    const city = await makeUnit(db, { kind: 'city_committee', name: 'Ủy ban nhân dân thành phố Hà Nội' });
    const wards = await Promise.all(Array.from({ length: 20 }, (_, i) => makeUnit(db, {
      parentId: city, kind: 'ward', name: i % 5 === 0 ? `Trường Trung học phổ thông chuyên số ${i} thuộc Sở Giáo dục và Đào tạo thành phố Hà Nội` : `Phường Ngọc Hà ${i}`,
    })));
    const ids: number[] = [];
    for (let i = 0; i < 1000; i += 4) {
      const batch = await Promise.all([0, 1, 2, 3].map((k) => {
        const n = i + k;
        const name = `${FAMILY[n % 16]} ${MIDDLE[n % 9]} ${n % 50 === 0 ? 'Tôn Nữ Huyền Trang Khánh Ngọc Bảo Quỳnh ' : ''}${GIVEN[n % 12]}`;
        return makePerson(db, { unitId: wards[n % 20], fullName: name });
      }));
      ids.push(...batch.map((p) => p.id));
    }
    const draft = await db.tx((q) => createDecisionDraft(q, SYSTEM_ACTOR, { all: true }, {
      authorityUnitId: city, kind: 'QĐ-UBND', awardCode: 'ministerial_provincial_certificate_of_merit', awardType: 'merit', periodFrom: 2025, periodTo: 2025,
      signerName: 'Trần Sỹ Thanh', signerTitle: 'CHỦ TỊCH', awardees: ids.map((personId) => ({ personId })),
    }));
    await db.tx((q) => issueDecision(q, SYSTEM_ACTOR, { all: true }, draft.id, { version: draft.version, decidedOn: '2026-01-15' }));
    await insertCalibration(db, { ownerUnitId: city, printer: 'Bench A3', blankCode: 'certificate_of_merit_a3', offsetXMm: 1.5, offsetYMm: -2, note: null });
    const rows = await db.query<{ code: string; short_code: string }>('select code, short_code from award_certificate where decision_id = $1', [draft.id]);
    return { decisionId: draft.id, codes: rows.map((r) => r.code), shortCodes: rows.map((r) => r.short_code) };
  } finally {
    await db.close();
  }
}

async function benchPrint(url: string, decisionId: number): Promise<number> {
  const db = await openPostgres(url, 2);
  try {
    const t0 = performance.now();
    const out = await printDecisionCertificates(db, { all: true }, decisionId, { variant: 'blank', printer: 'Bench A3' }, 'https://thiduakhenthuong.hanoi.gov.vn');
    const seconds = (performance.now() - t0) / 1000;
    if (out.count !== 1000) throw new Error(`expected 1000 certificates, printed ${out.count}`);
    note(`blank print: ${(out.bytes.length / 1_048_576).toFixed(1)} MB for ${out.count} pages`);
    const t1 = performance.now();
    const colour = await printDecisionCertificates(db, { all: true }, decisionId, { variant: 'colour' }, 'https://thiduakhenthuong.hanoi.gov.vn');
    note(`colour print (not a figure): ${((performance.now() - t1) / 1000).toFixed(2)} s, ${(colour.bytes.length / 1_048_576).toFixed(1)} MB`);
    return seconds;
  } finally {
    await db.close();
  }
}

async function benchVerify(url: string, codes: string[], shortCodes: string[]): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', MFA_REQUIRED: '0', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', VERIFY_RATE_LIMIT: '1000000', TRUST_PROXY: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server = { child, baseUrl: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
  try {
    await waitHealthy(server, 120_000);
    const pick = (i: number) => (i % 10 === 9 ? 'ABCDEFGHJKMNPQRSTUVW' : i % 3 === 0 ? shortCodes[i % shortCodes.length] : codes[i % codes.length]);
    const hit = async (i: number, client: number) => {
      const t0 = performance.now();
      const res = await fetch(`${server.baseUrl}/api/v1/public/verify/${pick(i)}`, { headers: { 'x-forwarded-for': `10.0.${client >> 8}.${client & 255}` } });
      const body = (await res.json()) as { status: string };
      const ms = performance.now() - t0;
      if (res.status !== 200 || body.status !== (i % 10 === 9 ? 'unknown' : 'valid')) throw new Error(`verify ${i}: ${res.status} ${JSON.stringify(body)}`);
      return ms;
    };
    // Warm-up: connections, JIT, the throttle's rows.
    await Promise.all(Array.from({ length: 200 }, (_, i) => hit(i, i)));
    // One burst of 200 requests at once (a note: a closed burst measures its own queue on this machine's 2 cores).
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => hit(i + 7, i)));
    note(`verify: a burst of 200 simultaneous requests: p95 ${percentile(burst, 95).toFixed(1)} ms, slowest ${Math.max(...burst).toFixed(1)} ms`);
    // The figure: 200 concurrent visitors, each opening a code, reading the page, opening the next (think time
    // 0.5–1.5 s, as bench/workflow.ts's clerks), for SECONDS after a warm-up; p95 of every request in the window.
    const timings: number[] = [];
    const t0 = performance.now();
    const windowFrom = t0 + 3000;
    const windowTo = windowFrom + SECONDS * 1000;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await Promise.all(Array.from({ length: 200 }, async (_, client) => {
      await sleep(Math.random() * 1000);
      for (let k = 0; performance.now() < windowTo; k += 1) {
        const started = performance.now();
        const ms = await hit(client * 1000 + k, client);
        if (started >= windowFrom && started < windowTo) timings.push(ms);
        await sleep(THINK_MS * (0.5 + Math.random()));
      }
    }));
    note(`verify: ${timings.length} requests from 200 concurrent visitors in ${SECONDS} s (${(timings.length / SECONDS).toFixed(0)}/s), p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms`);
    return percentile(timings, 95);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Both figures (see the file's comment). */
export async function benchCertificates(): Promise<void> {
  const { url, drop } = await freshDatabase('vinhdanh_bench_certificates');
  try {
    const t0 = performance.now();
    const { decisionId, codes, shortCodes } = await setup(url);
    note(`setup: 1,000 people and an issued decision in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    report('certificates_1000_s', await benchPrint(url, decisionId), 's');
    report('verify_p95_ms', await benchVerify(url, codes, shortCodes), 'ms');
  } finally {
    if (process.env.BENCH_KEEP !== '1') await drop();
  }
}
