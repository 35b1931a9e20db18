import type { ReviewRuleSet } from './rules-data.ts';
import type { Registration, RuleText } from './types.ts';

/** A registered target, as the evaluations module publishes it (`registrationsOf`). */
export interface RegisteredTarget {
  unitId: number;
  subjectKind: 'individual' | 'collective';
  personId: number | null;
  awardCode: string;
  status: string;
}

/**
 * Who registered what (đăng ký thi đua): an award the rule set names needs a registration in one of the statuses
 * that count; without one the candidate is `needs_review` and the rule is shown.
 */
export function registrationCheck(rs: ReviewRuleSet, targets: RegisteredTarget[]) {
  const counts = new Set(rs.registration.statuses_that_count);
  const keys = new Set(targets.filter((t) => counts.has(t.status)).map((t) => `${t.subjectKind}:${t.subjectKind === 'individual' ? t.personId : t.unitId}:${t.awardCode}`));
  return (subject: { kind: 'individual' | 'collective'; id: number }, award: string, awardName: string): { registration: Registration; rule: RuleText | null } => {
    if (!rs.registration.required_for.includes(award)) return { registration: 'not_required', rule: null };
    if (keys.has(`${subject.kind}:${subject.id}:${award}`)) return { registration: 'registered', rule: null };
    return {
      registration: 'missing',
      rule: {
        vi: `"${awardName}" chỉ xét cho ${subject.kind === 'individual' ? 'cá nhân' : 'tập thể'} đã đăng ký thi đua (được duyệt) cho năm này; chưa có đăng ký nên cần Hội đồng xem xét.`,
        en: `"${awardName}" is considered only for those with an approved registration for the year; none was found, so the council must review it.`,
        basis: rs.registration.basis,
        uncertain: rs.registration.uncertain,
      },
    };
  };
}
