import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../tests/support/db.ts';
import { councilResult } from '../modules/councils/result.ts';
import type { Db } from '../server/db.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { seedDemoCity } from './demo-city.ts';
import { DEMO_CASES, DEMO_WARD_CODE } from './demo-cases.ts';
import type { DemoWorkflow } from './demo-workflow.ts';
import { seedDemoWorkflow } from './demo-workflow.ts';

let db: Db;
let wf: DemoWorkflow;

const STATES = ['draft', 'submitted', 'received', 'appraisal', 'returned', 'resubmitted', 'council', 'consultation', 'forwarded', 'decided', 'rejected', 'withdrawn'];

beforeAll(async () => {
  db = await openTestDb();
  // The city without its workflow, then the workflow alone, so this test holds its result.
  await seedDemoCity(db, { people: 3000, workflow: false });
  const ids = new Map((await db.query<{ id: number; username: string }>('select id, username from app_user')).map((u) => [u.username, Number(u.id)]));
  const units = new Map((await db.query<{ id: number; code: string }>('select id, code from org_unit')).map((u) => [u.code, Number(u.id)]));
  wf = await seedDemoWorkflow(db, ids, units);
}, 600_000);
afterAll(() => db.close());

const dossier = async (id: number) => (await db.query<{ state: string; consultation_until: string | null; decision_number: string | null; decision_id: number | null; source_dossier_id: number | null; award_type: string }>(
  'select state, consultation_until::text as consultation_until, decision_number, decision_id, source_dossier_id, award_type from dossier where id = $1', [id],
))[0];

describe('demo workflow (2025 year-end, dossiers in every state)', () => {
  it('has a dossier in each state of the workflow', async () => {
    const rows = await db.query<{ state: string }>('select distinct state from dossier');
    expect(rows.map((r) => r.state).sort()).toEqual([...STATES].sort());
    for (const s of STATES) expect((await dossier(wf.dossiers[s])).state).toBe(s);
  });

  it('the returned dossier carries structured reasons, the resubmitted one its resolved reason', async () => {
    const reasons = await db.query<{ nominee_id: number | null; part_kind: string | null; note: string }>(
      'select nominee_id, part_kind, note from dossier_return_reason where dossier_id = $1 order by id', [wf.dossiers.returned],
    );
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatchObject({ part_kind: 'achievement_report' });
    expect(reasons[0].nominee_id).not.toBeNull();
    expect(reasons[1]).toMatchObject({ nominee_id: null, part_kind: 'council_minutes' });
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from dossier_return_reason where dossier_id = $1', [wf.dossiers.resubmitted]);
    expect(n).toBe(1);
  });

  it('the consultation dossier has its posting window and a comment entered by an officer', async () => {
    const d = await dossier(wf.dossiers.consultation);
    expect(d.consultation_until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const comments = await db.query<{ commenter: string }>('select commenter from dossier_comment where dossier_id = $1', [wf.dossiers.consultation]);
    expect(comments).toHaveLength(1);
  });

  it('forwards to the city as a new dossier linked to its source; asks one concurrence; fast-tracks the sudden award', async () => {
    expect((await dossier(wf.dossiers.forwardedCopy)).source_dossier_id).toBe(wf.dossiers.forwarded);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from dossier_concurrence where dossier_id = $1 and answer is null', [wf.dossiers.appraisal]);
    expect(n).toBe(1);
    const sudden = await dossier(wf.dossiers.sudden);
    expect(sudden).toMatchObject({ state: 'decided', award_type: 'sudden' });
    const events = await db.query<{ action: string }>('select action from dossier_event where dossier_id = $1 order by id', [wf.dossiers.sudden]);
    expect(events.map((e) => e.action)).toEqual(['create', 'fast_track', 'decide_fast', 'decision_issued']);
  });

  it('issues decisions with consecutive numbers per authority, kind and year, and writes the awards into the history', async () => {
    // A register's series holds its decisions and its revocations (Law Art 93: a revocation is a decision of the
    // same authority, numbered from the same register): other files on the shared PostgreSQL database revoke too.
    const issued = await db.query<{ n: number }>("select count(*)::int as n from decision where status = 'issued'");
    expect(issued[0].n).toBeGreaterThanOrEqual(wf.cityDecisions.length + (wf.review?.decisionIds.length ?? 0));
    const rows = await db.query<{ authority_unit_id: number; kind: string; year: number; number: number }>(
      `select authority_unit_id, kind, year, number from decision where status = 'issued' and number is not null
       union all
       select authority_unit_id, kind, year, number from decision_revocation where number is not null
       order by authority_unit_id, kind, year, number`,
    );
    const series = new Map<string, number[]>();
    for (const r of rows) series.set(`${r.authority_unit_id}|${r.kind}|${r.year}`, [...(series.get(`${r.authority_unit_id}|${r.kind}|${r.year}`) ?? []), r.number]);
    for (const numbers of series.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const decided = await dossier(wf.dossiers.decided);
    expect(decided.decision_number).toMatch(/^\d{2,}\/QĐ-UBND$/);
    const [nominee] = await db.query<{ person_id: number }>('select person_id from dossier_nominee where dossier_id = $1', [wf.dossiers.decided]);
    const awards = await db.query<{ form_code: string; decision_no: string }>('select form_code, decision_no from award_record where person_id = $1 and decision_id = $2', [nominee.person_id, decided.decision_id]);
    expect(awards).toEqual([{ form_code: 'ministerial_provincial_certificate_of_merit', decision_no: decided.decision_number }]);
  });

  it('rates 2025 within the cap, leaves self-assessments pending, scores 2026 on the 100-point sheet', async () => {
    const byStatus = await db.query<{ year: number; status: string; n: number; sheets: number }>(
      'select year, status, count(*)::int as n, count(self_sheet)::int as sheets from evaluation group by year, status order by year, status',
    );
    expect(byStatus.find((r) => r.year === 2025 && r.status === 'decided')?.n).toBeGreaterThan(0);
    expect(byStatus.find((r) => r.year === 2025 && r.status === 'open')?.n).toBeGreaterThan(0);
    expect(byStatus.find((r) => r.year === 2026 && r.status === 'self_assessed')?.sheets).toBeGreaterThan(0);
    const regs = await db.query<{ status: string; return_reason: string | null }>('select status, return_reason from emulation_registration where year = 2025 order by id');
    expect(regs.map((r) => r.status)).toEqual(['approved', 'approved', 'returned']);
    expect(regs[2].return_reason).toBeTruthy();
  });

  it('holds the ward\'s annual review with its council: members, attendance, counts and the result by threshold', async () => {
    expect(wf.review).not.toBeNull();
    const review = wf.review as NonNullable<DemoWorkflow['review']>;
    const [r] = await db.query<{ status: string; code: string }>('select r.status, u.code from annual_review r join org_unit u on u.id = r.org_unit_id where r.id = $1', [review.reviewId]);
    expect(r).toEqual({ status: 'concluded', code: DEMO_WARD_CODE });
    const members = await db.query<{ attendance: string; written_vote: boolean }>('select attendance, written_vote from council_session_member where session_id = $1', [review.sessionId]);
    expect(members).toHaveLength(7);
    expect(members.filter((m) => m.attendance === 'absent')).toEqual([{ attendance: 'absent', written_vote: true }]);
    const result = await councilResult(db, review.sessionId);
    expect(result).toMatchObject({ status: 'closed', membersTotal: 7, present: 6, writtenVotes: 1 });
    expect(result.candidates.map((c) => c.yes)).toEqual(result.candidates.map((_, i) => (i === result.candidates.length - 1 && i > 0 ? 3 : 7)));
    // Passed or not by the award's threshold over all seven members, as the catalogue says.
    for (const c of result.candidates) expect(c.passed).toBe((c.yes as number) >= c.votesNeeded);
    if (result.candidates.length > 1) expect(result.candidates.at(-1)?.passed).toBe(false);
  });

  it('leaves the named discovery cases out of the workflow, so they keep showing discovery', async () => {
    const names = DEMO_CASES.filter((c) => c.subject === 'individual').map((c) => c.name);
    const [{ n }] = await db.query<{ n: number }>(
      `select (select count(*) from dossier_nominee x join person p on p.id = x.person_id where p.full_name = any($1::text[]))
            + (select count(*) from evaluation x join person p on p.id = x.person_id where p.full_name = any($1::text[]))
            + (select count(*) from decision_awardee x join person p on p.id = x.person_id where p.full_name = any($1::text[]))::int as n`,
      [names],
    );
    expect(Number(n)).toBe(0);
  });

  it('gives every demo account a role (ward officer and leader, Board specialist and leader, council member)', () => {
    for (const u of ['canbo.badinh', 'lanhdao.badinh', 'chuyenvien', 'truongban', 'hoidong']) expect(DEMO_ACCOUNTS.some((a) => a.username === u)).toBe(true);
  });
});
