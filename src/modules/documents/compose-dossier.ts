// A dossier's submission letter (Tờ trình, Mẫu 1.4; NĐ 152/2025 Mẫu số 01 laid out in the Decree 30 format,
// document-format.md §1.7) and its cover list (danh mục hồ sơ): made from the dossier, its nominees and its parts.
import type { Queryable } from '../../server/db.ts';
import { cityYear } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import type { DossierRow } from '../dossiers/repo.ts';
import { findDossier } from '../dossiers/repo.ts';
import { type NomineeRow, type PartRow, nomineesOf, partsOf } from '../dossiers/repo-children.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { bodyPara, officialHeader, signatureArea, titleBlock } from './compose-common.ts';
import type { ContentOf } from './content.ts';
import { numberLine, padNumber, placeDate, recipientLines, signatureTitles } from './format.ts';
import { type Block, type DocModel, type Grid, p } from './model.ts';
import { type ResolvedWording, wordingFor } from './wording.ts';

export interface DossierData {
  dossier: DossierRow;
  awardName: string;
  senderName: string;
  receiverName: string;
  wording: ResolvedWording;
  nominees: (NomineeRow & { position: string; unit: string })[];
  parts: PartRow[];
}

/** @throws AppError NOT_FOUND */
export async function loadDossierData(q: Queryable, dossierId: number): Promise<DossierData> {
  const dossier = await findDossier(q, dossierId);
  if (!dossier) throw new AppError('NOT_FOUND');
  const nominees = await nomineesOf(q, dossierId);
  const people = new Map((await peopleWithOpenEmployment(q, nominees.flatMap((n) => (n.personId ? [n.personId] : [])))).map((x) => [x.id, x]));
  const names = await latestUnitNames(q, [dossier.senderUnitId, dossier.receiverUnitId, ...[...people.values()].map((x) => x.unit_id ?? x.last_unit_id)]);
  return {
    dossier, awardName: catalogue().byCode.get(dossier.awardCode)?.nameVi ?? dossier.awardCode,
    senderName: names.get(dossier.senderUnitId) ?? '', receiverName: names.get(dossier.receiverUnitId) ?? '',
    wording: await wordingFor(q, dossier.senderUnitId),
    nominees: nominees.map((n) => {
      const x = n.personId ? people.get(n.personId) : undefined;
      const unitId = x ? (x.unit_id ?? x.last_unit_id) : null;
      return { ...n, position: x ? (x.position ?? x.last_position ?? '') : '', unit: unitId ? (names.get(unitId) ?? '') : '' };
    }),
    parts: await partsOf(q, dossierId),
  };
}

const yearOf = (d: DossierRow) => d.year ?? cityYear() - 1;

const countText = (nominees: DossierData['nominees']) => {
  const c = nominees.filter((n) => n.subjectKind === 'collective').length;
  return [c ? `${c} tập thể` : '', nominees.length - c ? `${nominees.length - c} cá nhân` : ''].filter(Boolean).join(' và ') || '0 cá nhân';
};

export function submissionDefaults(data: DossierData): ContentOf<'submission_letter'> {
  const { dossier: d, senderName, receiverName, awardName, wording: w } = data;
  return {
    number: '',
    summary: `Về việc đề nghị tặng ${awardName} năm ${yearOf(d)}`,
    recipientTo: receiverName,
    paragraphs: [
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
      `Xét thành tích đạt được năm ${yearOf(d)}, ${senderName} kính trình ${receiverName} xem xét, tặng ${awardName} cho ${countText(data.nominees)} có tên trong danh sách dưới đây (kèm theo báo cáo thành tích và biên bản họp Hội đồng Thi đua - Khen thưởng):`,
      `${senderName} kính trình ${receiverName} xem xét, quyết định./.`,
    ],
    recipients: ['Như trên'],
    archive: w.archive,
    signerTitle: w.headTitle,
    signerName: '',
  };
}

function nomineeGrid(data: DossierData): Grid {
  const rows: string[][] = [];
  const groups: [string, DossierData['nominees']][] = [['A. TẬP THỂ', data.nominees.filter((n) => n.subjectKind === 'collective')], ['B. CÁ NHÂN', data.nominees.filter((n) => n.subjectKind === 'individual')]];
  for (const [label, list] of groups) {
    if (list.length === 0) continue;
    rows.push([`${label} (${list.length})`]);
    list.forEach((n, i) => rows.push([String(i + 1), n.name, n.position, n.unit]));
  }
  if (rows.length === 0) rows.push(['(Chưa có cá nhân, tập thể nào được đề nghị)']);
  return { type: 'grid', widths: [0.08, 0.34, 0.22, 0.36], header: ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị công tác'], rows, centred: [0], size: 13 };
}

export function submissionModel(data: DossierData, c: ContentOf<'submission_letter'>): DocModel {
  const { dossier: d, wording: w } = data;
  const symbol = `TTr-${w.bodyAbbrev}`;
  const number = numberLine(c.number.trim() ? `${padNumber(c.number)}/${symbol}` : null, symbol);
  const date = placeDate(w.place, null, yearOf(d) + 1);
  const recipients = recipientLines(c.recipients[0]?.trim() === 'Như trên' ? c.recipients : ['Như trên', ...c.recipients], c.archive);
  const titles = signatureTitles(w.headTitle, w.collectiveLine, c.signerTitle || null);
  const [last, ...firstReversed] = [...c.paragraphs].reverse();
  const body: Block[] = [
    officialHeader({ parentBody: w.parentBody, issuingBody: w.issuingBody, numberLine: number, placeDate: date }),
    ...titleBlock('TỜ TRÌNH', [c.summary]),
    p(`Kính gửi: ${c.recipientTo.trim().replace(/\.$/, '')}.`, { size: 14, align: 'center', after: 6 }),
    ...firstReversed.reverse().map((t) => bodyPara(t)),
    nomineeGrid(data),
    ...(last ? [bodyPara(last)] : []),
    signatureArea({ recipients, titles, name: c.signerName.trim() }),
  ];
  return {
    kind: 'submission_letter', title: `Tờ trình ${c.summary}`, body, annex: null,
    expect: { numberLine: number, placeDate: date, bases: [], recipients, submission: true, signatureLines: titles, headTitle: w.headTitle, symbolPrefix: 'TTr', bodyAbbrev: w.bodyAbbrev },
  };
}

const PART_NAMES: Record<string, string> = {
  submission_letter: 'Tờ trình đề nghị khen thưởng', achievement_report: 'Báo cáo thành tích', council_minutes: 'Biên bản họp Hội đồng Thi đua - Khen thưởng',
  initiative_recognition: 'Giấy chứng nhận sáng kiến, đề tài', other: 'Tài liệu khác',
};

export function coverDefaults(data: DossierData): ContentOf<'dossier_cover'> {
  return { summary: `Hồ sơ đề nghị tặng ${data.awardName} năm ${yearOf(data.dossier)}`, note: [] };
}

/** The cover list: each part of the dossier (as uploaded), a nominee's report named after the nominee. */
export function coverModel(data: DossierData, c: ContentOf<'dossier_cover'>): DocModel {
  const { dossier: d, wording: w } = data;
  const names = new Map(data.nominees.map((n) => [n.id, n.name]));
  const rows = data.parts.map((part, i) => [
    String(i + 1), part.nomineeId ? `${PART_NAMES[part.kind] ?? part.kind} của ${names.get(part.nomineeId) ?? ''}` : (PART_NAMES[part.kind] ?? part.kind), part.fileName, '01 bản',
  ]);
  if (rows.length === 0) rows.push(['(Hồ sơ chưa có tài liệu nào)']);
  const date = placeDate(w.place, null, yearOf(d) + 1);
  const titles = signatureTitles(w.headTitle, w.collectiveLine, null);
  const body: Block[] = [
    officialHeader({ parentBody: w.parentBody, issuingBody: w.issuingBody, numberLine: null, placeDate: date }),
    ...titleBlock('DANH MỤC HỒ SƠ', [c.summary]),
    bodyPara(`Đơn vị đề nghị: ${data.senderName}. Nơi nhận hồ sơ: ${data.receiverName}. Số cá nhân, tập thể được đề nghị: ${data.nominees.length}.`),
    { type: 'grid', widths: [0.08, 0.42, 0.34, 0.16], header: ['STT', 'Tên tài liệu', 'Tệp', 'Số lượng'], rows, centred: [0, 3], size: 13 },
    ...c.note.map((t) => bodyPara(t)),
    signatureArea({ recipients: null, titles, name: '' }),
  ];
  return {
    kind: 'dossier_cover', title: `Danh mục hồ sơ ${d.title}`, body, annex: null,
    expect: { numberLine: null, placeDate: date, bases: [], recipients: [], submission: false, signatureLines: titles, headTitle: w.headTitle, symbolPrefix: null, bodyAbbrev: null },
  };
}
