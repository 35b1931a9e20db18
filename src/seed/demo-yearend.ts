/**
 * The 2025 year-end of the demo city through the modules' use cases (history, events and audit as in the app):
 * yearly ratings (self-assessment → proposal → the head's decision within the excellent cap), the 2026 ratings
 * now open with 100-point sheets, registrations (approved, one returned), and the annual review of Phường Ba Đình
 * with its council (members, attendance, paper counts, result by the catalogue's threshold) and the ward's decisions.
 */
import { defaultSettings } from '../modules/catalogue/settings.ts';
import * as councilRepo from '../modules/councils/repo.ts';
import { closeVote, enterCounts, setAttendance } from '../modules/councils/sessions.ts';
import { issueDecision } from '../modules/decisions/commands.ts';
import * as decisionRepo from '../modules/decisions/repo.ts';
import { type DiscoveryHit, discover } from '../modules/eligibility/discovery.ts';
import { openUnitEvaluations, recordStage } from '../modules/evaluations/commands.ts';
import { decideEvaluations } from '../modules/evaluations/decide.ts';
import { type SaveInput, moveRegistration, saveRegistration } from '../modules/evaluations/registration-commands.ts';
import * as evaluationRepo from '../modules/evaluations/repo.ts';
import type { ScoreSheet } from '../modules/evaluations/schemes.ts';
import { chooseCandidates, concludeReview, createReview, openReviewCouncil } from '../modules/reviews/commands.ts';
import * as reviewRepo from '../modules/reviews/repo.ts';
import type { Db } from '../server/db.ts';
import { cityToday } from '../shared/clock.ts';
import type { Rating } from '../shared/enums.ts';
import type { DemoUser, DemoUsers, PoolPerson } from './workflow-actors.ts';

export const YEAR_END = 2025;
/** The ward's council met, and its chairman signed the ward's decisions, in January 2026. */
export const COUNCIL_MEETS_ON = '2026-01-08';
export const WARD_DECIDED_ON = '2026-01-12';

/** Every person's latest 2025 rating in the generated history: the year-end confirms it (within the cap). */
async function historyRatings(db: Db, personIds: number[], year: number): Promise<Map<number, Rating>> {
  const rows = await db.query<{ person_id: number; rating: Rating }>(
    'select distinct on (person_id) person_id, rating from person_year_rating where year = $1 and person_id = any($2::bigint[]) order by person_id, id desc',
    [year, personIds],
  );
  return new Map(rows.map((r) => [Number(r.person_id), r.rating]));
}

/** The head keeps "excellent" within 20 % of those rated good in each peer group: the last ones over it become good. */
export function withinCap(rows: { peerGroup: string; rating: Rating }[]): Rating[] {
  const out = rows.map((r) => r.rating);
  for (const group of new Set(rows.map((r) => r.peerGroup))) {
    const idx = rows.map((r, i) => (r.peerGroup === group ? i : -1)).filter((i) => i >= 0);
    const count = (x: Rating) => idx.filter((i) => out[i] === x).length;
    for (let k = idx.length - 1; k >= 0 && count('excellent') > Math.floor(count('good') * 0.2); k--) if (out[idx[k]] === 'excellent') out[idx[k]] = 'good';
  }
  return out;
}

/** A 100-point sheet (Decree 335/2025): 30 general + 70 task results, scored by the criteria of schemes.yaml. */
export function sheetFor(strong: boolean): ScoreSheet {
  return strong
    ? { scores: { 'I.1': 10, 'I.2': 9, 'I.3': 9, 'II.1': 26, 'II.2': 19, 'II.3': 19 }, vetoes: [] } // 92: excellent
    : { scores: { 'I.1': 9, 'I.2': 8, 'I.3': 8, 'II.1': 22, 'II.2': 16, 'II.3': 15 }, vetoes: [] }; // 78: good
}

/** People taken through self-assessment and proposal one by one per unit; the head rates the rest of the list directly. */
const STAGED_PER_UNIT = 8;

/**
 * Rates the people of a unit for a year. `decided`: the first few go through self-assessment and the officer's
 * proposal, then the head decides the whole list in one go (the rest rated directly), within the cap. `pending`: a
 * year-end in progress (a few self-assessed, a few proposed and awaiting the head, the rest not yet self-assessed).
 * `sheets`: the first four self-assess on the 100-point sheet, the rest have not yet.
 */
export async function rateUnit(db: Db, unitId: number, officer: DemoUser, leader: DemoUser, year: number, mode: 'decided' | 'pending' | 'sheets'): Promise<{ rated: number; decided: number }> {
  const write = await officer.scope('evaluation.write');
  await openUnitEvaluations(db, officer.actor, write, unitId, year, 'people');
  const open = (await evaluationRepo.evaluationsOfUnit(db, unitId, year)).filter((e) => e.subjectKind === 'individual' && e.unitId === unitId && e.status === 'open');
  const history = await historyRatings(db, open.map((e) => e.personId as number), year);
  const wanted = withinCap(open.map((e) => ({ peerGroup: e.peerGroup, rating: history.get(e.personId as number) ?? 'good' })));
  const items: { id: number; version: number; rating?: Rating }[] = [];
  for (const [i, e] of open.entries()) {
    if (mode === 'sheets') {
      if (i < 4) await recordStage(db, officer.actor, write, e.id, 'self', { version: e.version, sheet: sheetFor(i === 0), note: 'Tự đánh giá theo phiếu 100 điểm' });
      continue;
    }
    if (i >= STAGED_PER_UNIT) {
      items.push({ id: e.id, version: e.version, rating: wanted[i] });
      continue;
    }
    const self = await recordStage(db, officer.actor, write, e.id, 'self', { version: e.version, rating: history.get(e.personId as number) ?? 'good' });
    if (mode === 'pending' && i % 2 === 0) continue;
    const proposed = await recordStage(db, officer.actor, write, e.id, 'proposed', { version: self.version, rating: wanted[i], note: wanted[i] !== self.selfRating ? 'Vượt tỷ lệ 20% Hoàn thành xuất sắc của nhóm: đề xuất Hoàn thành tốt' : null });
    items.push({ id: e.id, version: proposed.version });
  }
  if (mode !== 'decided' || items.length === 0) return { rated: open.length, decided: 0 };
  await decideEvaluations(db, leader.actor, await leader.scope('evaluation.decide'), items);
  return { rated: open.length, decided: items.length };
}

/** A unit's registration of 2025 targets (đăng ký thi đua), submitted; approved or returned by the city's Board. */
export async function register(db: Db, officer: DemoUser, board: DemoUser, input: SaveInput, outcome: { approve: true } | { returnReason: string }): Promise<number> {
  const write = await officer.scope('registration.write');
  const saved = await saveRegistration(db, officer.actor, write, input);
  const sent = await moveRegistration(db, officer.actor, write, saved.id, 'submit', { version: saved.version });
  const approve = await board.scope('registration.approve');
  if ('approve' in outcome) await moveRegistration(db, board.actor, approve, saved.id, 'approve', { version: sent.version });
  else await moveRegistration(db, board.actor, approve, saved.id, 'return', { version: sent.version, reason: outcome.returnReason });
  return saved.id;
}

export interface ReviewOutcome { reviewId: number; sessionId: number; decisionIds: number[]; dossierIds: number[]; candidates: number }

/**
 * The annual review of the ward: the engine's candidates outside the named teams (at most `take`) go before the
 * ward's council of seven; six attend, one absent member votes in writing; the last candidate falls short of the
 * threshold. Concluding makes the ward's decisions (issued by its chairman) and the dossiers to the city (drafts).
 */
export async function reviewWard(db: Db, users: DemoUsers, wardId: number, excludeUnitIds: number[], excludeNames: string[], take: number): Promise<ReviewOutcome | null> {
  const officer = users('canbo.badinh');
  const leader = users('lanhdao.badinh');
  const manage = await officer.scope('review.manage');
  const reviewId = await createReview(db, officer.actor, manage, { orgUnitId: wardId, year: YEAR_END });
  const all = await reviewRepo.candidatesOf(db, reviewId);
  const chosen = all.filter((c) => c.status === 'eligible' && !excludeUnitIds.includes(Number(c.unit_id)) && !excludeNames.includes(c.name)).slice(0, take).map((c) => Number(c.id));
  if (chosen.length === 0) return null;
  let version = ((await reviewRepo.findReview(db, reviewId)) as reviewRepo.ReviewRow).version;
  await chooseCandidates(db, officer.actor, manage, reviewId, { version, include: chosen, exclude: all.map((c) => Number(c.id)).filter((id) => !chosen.includes(id)) });
  version = ((await reviewRepo.findReview(db, reviewId)) as reviewRepo.ReviewRow).version;
  const sessionId = await openReviewCouncil(db, officer.actor, manage, reviewId, {
    version, title: `Hội đồng Thi đua - Khen thưởng phường Ba Đình: bình xét năm ${YEAR_END}`, meetsOn: COUNCIL_MEETS_ON, ballot: 'paper',
    members: [
      { name: 'Hoàng Đức Thắng', role: 'chair', userId: leader.user.id },
      { name: 'Nguyễn Thị Bích Ngọc', role: 'vice_chair' },
      { name: 'Trần Văn Sơn', role: 'member' },
      { name: 'Lê Thị Hồng Nhung', role: 'member' },
      { name: 'Phạm Quang Vinh', role: 'member' },
      { name: 'Đào Thị Thu Trang', role: 'member' },
      { name: 'Phạm Thị Hương', role: 'secretary', userId: officer.user.id },
    ],
  });
  const council = await officer.scope('council.manage');
  await db.tx(async (q) => {
    const members = await councilRepo.membersOf(q, sessionId);
    const absent = members.find((m) => m.name === 'Phạm Quang Vinh');
    const v1 = ((await councilRepo.findSession(q, sessionId)) as councilRepo.SessionRow).version;
    await setAttendance(q, officer.actor, council, sessionId, { version: v1, members: absent ? [{ memberId: absent.id, attendance: 'absent', writtenVote: true }] : [] });
    const candidates = await councilRepo.candidatesOf(q, sessionId);
    const v2 = ((await councilRepo.findSession(q, sessionId)) as councilRepo.SessionRow).version;
    // Seven ballots (six present, one in writing): all in favour, but the last candidate gets only three.
    const counts = candidates.map((c, i) => (i === candidates.length - 1 && candidates.length > 1 ? { candidateId: c.id, yes: 3, no: 3, blank: 1 } : { candidateId: c.id, yes: 7, no: 0, blank: 0 }));
    await enterCounts(q, officer.actor, council, sessionId, { version: v2, counts });
    const v3 = ((await councilRepo.findSession(q, sessionId)) as councilRepo.SessionRow).version;
    await closeVote(q, officer.actor, council, sessionId, v3);
  });
  version = ((await reviewRepo.findReview(db, reviewId)) as reviewRepo.ReviewRow).version;
  await concludeReview(db, officer.actor, manage, reviewId, { version });
  const rows = await reviewRepo.candidatesOf(db, reviewId);
  const decisionIds = [...new Set(rows.flatMap((r) => (r.decision_id ? [Number(r.decision_id)] : [])))].sort((a, b) => a - b);
  const dossierIds = [...new Set(rows.flatMap((r) => (r.dossier_id ? [Number(r.dossier_id)] : [])))];
  // The ward's chairman signs the ward's decisions (numbers of the ward's 2026 series, in order).
  const issue = await leader.scope('decision.issue');
  for (const id of decisionIds) {
    await db.tx(async (q) => {
      const d = (await decisionRepo.findDecision(q, id)) as decisionRepo.DecisionRow;
      await issueDecision(q, leader.actor, issue, id, { version: d.version, decidedOn: WARD_DECIDED_ON, signerName: 'Hoàng Đức Thắng', signerTitle: 'Chủ tịch UBND phường Ba Đình' });
    });
  }
  return { reviewId, sessionId, decisionIds, dossierIds, candidates: chosen.length };
}

/**
 * People of the ward (outside the named teams) whom the engine finds eligible for Chiến sĩ thi đua cơ sở 2025: the
 * ward registered them early in the year (a title that needs a registration), so its review proposes them as such.
 */
export async function grassrootsFighters(db: Db, wardId: number, excludeUnitIds: number[], excludeNames: string[]): Promise<PoolPerson[]> {
  const units = await db.query<{ id: number }>(
    `with recursive sub(id) as (select $1::bigint union all select u.id from org_unit u join sub on u.latest_parent_id = sub.id)
     select id from sub where not (id = any($2::bigint[]))`,
    [wardId, excludeUnitIds],
  );
  const hits: DiscoveryHit[] = [];
  await discover(db, { unitIds: units.map((u) => Number(u.id)), year: YEAR_END, asOf: cityToday(), award: 'grassroots_emulation_fighter', subject: 'individual', status: 'eligible' }, {
    settings: defaultSettings(), onHit: (h) => hits.push(h), worker: false,
  });
  return hits.filter((h) => h.personId !== null && !excludeNames.includes(h.name)).sort((a, b) => (a.personId as number) - (b.personId as number)).slice(0, 2)
    .map((h) => ({ id: h.personId as number, name: h.name, unitId: h.unitId as number, isLeader: h.isLeader ?? false }));
}

/** The ward's 2025 registration: the ward aims for Tập thể lao động xuất sắc, some of its people for CSTĐCS. */
export function wardRegistration(wardId: number, people: PoolPerson[]): SaveInput {
  return {
    unitId: wardId, year: YEAR_END, targets: 'Hoàn thành 100% chỉ tiêu thu ngân sách, cải cách hành chính: 98% hồ sơ một cửa đúng hạn',
    items: [
      { subjectKind: 'collective', subjectUnitId: wardId, awardCode: 'excellent_labor_collective', target: 'Tập thể lao động xuất sắc' },
      ...people.map((p) => ({ subjectKind: 'individual' as const, personId: p.id, awardCode: 'grassroots_emulation_fighter', target: 'Chiến sĩ thi đua cơ sở' })),
    ],
  };
}
