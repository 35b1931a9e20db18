// A decision on awards (Quyết định, Mẫu 1.2 of Nghị định 30/2020 Phụ lục III; document-format.md §1.7) with its
// attached list (Danh sách kèm theo, §1.8): grouped by award, collectives then individuals.
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { findDecision } from '../decisions/repo.ts';
import type { DecisionView } from '../decisions/types.ts';
import { presentDecisions } from '../decisions/view.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { basisParas, bodyPara, officialHeader, signatureArea, titleBlock } from './compose-common.ts';
import type { ContentOf } from './content.ts';
import { basisLines, dateWords, numberLine, placeDate, recipientLines, roman, signatureTitles, upperVi } from './format.ts';
import { type Block, type DocModel, type Grid, bold, italic, p } from './model.ts';
import { type ResolvedWording, wordingFor } from './wording.ts';

export interface AnnexEntry {
  name: string;
  position: string;
  unit: string;
  collective: boolean;
  awardCode: string;
  awardName: string;
}

export interface DecisionData {
  decision: DecisionView;
  wording: ResolvedWording;
  entries: AnnexEntry[];
}

/**
 * What a decision's document is made from: the decision as the register shows it, its authority's wording, and
 * each awardee's position and unit (a person's current or last employment; a collective's parent).
 * @throws AppError NOT_FOUND
 */
export async function loadDecisionData(q: Queryable, decisionId: number): Promise<DecisionData> {
  const row = await findDecision(q, decisionId);
  if (!row) throw new AppError('NOT_FOUND');
  const [decision] = await presentDecisions(q, [row]);
  const people = new Map((await peopleWithOpenEmployment(q, decision.awardees.flatMap((a) => (a.personId ? [a.personId] : [])))).map((x) => [x.id, x]));
  const unitIds = [...people.values()].map((x) => x.unit_id ?? x.last_unit_id);
  const units = await latestUnitNames(q, unitIds);
  const entries = decision.awardees.map((a): AnnexEntry => {
    const person = a.personId ? people.get(a.personId) : undefined;
    const unitId = person ? (person.unit_id ?? person.last_unit_id) : null;
    return {
      name: a.name, collective: a.personId === null, awardCode: a.awardCode, awardName: a.awardName,
      position: person ? (person.position ?? person.last_position ?? '') : '', unit: unitId ? (units.get(unitId) ?? '') : '',
    };
  });
  return { decision, wording: await wordingFor(q, decision.authorityUnitId), entries };
}

const periodText = (d: DecisionView) => (d.periodFrom === d.periodTo ? `năm ${d.periodFrom}` : `giai đoạn ${d.periodFrom} - ${d.periodTo}`);

const countText = (collectives: number, individuals: number) =>
  [collectives ? `${collectives} tập thể` : '', individuals ? `${individuals} cá nhân` : ''].filter(Boolean).join(' và ') || '0 cá nhân';

/** A title is given as 'danh hiệu "…"', a form by its name (Law Art 7–8). */
const awardPhrase = (code: string, name: string) => (catalogue().byCode.get(code)?.kind === 'form' ? name : `danh hiệu "${name}"`);

/** "Tặng danh hiệu "Lao động tiên tiến" cho 2 cá nhân; tặng danh hiệu "Tập thể lao động tiên tiến" cho 1 tập thể". */
function giveText(d: DecisionView, entries: AnnexEntry[]): string {
  const awards = [...new Set([d.awardCode, ...entries.map((e) => e.awardCode)])].filter((code) => code === d.awardCode || entries.some((e) => e.awardCode === code));
  const parts = awards.flatMap((code) => {
    const mine = entries.filter((e) => e.awardCode === code);
    if (mine.length === 0 && awards.length > 1) return [];
    const c = mine.filter((e) => e.collective).length;
    return [`${awardPhrase(code, mine[0]?.awardName ?? d.awardName)} cho ${countText(c, mine.length - c)}`];
  });
  return `Tặng ${parts.join('; tặng ')}`;
}

/** The text made from the data, before any edit. */
export function decisionDefaults(data: DecisionData): ContentOf<'decision'> {
  const { decision: d, wording: w, entries } = data;
  return {
    summary: `Về việc tặng ${awardPhrase(d.awardCode, d.awardName)} ${periodText(d)}`,
    bases: w.bases,
    proposer: w.proposer,
    articles: [
      `Điều 1. ${giveText(d, entries)} (có danh sách kèm theo) đã có thành tích trong ${periodText(d)}.`,
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      `Điều 3. ${w.executors}./.`,
    ],
    recipients: w.recipients,
    archive: w.archive,
  };
}

/** "Điều 1. …" with its article number in bold (Phụ lục I, II.6). */
const article = (text: string) => {
  const m = /^(Điều\s+\d+\.)\s*(.*)$/su.exec(text.trim());
  return bodyPara(m ? [bold(`${m[1]} `), { text: m[2] }] : text);
};

const awardOrder = (code: string) => {
  const i = catalogue().awards.findIndex((a) => a.code === code);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};

/** The attached list: per award (catalogue order) a part, collectives then individuals, numbered within the part. */
export function annexGrid(entries: AnnexEntry[]): Grid {
  const rows: string[][] = [];
  const awards = [...new Set(entries.map((e) => e.awardCode))].sort((a, b) => awardOrder(a) - awardOrder(b));
  awards.forEach((code, i) => {
    const mine = entries.filter((e) => e.awardCode === code);
    if (awards.length > 1) rows.push([`${roman(i + 1)}. ${upperVi(mine[0].awardName)}`]);
    const groups: [string, AnnexEntry[]][] = [['TẬP THỂ', mine.filter((e) => e.collective)], ['CÁ NHÂN', mine.filter((e) => !e.collective)]];
    for (const [label, list] of groups) {
      if (list.length === 0) continue;
      rows.push([`${label === 'TẬP THỂ' ? 'A' : 'B'}. ${label} (${list.length})`]);
      list.forEach((e, n) => rows.push([String(n + 1), e.name, e.position, e.unit]));
    }
  });
  if (entries.length === 0) rows.push(['(Chưa có tập thể, cá nhân nào trong danh sách)']);
  return { type: 'grid', widths: [0.08, 0.34, 0.22, 0.36], header: ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị công tác'], rows, centred: [0], size: 13 };
}

/**
 * The decision as a document model.
 * @throws AppError DOCUMENT_INCOMPLETE (field signerName) when nobody signs it
 */
export function decisionModel(data: DecisionData, c: ContentOf<'decision'>): DocModel {
  const { decision: d, wording: w, entries } = data;
  if (!d.signerName?.trim()) throw new AppError('DOCUMENT_INCOMPLETE', { field: 'signerName', reason: 'quyết định chưa có người ký (họ và tên người ký)' });
  const year = d.year ?? Number((d.decidedOn ?? `${d.periodTo + 1}`).slice(0, 4));
  const date = placeDate(w.place, d.decidedOn, year);
  const bases = basisLines(c.bases, c.proposer);
  const recipients = recipientLines(c.recipients, c.archive);
  const titles = signatureTitles(w.headTitle, w.collectiveLine, d.signerTitle);
  const number = numberLine(d.numberText, d.kind);
  const body: Block[] = [
    officialHeader({ parentBody: w.parentBody, issuingBody: w.issuingBody, numberLine: number, placeDate: date }),
    ...titleBlock('QUYẾT ĐỊNH', [c.summary]),
    p([bold(upperVi(w.authorityLine))], { size: 14, align: 'center', after: 6 }),
    ...basisParas(bases),
    p([bold('QUYẾT ĐỊNH:')], { size: 14, align: 'center', after: 6 }),
    ...c.articles.map(article),
    signatureArea({ recipients, titles, name: d.signerName.trim() }),
  ];
  const reference = d.numberText && d.decidedOn ? `(Kèm theo Quyết định số ${d.numberText} ${dateWords(d.decidedOn)})` : `(Kèm theo Quyết định số       /${d.kind} ngày      tháng      năm ${year})`;
  const collectives = entries.filter((e) => e.collective).length;
  const annex: Block[] = [
    p([bold('DANH SÁCH')], { size: 14, align: 'center', after: 0 }),
    p([bold(new Set(entries.map((e) => e.awardCode)).size > 1 ? 'TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG' : `TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG ${upperVi(awardPhrase(d.awardCode, d.awardName))}`)], { size: 14, align: 'center', after: 0 }),
    p([italic(reference)], { size: 14, align: 'center', after: 0 }),
    { type: 'rule', at: 'page', lengthCm: 4 },
    annexGrid(entries),
    p(`Tổng số: ${collectives} tập thể, ${entries.length - collectives} cá nhân./.`, { size: 13, align: 'left', after: 0 }),
  ];
  return {
    kind: 'decision', title: `Quyết định ${d.numberText ?? '(dự thảo)'}`, body, annex: { landscape: false, blocks: annex },
    expect: { numberLine: number, placeDate: date, bases, recipients, submission: false, signatureLines: titles, headTitle: w.headTitle, symbolPrefix: 'QĐ', bodyAbbrev: w.bodyAbbrev },
  };
}
