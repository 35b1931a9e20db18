import type { PlanUnit } from './org-plan.ts';
import type { Rng } from './random.ts';

/**
 * The demo city's generated history as plain rows (person = index into the generated people), and the
 * context the person, demo-case and unit generators share while building it.
 */

export type Rating = 'excellent' | 'good' | 'completed' | 'not_completed';
export type Scope = 'grassroots' | 'ministerial_provincial' | 'national';
export type DisciplineLevel = 'reprimand' | 'warning';
export type ReviewKind = 'discipline_review' | 'investigation' | 'inspection' | 'complaint' | 'press_report';

export interface GenRating { person: number; year: number; rating: Rating; unitCode: string }
export interface GenTitle { person: number; year: number; titleCode: string; unitCode: string; decisionNo: string; decisionDate: string }
export interface GenUnitTitle { unitCode: string; year: number; titleCode: string; decisionNo: string; decisionDate: string }
export interface GenAward { person: number | null; unitCode: string | null; formCode: string; decisionNo: string; decisionDate: string; periodFrom: number; periodTo: number; issuerCode: string }
/** Sáng kiến; `usedFor` = the award it already supported. */
export interface GenInitiative { person: number; year: number; name: string; scope: Scope; recognisedOn: string; usedFor: string | null }
/** Đề tài khoa học. */
export interface GenScienceProject { person: number; year: number; name: string; scope: Scope; accepted: boolean }
/** Kỷ luật, half-open [from, to). */
export interface GenDiscipline { person: number; level: DisciplineLevel; from: string; to: string; decisionNo: string; reason: string }
export interface GenLeave { person: number; kind: 'maternity'; from: string; to: string }
export interface GenReviewCase { person: number; kind: ReviewKind; openedOn: string; closedOn: string | null; note: string }
export interface GenUnitRating { unitCode: string; year: number; rating: Rating; exceededTargets: boolean; ledCluster: boolean }

export interface GenHistory {
  /** The years generated, oldest first. */
  years: number[];
  ratings: GenRating[];
  titles: GenTitle[];
  unitTitles: GenUnitTitle[];
  awards: GenAward[];
  initiatives: GenInitiative[];
  scienceProjects: GenScienceProject[];
  disciplines: GenDiscipline[];
  leaves: GenLeave[];
  reviewCases: GenReviewCase[];
  unitRatings: GenUnitRating[];
}

/** What a collective's titles need, per unit and year, counted over the people in it on 31 December. */
export interface MemberStats {
  members: number;
  /** Holding "Lao động tiên tiến" that year. */
  advanced: number;
  /** Holding "Chiến sĩ thi đua cơ sở" that year. */
  fighters: number;
  notCompleted: number;
  /** Under discipline at "cảnh cáo" (warning) or above during the year. */
  warned: number;
}

export interface Decision { no: string; date: string }

export interface HistoryContext {
  rng: Rng;
  years: number[];
  byCode: Map<string, PlanUnit>;
  out: GenHistory;
  /** One decision number per issuer, year and title (or form). */
  decision(issuer: PlanUnit, year: number, what: string, from: string, to: string): Decision;
  /** Who signs a person's titles in a unit at a date (schools, health stations and teams: their commune). */
  signer(unitCode: string, date: string): PlanUnit;
  stats(unitCode: string, year: number): MemberStats;
}

export const TITLE = {
  advancedWorker: 'advanced_worker',
  grassrootsFighter: 'grassroots_emulation_fighter',
  advancedCollective: 'advanced_labor_collective',
  excellentCollective: 'excellent_labor_collective',
  commendation: 'certificate_of_commendation',
  cityMerit: 'ministerial_provincial_certificate_of_merit',
} as const;

/** Does a half-open period [from, to) touch the calendar year? */
export const overlapsYear = (period: { from: string; to: string | null }, year: number) =>
  period.from <= `${year}-12-31` && (period.to === null || period.to > `${year}-01-01`);
