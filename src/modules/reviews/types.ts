// The annual review's shapes (bình xét thi đua, khen thưởng cuối năm).

export const REVIEW_STATUSES = ['draft', 'council', 'concluded'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const CANDIDATE_OUTCOMES = ['unit_decision', 'sent_up', 'not_passed', 'left_out'] as const;
export type CandidateOutcome = (typeof CANDIDATE_OUTCOMES)[number];
export type Registration = 'registered' | 'missing' | 'not_required';

/** A rule applied, as the screen shows it. */
export interface RuleText { vi: string; en: string; basis: string; uncertain: boolean }

/** One candidate the engine proposed, as stored. */
export interface CandidateInput {
  subjectKind: 'individual' | 'collective';
  personId: number | null;
  unitId: number | null;
  name: string;
  awardCode: string;
  engineStatus: 'eligible' | 'needs_review';
  status: 'eligible' | 'needs_review';
  registration: Registration;
  registrationRule: RuleText | null;
  reason: { vi: string; en: string; missing: string[]; missingEn: string[] };
}
