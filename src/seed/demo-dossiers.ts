/**
 * Dossiers of the demo city in every state of dossiers/data/workflow.yaml, moved by the demo accounts through the
 * dossiers module's use cases (events, audit, notifications as in the app), with the city's decisions issued in
 * the register. Open items are dated now (the city clock); every step is deterministic for a given city.
 */
import { openCouncilSession } from '../modules/councils/sessions.ts';
import { issueDecision } from '../modules/decisions/commands.ts';
import * as decisionRepo from '../modules/decisions/repo.ts';
import { addComment, addPart, requestConcurrence } from '../modules/dossiers/commands-parts.ts';
import { type CreateDossierInput, createDossier, overrideCheck } from '../modules/dossiers/commands.ts';
import { samplePdf } from '../modules/dossiers/pdf.ts';
import * as dossierRepo from '../modules/dossiers/repo.ts';
import * as children from '../modules/dossiers/repo-children.ts';
import { type TransitionInput, transition } from '../modules/dossiers/transition.ts';
import { workflowOn } from '../modules/dossiers/workflow.ts';
import type { Db } from '../server/db.ts';
import { cityToday } from '../shared/clock.ts';
import { type DemoUser, type DemoUsers, type PoolPerson, addDays } from './workflow-actors.ts';

/** The city's Bằng khen (Bằng khen của Chủ tịch UBND thành phố): the award most dossiers ask for. */
const CITY_MERIT = 'ministerial_provincial_certificate_of_merit';

export type DemoDossiers = Record<string, number>;

async function versionOf(db: Db, id: number): Promise<number> {
  return ((await dossierRepo.findDossier(db, id)) as dossierRepo.DossierRow).version;
}

/** A draft with its nominees, every required part and, for a nominee the engine does not pass, the officer's reason. */
async function readyDraft(db: Db, officer: DemoUser, input: CreateDossierInput, complete = true): Promise<{ id: number; nominees: number[] }> {
  const { id } = await createDossier(db, officer.user, { year: 2025, ...input });
  const nominees = await children.nomineesOf(db, id);
  if (!complete) return { id, nominees: nominees.map((n) => n.id) };
  let version = await versionOf(db, id);
  const wf = workflowOn(cityToday());
  for (const p of wf.required_parts) {
    if (p.award_types && !p.award_types.includes(input.awardType)) continue;
    if (p.except_award_types?.includes(input.awardType)) continue;
    for (const n of p.per_nominee ? nominees : [null]) {
      const fileName = `${p.kind}${n ? `-${n.id}` : ''}.pdf`;
      version = (await addPart(db, officer.user, id, { version, kind: p.kind, nomineeId: n?.id ?? null, fileName, content: samplePdf(p.kind) })).version;
    }
  }
  for (const n of nominees) {
    if (n.eligible === 'true') continue;
    version = (await overrideCheck(db, officer.user, id, n.id, { version, reason: 'Thành tích tiêu biểu được Hội đồng Thi đua - Khen thưởng phường thống nhất đề nghị (biên bản kèm theo)' })).version;
  }
  return { id, nominees: nominees.map((n) => n.id) };
}

/** Steps a dossier through actions, each by its user, with the inputs the guards ask for. */
async function steps(db: Db, id: number, list: [DemoUser, Omit<TransitionInput, 'version'>][]): Promise<number | null> {
  let forwardedTo: number | null = null;
  for (const [u, input] of list) {
    const r = await transition(db, u.user, id, { ...input, version: await versionOf(db, id) });
    forwardedTo = r.forwardedTo ?? forwardedTo;
  }
  return forwardedTo;
}

/** The city's chairman's decision that a dossier's "decide" drafted, issued in the register (numbered then). */
async function issueFor(db: Db, dossierId: number, leader: DemoUser, decidedOn: string): Promise<number> {
  const d = (await dossierRepo.findDossier(db, dossierId)) as dossierRepo.DossierRow;
  const decisionId = d.decisionId as number;
  const scope = await leader.scope('decision.issue');
  await db.tx(async (q) => {
    const row = (await decisionRepo.findDecision(q, decisionId)) as decisionRepo.DecisionRow;
    await issueDecision(q, leader.actor, scope, decisionId, { version: row.version, decidedOn, signerName: 'Trần Sỹ Thanh', signerTitle: 'Chủ tịch UBND thành phố Hà Nội' });
  });
  return decisionId;
}

/** Who to nominate next: the ward's own staff, people of the units under the ward, the two departments' staff. */
export interface DossierPools { ward: (n?: number) => PoolPerson[]; wardUnits: (n?: number) => PoolPerson[]; justice: (n?: number) => PoolPerson[]; health: (n?: number) => PoolPerson[] }

/**
 * One dossier per workflow state (and the sudden award's fast track, a concurrence request, a consultation comment,
 * a council session of the city for the dossier at council), from Phường Ba Đình and the two departments to the city.
 */
export async function seedDossiers(db: Db, users: DemoUsers, units: { city: number; ward: number; justice: number; health: number }, take: DossierPools): Promise<{ dossiers: DemoDossiers; decisions: number[]; councilSessionId: number }> {
  const ward = users('canbo.badinh');
  const justice = users('canbo.sotuphap');
  const health = users('canbo.soyte');
  const spec = users('chuyenvien');
  const boss = users('truongban');
  const today = cityToday();
  const toCity = (sender: number, title: string, people: PoolPerson[], award = CITY_MERIT): CreateDossierInput => ({
    title, awardType: 'merit', awardCode: award, senderUnitId: sender, receiverUnitId: units.city, nominees: people.map((p) => ({ personId: p.id })),
  });
  const d: DemoDossiers = {};
  const decisions: number[] = [];
  const receive: [DemoUser, Omit<TransitionInput, 'version'>][] = [[spec, { action: 'receive' }], [spec, { action: 'start_appraisal' }]];

  d.draft = (await readyDraft(db, ward, toCity(units.ward, 'Đề nghị tặng Bằng khen của Chủ tịch UBND thành phố (đang soạn)', take.ward()), false)).id;

  d.submitted = (await readyDraft(db, health, toCity(units.health, 'Đề nghị tặng Bằng khen cho viên chức ngành Y tế có thành tích trong công tác khám, chữa bệnh', take.health()))).id;
  await steps(db, d.submitted, [[health, { action: 'submit' }]]);

  d.received = (await readyDraft(db, justice, toCity(units.justice, 'Đề nghị tặng Bằng khen cho công chức Sở Tư pháp năm 2025', take.justice()))).id;
  await steps(db, d.received, [[justice, { action: 'submit' }], [spec, { action: 'receive' }]]);

  // In appraisal, with a concurrence (hiệp y) asked of the city police and not yet answered.
  d.appraisal = (await readyDraft(db, ward, toCity(units.ward, 'Đề nghị tặng Bằng khen cho cán bộ phường có thành tích bảo đảm an ninh, trật tự', take.ward()))).id;
  await steps(db, d.appraisal, [[ward, { action: 'submit' }], ...receive]);
  await requestConcurrence(db, spec.user, d.appraisal, { version: await versionOf(db, d.appraisal), agency: 'Công an thành phố Hà Nội', agencyUnitId: null });

  // Returned with structured reasons: which nominee, which part, which criterion.
  const returned = await readyDraft(db, ward, toCity(units.ward, 'Đề nghị tặng Bằng khen cho cán bộ phường có thành tích trong công tác cải cách hành chính năm 2025', take.ward(2)));
  d.returned = returned.id;
  await steps(db, d.returned, [[ward, { action: 'submit' }], ...receive, [spec, {
    action: 'return', reason: 'Hồ sơ chưa đủ thành phần theo Điều 84 Luật Thi đua, khen thưởng',
    returnReasons: [
      { nomineeId: returned.nominees[0], partKind: 'achievement_report', criterion: 'initiative', note: 'Báo cáo thành tích chưa nêu sáng kiến được công nhận và phạm vi ảnh hưởng' },
      { nomineeId: null, partKind: 'council_minutes', criterion: null, note: 'Biên bản họp Hội đồng thiếu chữ ký của Chủ tịch Hội đồng' },
    ],
  }]]);

  // Returned, completed by the sender and sent again.
  const resub = await readyDraft(db, ward, toCity(units.ward, 'Đề nghị tặng Bằng khen cho cán bộ Tổ dân phố có thành tích trong phong trào "Toàn dân bảo vệ an ninh Tổ quốc"', take.ward()));
  d.resubmitted = resub.id;
  await steps(db, d.resubmitted, [[ward, { action: 'submit' }], ...receive, [spec, {
    action: 'return', reason: 'Thiếu xác nhận của cơ quan thuế',
    returnReasons: [{ nomineeId: resub.nominees[0], partKind: 'other', criterion: 'tax_obligations', note: 'Bổ sung xác nhận hoàn thành nghĩa vụ thuế' }],
  }]]);
  await addPart(db, ward.user, d.resubmitted, { version: await versionOf(db, d.resubmitted), kind: 'other', nomineeId: resub.nominees[0], fileName: 'xac-nhan-thue.pdf', content: samplePdf('xac nhan thue') });
  await steps(db, d.resubmitted, [[ward, { action: 'resubmit' }]]);

  // Before the city's council, whose session (app ballot) the council member can vote in.
  const atCouncil = await readyDraft(db, justice, toCity(units.justice, 'Đề nghị tặng Bằng khen cho Phòng Hành chính tư pháp, Sở Tư pháp', take.justice()));
  d.council = atCouncil.id;
  await steps(db, d.council, [[justice, { action: 'submit' }], ...receive, [spec, { action: 'to_council' }]]);
  const nominee = (await children.nomineesOf(db, d.council))[0];
  const councilScope = await spec.scope('council.manage');
  const session = await db.tx((q) => openCouncilSession(q, spec.actor, councilScope, {
    orgUnitId: units.city, purpose: 'dossier', refId: d.council, title: 'Hội đồng Thi đua - Khen thưởng thành phố: xét hồ sơ đề nghị Bằng khen', meetsOn: addDays(today, 3), ballot: 'app',
    members: [
      { name: 'Trần Văn Đức', role: 'chair', userId: boss.user.id },
      { name: 'Lê Minh Tuấn', role: 'member', userId: users('hoidong').user.id },
      { name: 'Vũ Thị Phương Thảo', role: 'member' },
      { name: 'Nguyễn Thị Thu Hà', role: 'secretary', userId: spec.user.id },
    ],
    candidates: [{ personId: nominee.personId, unitId: nominee.personId ? null : nominee.unitId, awardCode: CITY_MERIT, refId: nominee.id }],
  }));

  // At public consultation (Công dân Thủ đô ưu tú: 7 working days), with a comment an officer entered.
  const consult = await readyDraft(db, ward, toCity(units.ward, 'Đề nghị xét tặng danh hiệu Công dân Thủ đô ưu tú năm 2025', take.ward(), 'outstanding_capital_citizen'));
  d.consultation = consult.id;
  await steps(db, d.consultation, [[ward, { action: 'submit' }], ...receive, [spec, { action: 'to_council' }], [spec, { action: 'open_consultation' }]]);
  await addComment(db, spec.user, d.consultation, {
    version: await versionOf(db, d.consultation), nomineeId: consult.nominees[0], commenter: 'Ông Nguyễn Văn Bình, Tổ dân phố số 7, phường Ba Đình',
    content: 'Đồng ý với đề nghị; ông là người nhiệt tình, gương mẫu trong các hoạt động của khu dân cư.', receivedOn: today,
  });

  // A team's dossier to the ward, appraised there and forwarded to the city (a new dossier, linked to its source).
  const fwd = take.wardUnits();
  d.forwarded = (await readyDraft(db, ward, { ...toCity(fwd[0].unitId, 'Đề nghị tặng Bằng khen cho viên chức có thành tích xuất sắc', fwd), receiverUnitId: units.ward })).id;
  const forwardedTo = await steps(db, d.forwarded, [[ward, { action: 'submit' }], ...receive, [spec, { action: 'to_council' }], [spec, { action: 'forward', forwardTo: units.city, reason: 'Đủ điều kiện, đề nghị thành phố xét tặng' }]]);
  if (forwardedTo) d.forwardedCopy = forwardedTo;

  // Decided: the chairman's decision drafted by "decide", then numbered and issued; the award enters the history.
  d.decided = (await readyDraft(db, justice, toCity(units.justice, 'Đề nghị tặng Bằng khen cho công chức Sở Tư pháp có thành tích xuất sắc năm 2025', take.justice()))).id;
  await steps(db, d.decided, [[justice, { action: 'submit' }], ...receive, [spec, { action: 'to_council' }], [boss, { action: 'decide', reason: 'Hội đồng Thi đua - Khen thưởng thành phố thống nhất 100%' }]]);
  decisions.push(await issueFor(db, d.decided, boss, today));

  d.rejected = (await readyDraft(db, health, toCity(units.health, 'Đề nghị tặng Bằng khen cho bác sĩ Bệnh viện', take.health()))).id;
  await steps(db, d.rejected, [[health, { action: 'submit' }], ...receive, [boss, { action: 'reject', reason: 'Cá nhân đã được tặng Bằng khen của Chủ tịch UBND thành phố trong thời hạn 2 năm gần đây (chưa đủ thời gian theo Điều 74 Luật Thi đua, khen thưởng)' }]]);

  d.withdrawn = (await readyDraft(db, ward, toCity(units.ward, 'Đề nghị tặng Bằng khen (rút lại để bổ sung thành tích)', take.ward()))).id;
  await steps(db, d.withdrawn, [[ward, { action: 'submit' }], [ward, { action: 'withdraw', reason: 'Đơn vị rút hồ sơ để tổng hợp thêm thành tích năm 2026' }]]);

  // A sudden (đột xuất) award on the fast track (Law Art 85): from the act to the decision in days.
  const actDate = addDays(today, -6);
  d.sudden = (await readyDraft(db, ward, {
    ...toCity(units.ward, 'Đề nghị khen thưởng đột xuất: dũng cảm cứu người trong vụ cháy nhà dân tại phố Đội Cấn', take.ward()), awardType: 'sudden', actDate, year: null,
  })).id;
  await steps(db, d.sudden, [[ward, { action: 'fast_track' }], [boss, { action: 'decide_fast', reason: 'Khen thưởng đột xuất theo thủ tục đơn giản (Điều 85 Luật Thi đua, khen thưởng)' }]]);
  decisions.push(await issueFor(db, d.sudden, boss, today));

  return { dossiers: d, decisions, councilSessionId: session.id };
}
