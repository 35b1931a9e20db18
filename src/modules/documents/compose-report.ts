// A nominee's achievement report (báo cáo thành tích; NĐ 152/2025 appendix, individual merit Mẫu số 05 and its
// collective counterpart, law.md §D.3): I. profile, II. duties and achievements (written by the unit, edited before
// issue), III. the titles and awards already held (from the history). Only the birth year is printed: a full birth
// date leaves the app only through the audited personal-data read.
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { dmy } from '../../shared/vn-format.ts';
import { AppError } from '../../shared/errors.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import type { NomineeRow } from '../dossiers/repo-children.ts';
import { findUnit } from '../org/repo.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { awardRows, titleRows } from '../people/fact-readers.ts';
import { unitTitleRows } from '../people/unit-fact-readers.ts';
import { NATIONAL_NAME, MOTTO, bodyPara, signatureArea, textWidthCm } from './compose-common.ts';
import { type DossierData, loadDossierData } from './compose-dossier.ts';
import type { ContentOf } from './content.ts';
import { placeDate, upperVi } from './format.ts';
import { type Block, type DocModel, bold, italic, p } from './model.ts';

export interface ReportData {
  dossier: DossierData;
  nominee: NomineeRow & { position: string; unit: string };
  birthYear: number | null;
  gender: string | null;
  parentName: string;
  titles: { year: number; name: string }[];
  awards: { year: string; name: string; decision: string }[];
}

const nameOf = (code: string) => catalogue().byCode.get(code)?.nameVi ?? code;

/** @throws AppError NOT_FOUND (the nominee is not in the dossier) */
export async function loadReportData(q: Queryable, dossierId: number, nomineeId: number): Promise<ReportData> {
  const dossier = await loadDossierData(q, dossierId);
  const nominee = dossier.nominees.find((n) => n.id === nomineeId);
  if (!nominee) throw new AppError('NOT_FOUND', { field: 'nomineeId' });
  const year = dossier.dossier.year ?? Number(cityToday().slice(0, 4)) - 1;
  const today = cityToday();
  const span = { asOf: today, fromYear: year - 9, toYear: year };
  const award = (a: { form_code: string; period_from: number | null; period_to: number | null; decision_no: string | null; decision_date: string }) => ({
    year: a.period_from && a.period_to && a.period_from !== a.period_to ? `${a.period_from} - ${a.period_to}` : String(a.period_to ?? a.decision_date.slice(0, 4)),
    name: nameOf(a.form_code), decision: `${a.decision_no ?? ''} ngày ${dmy(a.decision_date)}`.trim(),
  });
  if (nominee.personId) {
    const [person] = await peopleWithOpenEmployment(q, [nominee.personId]);
    const titles = await titleRows(q, { ids: [nominee.personId], ...span });
    const awards = await awardRows(q, 'person_id', [nominee.personId], today);
    return {
      dossier, nominee, birthYear: person?.birth_date ? Number(String(person.birth_date).slice(0, 4)) : null, gender: person?.gender ?? null, parentName: '',
      titles: titles.map((t) => ({ year: t.year, name: nameOf(t.title_code) })), awards: awards.map(award),
    };
  }
  const unitId = nominee.unitId as number;
  const unit = await findUnit(q, unitId);
  const parent = unit?.parentId ? await findUnit(q, unit.parentId) : null;
  const titles = await unitTitleRows(q, { ids: [unitId], ...span });
  const awards = await awardRows(q, 'unit_id', [unitId], today);
  return {
    dossier, nominee, birthYear: null, gender: null, parentName: parent?.name ?? '',
    titles: titles.map((t) => ({ year: t.year, name: nameOf(t.title_code) })), awards: awards.map(award),
  };
}

const collective = (r: ReportData) => r.nominee.subjectKind === 'collective';

export function reportDefaults(r: ReportData): ContentOf<'achievement_report'> {
  const year = r.dossier.dossier.year ?? Number(cityToday().slice(0, 4)) - 1;
  const profile = collective(r)
    ? [`Tên tập thể: ${r.nominee.name}.`, `Đơn vị cấp trên trực tiếp: ${r.parentName || '…'}.`, 'Đặc điểm, tình hình: (chức năng, nhiệm vụ được giao; tổ chức bộ máy; số cán bộ, công chức, viên chức, người lao động).']
    : [
      `Họ và tên: ${r.nominee.name}. Giới tính: ${r.gender === 'female' ? 'Nữ' : r.gender === 'male' ? 'Nam' : '…'}.`,
      `Năm sinh: ${r.birthYear ?? '…'}.`,
      `Chức vụ, đơn vị công tác: ${[r.nominee.position, r.nominee.unit].filter(Boolean).join(', ') || '…'}.`,
    ];
  return {
    summary: `ĐỀ NGHỊ TẶNG ${upperVi(r.dossier.awardName)} NĂM ${year}`,
    profile,
    duties: [collective(r) ? 'Chức năng, nhiệm vụ được giao: …' : 'Quyền hạn, nhiệm vụ được giao: …'],
    achievements: [`Thành tích đạt được năm ${year}: …`, 'Các giải pháp, sáng kiến đã áp dụng: …'],
    reporterName: collective(r) ? '' : r.nominee.name,
  };
}

const section = (title: string, lines: string[]): Block[] => [p([bold(title)], { size: 14, align: 'left', after: 6 }), ...lines.map((l) => bodyPara(l))];

export function reportModel(r: ReportData, c: ContentOf<'achievement_report'>): DocModel {
  const w = r.dossier.wording;
  const year = (r.dossier.dossier.year ?? Number(cityToday().slice(0, 4)) - 1) + 1;
  const date = placeDate(w.place, null, year);
  // A report is no administrative document of a body: only the Quốc hiệu/Tiêu ngữ and the place and date head it.
  const header: Block = {
    type: 'columns', widths: [0.35, 0.65],
    rows: [
      { left: collective(r) ? [p([bold(upperVi(r.nominee.name))], { size: 12, align: 'center' })] : [], right: [p([bold(NATIONAL_NAME)], { size: 12, align: 'center' }), p([bold(MOTTO)], { size: 13, align: 'center' }), { type: 'rule', at: 'right', lengthCm: textWidthCm(MOTTO, 13) * 1.05 }] },
      { left: [], right: [p([italic(date)], { size: 14, align: 'center' })] },
    ],
  };
  const titles = r.titles.map((t, i) => [String(i + 1), String(t.year), t.name, '']);
  const awards = r.awards.map((a, i) => [String(i + 1), a.year, a.name, a.decision]);
  const none = (t: string) => [[`(Chưa có ${t})`]];
  const leftTitles = collective(r) ? ['THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN', 'TRỰC TIẾP XÁC NHẬN, ĐỀ NGHỊ'] : ['THỦ TRƯỞNG ĐƠN VỊ', 'XÁC NHẬN, ĐỀ NGHỊ'];
  const rightTitles = collective(r) ? ['THỦ TRƯỞNG ĐƠN VỊ'] : ['NGƯỜI BÁO CÁO THÀNH TÍCH'];
  const body: Block[] = [
    header,
    p([bold('BÁO CÁO THÀNH TÍCH')], { size: 14, align: 'center', after: 0 }),
    p([bold(c.summary)], { size: 14, align: 'center', after: 0 }),
    { type: 'rule', at: 'page', lengthCm: 4 },
    ...section(collective(r) ? 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH' : 'I. SƠ LƯỢC LÝ LỊCH', c.profile),
    ...section('II. THÀNH TÍCH ĐẠT ĐƯỢC', [...c.duties, ...c.achievements]),
    p([bold('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG')], { size: 14, align: 'left', after: 6 }),
    p('1. Danh hiệu thi đua', { size: 14, align: 'left', after: 3 }),
    { type: 'grid', widths: [0.08, 0.14, 0.48, 0.3], header: ['STT', 'Năm', 'Danh hiệu thi đua', 'Số, ngày quyết định'], rows: titles.length ? titles : none('danh hiệu thi đua'), centred: [0, 1], size: 13 },
    p('2. Hình thức khen thưởng', { size: 14, align: 'left', after: 3 }),
    { type: 'grid', widths: [0.08, 0.14, 0.48, 0.3], header: ['STT', 'Năm', 'Hình thức khen thưởng', 'Số, ngày quyết định'], rows: awards.length ? awards : none('hình thức khen thưởng'), centred: [0, 1], size: 13 },
    signatureArea({ recipients: null, titles: rightTitles, name: c.reporterName.trim(), leftTitles, leftName: '' }),
  ];
  return {
    kind: 'achievement_report', title: `Báo cáo thành tích ${r.nominee.name}`, body, annex: null,
    expect: { numberLine: null, placeDate: date, bases: [], recipients: [], submission: false, signatureLines: rightTitles, headTitle: rightTitles[0], symbolPrefix: null, bodyAbbrev: null },
  };
}
