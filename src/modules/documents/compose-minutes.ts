// The minutes of a council session (biên bản họp Hội đồng Thi đua - Khen thưởng) with the vote counts per candidate
// against the award's threshold of ALL members (councils' `councilResult`): issued by the council as an advisory body
// under its unit (Phụ lục I: the unit as parent body, the council as issuing body, its own "BB-" series).
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { findSession, membersOf, type MemberRow, type SessionRow } from '../councils/repo.ts';
import { type CouncilResult, councilResult } from '../councils/result.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { bodyPara, officialHeader, signatureArea, titleBlock } from './compose-common.ts';
import type { ContentOf } from './content.ts';
import { numberLine, padNumber, placeDate, upperVi } from './format.ts';
import { type Block, type DocModel, p } from './model.ts';
import { type ResolvedWording, wordingFor } from './wording.ts';

export interface MinutesData {
  session: SessionRow;
  unitName: string;
  members: MemberRow[];
  result: CouncilResult;
  names: Map<number, string>;
  wording: ResolvedWording;
}

/**
 * @throws AppError NOT_FOUND | DOCUMENT_INCOMPLETE (field result) while the vote is open: counts are hidden until closed
 */
export async function loadMinutesData(q: Queryable, sessionId: number): Promise<MinutesData> {
  const session = await findSession(q, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const result = await councilResult(q, sessionId);
  if (result.status !== 'closed') throw new AppError('DOCUMENT_INCOMPLETE', { field: 'result', reason: 'phiên họp chưa kết thúc bỏ phiếu: số phiếu chỉ có khi phiên đã đóng' });
  const people = await peopleWithOpenEmployment(q, result.candidates.flatMap((c) => (c.personId ? [c.personId] : [])));
  const units = await latestUnitNames(q, [session.org_unit_id, ...result.candidates.map((c) => c.unitId)]);
  const names = new Map(result.candidates.map((c) => [c.candidateId, (c.personId ? people.find((x) => x.id === c.personId)?.full_name : units.get(c.unitId as number)) ?? '']));
  return { session, unitName: units.get(session.org_unit_id) ?? '', members: await membersOf(q, sessionId), result, names, wording: await wordingFor(q, session.org_unit_id) };
}

const ROLE_VI: Record<MemberRow['role'], string> = { chair: 'Chủ tịch Hội đồng', vice_chair: 'Phó Chủ tịch Hội đồng', member: 'Thành viên', secretary: 'Thư ký' };

export function minutesDefaults(m: MinutesData): ContentOf<'council_minutes'> {
  const r = m.result;
  const absent = m.members.filter((x) => x.attendance === 'absent').map((x) => x.name);
  const passed = r.candidates.filter((c) => c.passed).length;
  return {
    number: '',
    summary: /^họp/iu.test(m.session.title.trim()) ? m.session.title.trim() : `Họp Hội đồng Thi đua - Khen thưởng: ${m.session.title.trim()}`,
    opening: [
      `Hôm nay, ${placeDate('', m.session.meets_on, 0).slice(2)}, tại ${m.unitName}, Hội đồng Thi đua - Khen thưởng họp xét đề nghị khen thưởng.`,
      `Thành phần: ${r.present}/${r.membersTotal} thành viên có mặt${absent.length ? `; vắng mặt: ${absent.join(', ')} (${r.writtenVotes} thành viên gửi phiếu bằng văn bản)` : ''}. Hội đồng ${r.quorum.met ? 'đủ' : 'không đủ'} số thành viên dự họp theo quy định (cần ${r.quorum.required} thành viên).`,
      `Hình thức biểu quyết: ${m.session.ballot === 'app' ? 'bỏ phiếu kín trên phần mềm' : 'bỏ phiếu kín bằng phiếu giấy'}. Kết quả kiểm phiếu như sau:`,
    ],
    conclusion: [`Kết luận: ${passed}/${r.candidates.length} trường hợp đạt tỷ lệ phiếu tán thành theo quy định và được Hội đồng thống nhất đề nghị khen thưởng.`, 'Biên bản kết thúc vào hồi … giờ … cùng ngày, đã được thông qua trước Hội đồng./.'],
    chairName: m.members.find((x) => x.role === 'chair')?.name ?? '',
    secretaryName: m.members.find((x) => x.role === 'secretary')?.name ?? '',
  };
}

export function minutesModel(m: MinutesData, c: ContentOf<'council_minutes'>): DocModel {
  const w = m.wording;
  const symbol = `BB-HĐTĐKT`;
  const number = numberLine(c.number.trim() ? `${padNumber(c.number)}/${symbol}` : null, symbol);
  const date = placeDate(w.place, m.session.meets_on, Number(m.session.meets_on.slice(0, 4)));
  const rows = m.result.candidates.map((cand, i) => [
    String(i + 1), m.names.get(cand.candidateId) ?? '', cand.awardName, String(cand.yes ?? 0), String(cand.no ?? 0), String(cand.blank ?? 0),
    `${m.result.membersTotal ? Math.round(((cand.yes ?? 0) / m.result.membersTotal) * 1000) / 10 : 0}%`.replace('.', ','), cand.passed ? 'Đạt' : 'Không đạt',
  ]);
  const memberRows = m.members.map((x, i) => [String(i + 1), x.name, ROLE_VI[x.role], x.attendance === 'present' ? 'Có mặt' : x.written_vote ? 'Vắng (có phiếu bằng văn bản)' : 'Vắng']);
  const body: Block[] = [
    officialHeader({ parentBody: upperVi(w.issuingBody).replace(/\n/g, ' '), issuingBody: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', numberLine: number, placeDate: date }),
    ...titleBlock('BIÊN BẢN', [c.summary]),
    ...c.opening.map((t) => bodyPara(t)),
    { type: 'grid', widths: [0.07, 0.4, 0.3, 0.23], header: ['STT', 'Họ và tên', 'Chức danh trong Hội đồng', 'Tham dự'], rows: memberRows.length ? memberRows : [['(Không có thành viên)']], centred: [0], size: 12 },
    p('', { size: 14, align: 'left', after: 0 }),
    { type: 'grid', widths: [0.06, 0.26, 0.2, 0.09, 0.1, 0.09, 0.1, 0.1], header: ['STT', 'Cá nhân / Tập thể', 'Hình thức đề nghị', 'Tán thành', 'Không tán thành', 'Phiếu trắng', 'Tỷ lệ tán thành', 'Kết quả'], rows: rows.length ? rows : [['(Không có trường hợp nào)']], centred: [0, 3, 4, 5, 6, 7], size: 11 },
    ...c.conclusion.map((t) => bodyPara(t)),
    signatureArea({ recipients: null, titles: ['CHỦ TỊCH HỘI ĐỒNG'], name: c.chairName.trim(), leftTitles: ['THƯ KÝ'], leftName: c.secretaryName.trim() }),
  ];
  return {
    kind: 'council_minutes', title: `Biên bản ${m.session.title}`, body, annex: null,
    expect: { numberLine: number, placeDate: date, bases: [], recipients: [], submission: false, signatureLines: ['CHỦ TỊCH HỘI ĐỒNG'], headTitle: 'CHỦ TỊCH HỘI ĐỒNG', symbolPrefix: 'BB', bodyAbbrev: null },
  };
}
