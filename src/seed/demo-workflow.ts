/**
 * The 2025 year-end and the nomination workflow of the demo city (issue 12 item 9), after the city itself is
 * written: Phường Ba Đình (canbo.badinh, lanhdao.badinh), Sở Tư pháp (canbo.sotuphap, lanhdao.sotuphap) and Sở Y tế
 * (canbo.soyte, lanhdao.soyte) rate their people, register their targets, the ward holds its annual review with its
 * council, and dossiers go to the city's Board (chuyenvien, truongban; hoidong votes in the city's council). Every
 * step goes through the modules' use cases, each in its own short transaction, so history, events, notifications
 * and the audit log are what the app itself would write.
 */
import { nomineesOf } from '../modules/dossiers/repo-children.ts';
import type { Db } from '../server/db.ts';
// Auth's scopes need the organisation tree (the seed is a program of its own when run from the CLI).
import '../server/wiring.ts';
import { DEMO_CASES, DEMO_UNITS, DEMO_WARD_CODE } from './demo-cases.ts';
import { type DemoDossiers, seedDossiers } from './demo-dossiers.ts';
import { type ReviewOutcome, YEAR_END, grassrootsFighters, rateUnit, register, reviewWard, wardRegistration } from './demo-yearend.ts';
import { demoUsers, peopleUnder, taker } from './workflow-actors.ts';

/** The two departments of the demo year-end (codes of org-plan.ts / hanoi-departments.csv). */
export const DEMO_DEPARTMENTS = { justice: 'S04', health: 'S14' } as const;

export interface DemoWorkflow {
  ratings: { unit: string; year: number; rated: number; decided: number }[];
  registrations: number[];
  review: ReviewOutcome | null;
  dossiers: DemoDossiers;
  /** The city's decisions issued for dossiers, in the order they were issued. */
  cityDecisions: number[];
  /** The city council's session on the dossier at council (null when the city was too small for dossiers). */
  councilSessionId: number | null;
}

/** People each dossier pool must hold: one nominee per dossier (two in the returned one). */
const NEEDED = { ward: 8, wardUnits: 1, justice: 3, health: 2 } as const;

/**
 * Seeds the workflow demo. Needs the demo accounts (their ids by username) and the units by code.
 * In a city too small to nominate different people in every dossier, the dossiers are left out (logged).
 */
export async function seedDemoWorkflow(db: Db, accountIds: Map<string, number>, unitIds: Map<string, number>, log: (msg: string) => void = () => undefined): Promise<DemoWorkflow> {
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const users = demoUsers(db, accountIds, unitIds);
  const unit = (code: string) => unitIds.get(code) as number;
  const ward = unit(DEMO_WARD_CODE);
  const justice = unit(DEMO_DEPARTMENTS.justice);
  const health = unit(DEMO_DEPARTMENTS.health);
  const teams = Object.values(DEMO_UNITS).map((t) => unit(t.code));

  // Yearly ratings: 2025 decided in the ward and Sở Tư pháp, in progress in Sở Y tế; the ward's 2026 list open now.
  const ratings: DemoWorkflow['ratings'] = [];
  const rate = async (code: string, unitId: number, officer: string, leader: string, year: number, mode: 'decided' | 'pending' | 'sheets') => {
    ratings.push({ unit: code, year, ...(await rateUnit(db, unitId, users(officer), users(leader), year, mode)) });
    log(`seed: workflow: ratings ${code}/${year} (${at()})`);
  };
  await rate(DEMO_WARD_CODE, ward, 'canbo.badinh', 'lanhdao.badinh', YEAR_END, 'decided');
  await rate(DEMO_DEPARTMENTS.justice, justice, 'canbo.sotuphap', 'lanhdao.sotuphap', YEAR_END, 'decided');
  await rate(DEMO_DEPARTMENTS.health, health, 'canbo.soyte', 'lanhdao.soyte', YEAR_END, 'pending');
  await rate(DEMO_WARD_CODE, ward, 'canbo.badinh', 'lanhdao.badinh', YEAR_END + 1, 'sheets');
  log(`seed: workflow: ratings ${ratings.map((r) => `${r.unit}/${r.year} ${r.decided}/${r.rated}`).join(', ')}`);

  // Registrations of 2025: the ward's and Sở Tư pháp's approved by the Board, Sở Y tế's returned with the reason.
  const board = users('chuyenvien');
  const named = DEMO_CASES.map((c) => c.name);
  const fighters = await grassrootsFighters(db, ward, teams, named);
  const registrations = [
    await register(db, users('canbo.badinh'), board, wardRegistration(ward, fighters), { approve: true }),
    await register(db, users('canbo.sotuphap'), board, {
      unitId: justice, year: YEAR_END, targets: 'Hoàn thành 100% nhiệm vụ thẩm định văn bản quy phạm pháp luật đúng hạn',
      items: [{ subjectKind: 'collective', subjectUnitId: justice, awardCode: 'excellent_labor_collective', target: 'Tập thể lao động xuất sắc' }],
    }, { approve: true }),
    await register(db, users('canbo.soyte'), board, {
      unitId: health, year: YEAR_END, targets: null,
      items: [{ subjectKind: 'collective', subjectUnitId: health, awardCode: 'ministerial_provincial_emulation_flag', target: null }],
    }, { returnReason: 'Chưa ghi chỉ tiêu thi đua cụ thể của Sở; đề nghị bổ sung chỉ tiêu và danh sách cá nhân đăng ký' }),
  ];
  log(`seed: workflow: registrations written (${at()})`);

  // The ward's annual review (the named discovery cases stay out of it, so they keep demonstrating discovery).
  const review = await reviewWard(db, users, ward, teams, named, 8);
  log(`seed: workflow: review of the ward ${review ? `with ${review.candidates} candidates, ${review.decisionIds.length} ward decisions` : 'skipped (no candidate)'} (${at()})`);

  // Dossiers nominate people the review did not send up (a nominee pending elsewhere would be refused).
  const inReview = new Set<number>();
  if (review) {
    for (const id of review.dossierIds) {
      for (const n of await nomineesOf(db, id)) if (n.personId) inReview.add(n.personId);
    }
  }
  const fresh = <T extends { id: number }>(list: T[]) => list.filter((p) => !inReview.has(p.id));
  const underWard = fresh(await peopleUnder(db, ward));
  const sub = underWard.filter((p) => p.unitId !== ward).slice(-NEEDED.wardUnits);
  const lists = {
    ward: underWard.filter((p) => !sub.includes(p)), wardUnits: sub,
    justice: fresh(await peopleUnder(db, justice)), health: fresh(await peopleUnder(db, health)),
  };
  const short = (Object.keys(NEEDED) as (keyof typeof NEEDED)[]).filter((k) => lists[k].length < NEEDED[k]);
  if (short.length) {
    // A tiny city (tests that seed a few dozen people): no one to nominate in every dossier.
    log(`seed: workflow: dossiers skipped, too few people in ${short.join(', ')} (${at()})`);
    return { ratings, registrations, review, dossiers: {}, cityDecisions: [], councilSessionId: null };
  }
  const pools = {
    ward: taker(lists.ward, 'Phường Ba Đình'), wardUnits: taker(lists.wardUnits, 'units under Phường Ba Đình'),
    justice: taker(lists.justice, 'Sở Tư pháp'), health: taker(lists.health, 'Sở Y tế'),
  };
  const out = await seedDossiers(db, users, { city: unit('HN'), ward, justice, health }, pools);
  log(`seed: workflow: ${Object.keys(out.dossiers).length} dossiers, ${out.decisions.length} city decisions issued (${at()})`);
  return { ratings, registrations, review, dossiers: out.dossiers, cityDecisions: out.decisions, councilSessionId: out.councilSessionId };
}
