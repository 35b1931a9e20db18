// The decisions register's shapes (sổ quyết định khen thưởng).

export const DECISION_STATUSES = ['draft', 'issued', 'discarded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Loại khen thưởng: the occasion of an award (Law Art 4; people's award_record.award_type). */
export const AWARD_TYPES = ['merit', 'sudden', 'movement', 'contribution', 'seniority', 'external'] as const;
export type AwardType = (typeof AWARD_TYPES)[number];

/** A person or a collective a decision awards, and the dossier nominee it answers when it came from one. */
export interface AwardeeInput {
  personId?: number | null;
  unitId?: number | null;
  /** Defaults to the decision's award. */
  awardCode?: string | null;
  dossierId?: number | null;
  nomineeId?: number | null;
}

export interface DecisionInput {
  /** The issuing unit (or, for a decision made elsewhere, the unit recording it). */
  authorityUnitId: number;
  /** The symbol after the number: type + issuer abbreviations, e.g. "QĐ-UBND", "QĐ-CTUBND" (Nghị định 30/2020). */
  kind: string;
  awardCode: string;
  awardType: AwardType;
  /** The achievement period (years; a title is for one year). */
  periodFrom: number;
  periodTo: number;
  summary?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
  decidedOn?: string | null;
  /** A decision made elsewhere (Thủ tướng, Chủ tịch nước, a ministry): its authority and the number it bears. */
  external?: { authority: string; number: string } | null;
  awardees: AwardeeInput[];
}

export interface AwardeeView {
  id: number;
  personId: number | null;
  unitId: number | null;
  name: string;
  awardCode: string;
  awardName: string;
  dossierId: number | null;
  nomineeId: number | null;
}

export interface DecisionView {
  id: number;
  authorityUnitId: number;
  authorityName: string;
  kind: string;
  status: DecisionStatus;
  year: number | null;
  number: number | null;
  /** "Số" as printed: "05/QĐ-UBND" (numbers below 10 with a leading 0), or as given for a decision made elsewhere. */
  numberText: string | null;
  externalAuthority: string | null;
  decidedOn: string | null;
  signerName: string | null;
  signerTitle: string | null;
  summary: string | null;
  awardCode: string;
  awardName: string;
  awardType: AwardType;
  periodFrom: number;
  periodTo: number;
  version: number;
  createdAt: string;
  issuedAt: string | null;
  awardees: AwardeeView[];
}

/** What the issuing transaction tells the modules above (dossiers closes the ones the decision answers). */
export interface IssuedDecision {
  decisionId: number;
  number: string;
  decidedOn: string;
  authorityUnitId: number;
  awardees: { personId: number | null; unitId: number | null; awardCode: string; dossierId: number | null; nomineeId: number | null }[];
}

/** What the issuing transaction tells the modules above before the number is taken (rewards checks the fund). */
export interface IssuingDecision {
  decisionId: number;
  authorityUnitId: number;
  /** Made elsewhere (recorded with its own number): not paid from this authority's fund. */
  external: boolean;
  decidedOn: string;
  year: number;
  awardees: { personId: number | null; unitId: number | null; awardCode: string }[];
  /** The issuer saw the fund warning and issues anyway. */
  acceptFundWarning: boolean;
  actor: import('../audit/audit.ts').Actor;
}
