/**
 * The eligibility check's input and output (../shared/domain/eligibility-input.md), as Zod schemas.
 * The CLI, the API and the in-process engine share this one contract. The project adds optional
 * fields (`year`, `pending`, `decidedOn`, `subject.name`, `subject.inService`, a course's `courseMonths` and
 * `result`); it never requires more than the minimum.
 *
 * Conventions on unknowns: an omitted boolean or a null rating means "unknown" (the engine answers
 * `needs_review` when it decides the result); an omitted list means "none recorded".
 */
import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { CATEGORIES, RATINGS, type Rating } from '../../shared/enums.ts';

const zDate = ZCalendarDate;
const zYear = z.number().int().min(1945).max(2200);

// Declared once for the server, the contract and the web app (shared/enums.ts).
export { CATEGORIES, RATINGS, type Rating };
/** Rank of a completion rating: higher is better. */
export const RATING_RANK: Record<Rating, number> = { not_completed: 0, completed: 1, good: 2, excellent: 3 };

export const DISCIPLINE_LEVELS = ['reprimand', 'warning', 'salary_downgrade', 'demotion', 'dismissal_from_post', 'dismissal'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];
/** Rank of a disciplinary measure (khiển trách < cảnh cáo < hạ bậc lương < giáng chức < cách chức < buộc thôi việc). */
export const DISCIPLINE_RANK: Record<DisciplineLevel, number> = { reprimand: 1, warning: 2, salary_downgrade: 3, demotion: 4, dismissal_from_post: 5, dismissal: 6 };

export const SCOPES = ['grassroots', 'ministerial_provincial', 'national'] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_RANK: Record<Scope, number> = { grassroots: 1, ministerial_provincial: 2, national: 3 };

export const SUBJECT_KINDS = ['individual', 'collective', 'household'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const AWARD_TYPES = ['merit', 'sudden', 'movement', 'contribution', 'seniority', 'external'] as const;
export type AwardType = (typeof AWARD_TYPES)[number];
/** `injury` is treatment of an injury suffered on duty, in combat or in a rescue (with the medical conclusion); any
 *  other illness or injury is `sick`. */
export const LEAVE_KINDS = ['maternity', 'sick', 'unpaid', 'training', 'injury', 'other'] as const;

/** Result of a course (kết quả học tập): xuất sắc, giỏi, khá, trung bình, yếu. "Khá trở lên" = fair or better. */
export const STUDY_RESULTS = ['excellent', 'very_good', 'fair', 'average', 'weak'] as const;
export type StudyResult = (typeof STUDY_RESULTS)[number];
export const STUDY_RESULT_RANK: Record<StudyResult, number> = { weak: 0, average: 1, fair: 2, very_good: 3, excellent: 4 };

/**
 * Leave in a year: `months` of this year. The project adds, for training (đào tạo, bồi dưỡng), `courseMonths` (the
 * whole course's length across years; default `months`) and `result`: a course under a year counts as time at work,
 * one of a year or more with a result of "khá" or better makes the person eligible for Lao động tiên tiến.
 */
export const ZLeave = z.object({
  kind: z.enum(LEAVE_KINDS),
  months: z.number().min(0).max(12),
  courseMonths: z.number().min(0).max(600).optional(),
  result: z.enum(STUDY_RESULTS).optional(),
});

export const ZDiscipline = z.object({ level: z.enum(DISCIPLINE_LEVELS), from: zDate, to: zDate.nullable().optional() });
export const ZInitiative = z.object({ scope: z.enum(SCOPES), usedFor: z.string().nullable().optional(), name: z.string().optional() });
export const ZScienceProject = z.object({ scope: z.enum(SCOPES), accepted: z.boolean().optional(), name: z.string().optional() });

/** Every field is optional (the contract): a count not given is unknown, and answers `needs_review` when it decides. */
export const ZCollectiveYear = z.object({
  members: z.number().int().min(0).optional(),
  membersCompletedTasks: z.number().int().min(0).optional(),
  memberTitles: z.record(z.string(), z.number().int().min(0)).optional(),
  membersDisciplined: z.record(z.string(), z.number().int().min(0)).optional(),
  /** Share of women among members, 0–100 (tie-break, NĐ 152 Art 4(6)). */
  womenPct: z.number().min(0).max(100).optional(),
  exceededTargets: z.boolean().optional(),
  ledCluster: z.boolean().optional(),
});

export const ZYear = z.object({
  year: zYear,
  rating: z.enum(RATINGS).nullable().optional(),
  monthsWorked: z.number().min(0).max(12).optional(),
  leave: z.array(ZLeave).optional(),
  titles: z.array(z.string()).optional(),
  initiatives: z.array(ZInitiative).optional(),
  scienceProjects: z.array(ZScienceProject).optional(),
  discipline: z.array(ZDiscipline).optional(),
  collective: ZCollectiveYear.optional(),
});

export const ZPriorAward = z.object({
  code: z.string().min(1),
  decisionDate: zDate,
  periodFrom: zYear.nullable().optional(),
  periodTo: zYear.nullable().optional(),
  type: z.enum(AWARD_TYPES).optional(),
  decisionNo: z.string().optional(),
});

/** A proposal for the same subject still in progress (not decided): counts for duplicate detection. */
export const ZPendingProposal = z.object({ code: z.string().min(1), periodFrom: zYear.nullable().optional(), periodTo: zYear.nullable().optional(), reference: z.string().optional() });

export const ZSubject = z.object({
  kind: z.enum(SUBJECT_KINDS),
  gender: z.enum(['female', 'male']).nullable().optional(),
  category: z.enum(CATEGORIES).optional(),
  isLeader: z.boolean().optional(),
  startedOn: zDate.optional(),
  /** First recruitment into public service; a transfer, secondment or contract → civil servant keeps it (new-recruit rule). */
  recruitedOn: zDate.optional(),
  /** Still serving (employed) on `asOf`; the medals of Law Art 57 are for people still serving in the armed forces. */
  inService: z.boolean().optional(),
  underReview: z.boolean().optional(),
  /** Resident of the city whose own titles the catalogue holds (catalogue.yaml `city`: Hà Nội), for Công dân Thủ đô ưu tú. */
  residentOfCapital: z.boolean().optional(),
  name: z.string().optional(),
});

export const ZEligibilityInput = z.object({
  award: z.string().min(1),
  asOf: zDate,
  /** The achievement year proposed; default: the latest year in `years` not after `asOf`. */
  year: zYear.optional(),
  /** Expected decision date (transition rule and money); default `asOf`. */
  decidedOn: zDate.optional(),
  subject: ZSubject,
  years: z.array(ZYear).default([]),
  awards: z.array(ZPriorAward).default([]),
  pending: z.array(ZPendingProposal).default([]),
});

export type EligibilityInput = z.infer<typeof ZEligibilityInput>;
export type EligibilityInputRaw = z.input<typeof ZEligibilityInput>;
export type YearFacts = z.infer<typeof ZYear>;
export type Leave = z.infer<typeof ZLeave>;
export type PriorAward = z.infer<typeof ZPriorAward>;
export type Discipline = z.infer<typeof ZDiscipline>;

/** met / unmet / review (needs human judgement or an unknown fact). */
export type CriterionStatus = 'met' | 'unmet' | 'review';

export interface CriterionResult {
  id: string;
  met: boolean;
  status: CriterionStatus;
  /** Vietnamese, naming the year and the fact. */
  reason: string;
  reasonEn: string;
  basis: string;
  /** When unmet: how far from met (1 = one more year/item); absent when nothing but time past a block helps. */
  gap?: number;
  /** Set by the duplicate check: the achievement already got this award, a higher one, or is in a pending proposal. */
  duplicate?: 'same' | 'higher' | 'pending';
  /** Sub-criteria of an any_of / all_of group. */
  children?: CriterionResult[];
}

export interface EligibilityResult {
  award: string;
  awardName: string;
  awardNameEn: string;
  ruleSet: string;
  ruleSetUncertain: boolean;
  year: number;
  eligible: boolean | 'needs_review';
  /** False when the catalogue holds no detailed criteria for the award (the council judges). */
  evaluated: boolean;
  criteria: CriterionResult[];
  /** What would make it eligible (Vietnamese; `missingEn` in English). */
  missing: string[];
  missingEn: string[];
  /** Total gap of the unmet criteria: 1 means "one step away"; null when only time past a block helps. */
  stepsAway: number | null;
  reasonVi: string;
  reasonEn: string;
  /** Routes the law also allows that only the council can judge (e.g. Art 74(1)(a)–(c)). */
  alternatives: { textVi: string; textEn: string; basis: string }[];
  /** Set when the transition rule chose a rule set other than the one in force on `asOf`. */
  transition?: { applied: string; compared: string; noteVi: string; noteEn: string };
  /** When the only thing unmet is the duplicate check: the achievement already got this award ('same'), a higher
   * one ('higher'), or is in a pending proposal ('pending'). The panel shows 'same' as "already awarded". */
  duplicate: 'same' | 'higher' | 'pending' | null;
  /** Reward money if awarded on `decidedOn` (else `asOf`), when the catalogue gives an amount. */
  reward: { amount: number; coefficient: number; baseSalary: number; basis: string } | null;
}
