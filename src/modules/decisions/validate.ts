import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { type AwardDef, catalogue } from '../catalogue/catalogue.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import type { DecisionFields } from './repo.ts';
import type { DecisionInput } from './types.ts';

/** Ký hiệu: the type's and issuer's abbreviations joined by "-", e.g. "QĐ-UBND", "QĐ-CTUBND" (Nghị định 30/2020, Phụ lục III). */
export const KIND_PATTERN = /^[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$/u;

export interface CheckedAwardee {
  personId: number | null;
  unitId: number | null;
  awardCode: string;
  dossierId: number | null;
  nomineeId: number | null;
  /** The person's current unit (the unit a title is held in), or the collective itself. */
  holderUnitId: number | null;
}

const invalid = (field: string, reason: string, more: Record<string, unknown> = {}) => new AppError('DECISION_INVALID', { field, reason, ...more });

function award(code: string, field: string): AwardDef {
  const def = catalogue().byCode.get(code);
  if (!def) throw new AppError('UNKNOWN_AWARD', { award: code, field });
  return def;
}

/** A title (danh hiệu) is conferred for one year; a form may cover a period. */
export const isTitle = (def: AwardDef) => def.kind !== 'form';

/**
 * Checks a draft's fields and returns them normalised (NFC texts, the period of a title one year).
 * @throws AppError NOT_FOUND (authority outside the scope) | UNKNOWN_AWARD | DECISION_INVALID naming the field
 */
export function checkFields(scope: Scope, input: DecisionInput): DecisionFields {
  if (!inScope(scope, input.authorityUnitId)) throw new AppError('NOT_FOUND', { field: 'authorityUnitId' });
  const kind = nfc(input.kind.trim());
  if (!KIND_PATTERN.test(kind)) throw invalid('kind', 'ký hiệu gồm chữ viết tắt tên loại và cơ quan, nối bằng "-", ví dụ QĐ-UBND');
  const def = award(input.awardCode, 'awardCode');
  if (input.periodTo < input.periodFrom) throw invalid('periodTo', 'năm kết thúc thời kỳ thành tích trước năm bắt đầu');
  if (isTitle(def) && input.periodFrom !== input.periodTo) throw invalid('periodTo', 'danh hiệu thi đua xét cho một năm: thời kỳ phải là một năm');
  const ext = input.external ?? null;
  const text = (s: string | null | undefined) => (s && s.trim() ? nfc(s.trim()) : null);
  if (ext && (!text(ext.authority) || !text(ext.number))) throw invalid('external', 'quyết định của cấp khác cần cơ quan ban hành và số quyết định');
  return {
    authorityUnitId: input.authorityUnitId, kind, externalAuthority: ext ? text(ext.authority) : null, numberText: ext ? text(ext.number) : null,
    decidedOn: input.decidedOn ?? null, signerName: text(input.signerName), signerTitle: text(input.signerTitle), summary: text(input.summary),
    awardCode: def.code, awardType: input.awardType, periodFrom: input.periodFrom, periodTo: input.periodTo,
  };
}

/**
 * Checks the awardees: a person or a collective each, the award's subject kind, inside the actor's scope (a
 * person by their current unit), no one twice for the same award.
 * @throws AppError DECISION_INVALID naming `awardees.N` | NOT_FOUND naming `awardees.N` | UNKNOWN_AWARD
 */
export async function checkAwardees(q: Queryable, scope: Scope, fields: DecisionFields, input: DecisionInput['awardees']): Promise<CheckedAwardee[]> {
  const people = new Map((await peopleWithOpenEmployment(q, input.flatMap((a) => (a.personId ? [a.personId] : [])))).map((p) => [p.id, p]));
  const units = await latestUnitNames(q, input.map((a) => a.unitId));
  const seen = new Set<string>();
  return input.map((a, i) => {
    const field = `awardees.${i}`;
    if ((a.personId == null) === (a.unitId == null)) throw invalid(field, 'mỗi dòng là một cá nhân hoặc một tập thể');
    const def = award(a.awardCode ?? fields.awardCode, `${field}.awardCode`);
    if (isTitle(def) && fields.periodFrom !== fields.periodTo) throw invalid(`${field}.awardCode`, 'danh hiệu thi đua xét cho một năm: thời kỳ phải là một năm');
    const kind = a.personId != null ? 'individual' : 'collective';
    if (!def.subjects.includes(kind)) throw invalid(`${field}.awardCode`, `"${def.nameVi}" không xét cho ${kind === 'individual' ? 'cá nhân' : 'tập thể'}`);
    let holderUnitId: number | null;
    if (a.personId != null) {
      const p = people.get(a.personId);
      if (!p || !inScope(scope, p.current_unit_id)) throw new AppError('NOT_FOUND', { field: `${field}.personId` });
      holderUnitId = p.current_unit_id;
    } else {
      if (!units.has(a.unitId as number) || !inScope(scope, a.unitId)) throw new AppError('NOT_FOUND', { field: `${field}.unitId` });
      holderUnitId = a.unitId as number;
    }
    const key = `${a.personId ?? ''}|${a.unitId ?? ''}|${def.code}`;
    if (seen.has(key)) throw invalid(field, 'đối tượng được ghi hai lần cho cùng danh hiệu, hình thức');
    seen.add(key);
    return { personId: a.personId ?? null, unitId: a.unitId ?? null, awardCode: def.code, dossierId: a.dossierId ?? null, nomineeId: a.nomineeId ?? null, holderUnitId };
  });
}
