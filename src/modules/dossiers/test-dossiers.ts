/** Test helpers of the dossiers module: a world with one user per role at the sender and the receiving level, and paths to every state. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { call } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import type { Db } from '../../server/db.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { samplePdf } from './pdf.ts';
import type { DossierState } from './workflow.ts';

export type User = { id: number; username: string; cookie: string };

/** A city (receiver) and a ward under it (sender); one user per role at each; people in the ward. */
export async function makeDossierWorld(db: Db) {
  const nation = await makeUnit(db, { kind: 'other', name: 'Bộ Nội vụ thử' });
  const city = await makeUnit(db, { parentId: nation, kind: 'city_committee', name: 'UBND thành phố thử' });
  const ward = await makeUnit(db, { parentId: city, kind: 'ward', name: 'Phường Hồ Sơ' });
  const other = await makeUnit(db, { parentId: city, kind: 'commune', name: 'Xã Khác' });
  const atWard = {} as Record<Role, User>;
  const atCity = {} as Record<Role, User>;
  for (const role of ROLES) {
    atWard[role] = await makeUser(db, [{ role, orgUnitId: ward }]);
    atCity[role] = await makeUser(db, [{ role, orgUnitId: city }]);
  }
  const otherOfficer = await makeUser(db, [{ role: 'unit_officer', orgUnitId: other }]);
  return { nation, city, ward, other, atWard, atCity, otherOfficer };
}
export type DossierWorld = Awaited<ReturnType<typeof makeDossierWorld>>;

let keyCounter = 0;
export const newKey = () => `k${process.pid}x${Date.now()}x${++keyCounter}`;

export function api(app: FastifyInstance) {
  const send = (u: User, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => call(app, u.cookie, { method, url: `/api/v1${url}`, payload: payload as object });
  const upload = (u: User, url: string, file: Buffer, fileName: string, type = 'application/pdf') => {
    const boundary = `----vd${Date.now()}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return call(app, u.cookie, { method: 'POST', url: `/api/v1${url}`, payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  };
  const detail = async (u: User, id: number) => (await send(u, 'GET', `/dossiers/${id}`)).json();
  return { send, upload, detail };
}

const ok = (res: LightMyRequestResponse, what: string) => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
};

export interface DraftOptions { award?: string; awardType?: string; nominees?: number; complete?: boolean; actDate?: string }

/**
 * A draft from the ward to the city with nominees (people made for it) and, when `complete`, every required part and
 * an override on each nominee the engine does not pass, so it can be sent.
 */
export async function makeDraft(db: Db, app: FastifyInstance, w: DossierWorld, o: DraftOptions = {}): Promise<{ id: number; version: number; nominees: number[]; people: number[] }> {
  const a = api(app);
  const officer = w.atWard.unit_officer;
  const people: number[] = [];
  for (let i = 0; i < (o.nominees ?? 1); i++) people.push((await makePerson(db, { unitId: w.ward, fullName: `Nguyễn Văn Đề Cử ${i + 1}` })).id);
  const created = ok(await a.send(officer, 'POST', '/dossiers', {
    title: 'Đề nghị tặng Bằng khen', awardType: o.awardType ?? 'merit', awardCode: o.award ?? 'ministerial_provincial_certificate_of_merit', year: 2025,
    senderUnitId: w.ward, receiverUnitId: w.city, actDate: o.actDate ?? null, nominees: people.map((personId) => ({ personId })),
  }), 'create');
  let d = await a.detail(officer, created.id);
  if (o.complete === false) return { id: created.id, version: d.version, nominees: d.nominees.map((n: { id: number }) => n.id), people };
  let version: number = d.version;
  const add = async (kind: string, nomineeId?: number) => {
    version = ok(await a.upload(officer, `/dossiers/${created.id}/parts?version=${version}&kind=${kind}${nomineeId ? `&nomineeId=${nomineeId}` : ''}`, samplePdf(kind), `${kind}.pdf`), kind).version;
  };
  for (const p of d.requiredParts) {
    if (p.perNominee) for (const n of d.nominees) await add(p.kind, n.id);
    else await add(p.kind);
  }
  for (const n of d.nominees) {
    if (n.eligible !== 'true') version = ok(await a.send(officer, 'PUT', `/dossiers/${created.id}/nominees/${n.id}/override`, { version, reason: 'Thành tích xuất sắc, Hội đồng đã xét' }), 'override').version;
  }
  d = await a.detail(officer, created.id);
  return { id: created.id, version: d.version, nominees: d.nominees.map((n: { id: number }) => n.id), people };
}

/** The request body that satisfies a step's guards (reasons, a decision, a forward target). */
export function bodyFor(action: string, w: DossierWorld, version: number, nominees: number[]): Record<string, unknown> {
  const body: Record<string, unknown> = { action, version };
  if (action === 'withdraw' || action === 'reject') body.reason = 'Lý do ghi rõ';
  if (action === 'return') body.returnReasons = [{ nomineeId: nominees[0], partKind: 'achievement_report', criterion: 'initiative', note: 'Thiếu sáng kiến được công nhận' }];
  if (action === 'decide' || action === 'decide_fast') body.decision = { number: '123/QĐ-UBND', date: '2026-12-01' };
  if (action === 'forward') body.forwardTo = w.nation;
  return body;
}

/** The steps (action, who) from a draft to each state, taken by users who may. */
export const PATHS: Record<DossierState, string[]> = {
  draft: [],
  submitted: ['submit'],
  received: ['submit', 'receive'],
  appraisal: ['submit', 'receive', 'start_appraisal'],
  returned: ['submit', 'receive', 'start_appraisal', 'return'],
  resubmitted: ['submit', 'receive', 'start_appraisal', 'return', 'resubmit'],
  council: ['submit', 'receive', 'start_appraisal', 'to_council'],
  consultation: ['submit', 'receive', 'start_appraisal', 'to_council', 'open_consultation'],
  forwarded: ['submit', 'receive', 'start_appraisal', 'to_council', 'forward'],
  decided: ['submit', 'receive', 'start_appraisal', 'to_council', 'decide'],
  rejected: ['submit', 'receive', 'reject'],
  withdrawn: ['withdraw'],
};

/** Who takes a step on the way (a user holding its permission at its level). */
export function stepUser(w: DossierWorld, action: string): User {
  if (['submit', 'resubmit', 'withdraw', 'fast_track'].includes(action)) return w.atWard.unit_officer;
  if (['decide', 'reject', 'decide_fast'].includes(action)) return w.atCity.board_leader;
  return w.atCity.board_specialist;
}

/** A complete dossier driven to a state through the API. */
export async function dossierIn(db: Db, app: FastifyInstance, w: DossierWorld, state: DossierState, o: DraftOptions = {}) {
  const d = await makeDraft(db, app, w, o);
  const a = api(app);
  let version = d.version;
  for (const action of PATHS[state]) version = ok(await a.send(stepUser(w, action), 'POST', `/dossiers/${d.id}/transitions`, bodyFor(action, w, version, d.nominees)), action).version;
  return { ...d, version };
}
