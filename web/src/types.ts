/** Shapes of the API answers used by the web app (see the schema.ts file of each module in src/modules). */
import type { Locale } from '../../src/shared/i18n/messages.ts';
import type { CriterionResult, EligibilityResult } from '../../src/modules/rules/contract.ts';

export type { CriterionResult, EligibilityResult };

export type Permission = 'org.read' | 'org.write' | 'people.read' | 'people.write' | 'people.personal_data' | 'import.run' | 'users.manage' | 'audit.read'
  | 'eligibility.read' | 'catalogue.manage' | 'quota.manage';
export const ROLES = ['system_admin', 'board_specialist', 'board_leader', 'council_member', 'unit_officer', 'unit_leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const UNIT_KINDS = ['city_committee', 'department', 'commune', 'ward', 'district', 'public_service_unit', 'enterprise', 'mass_organisation', 'party_body', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const CATEGORIES = ['civil_servant', 'public_employee', 'worker', 'farmer', 'armed_forces', 'other'] as const;
export const GENDERS = ['female', 'male'] as const;

export interface RoleBinding { role: Role; orgUnitId: number; orgUnitName: string | null }

export interface Me {
  id: number; username: string; displayName: string; locale: Locale; mustChangePassword: boolean;
  /** A second factor is enrolled; required of the account but not enrolled yet (enrolment comes first). */
  mfaEnabled: boolean; mfaEnrolmentRequired: boolean;
  roles: RoleBinding[]; permissions: Permission[];
}

/** POST /auth/login when a second factor is enrolled: no session yet, POST /auth/login/mfa completes it. */
export interface MfaChallenge { mfaRequired: true; rememberDays: number }

export interface MfaStatus { enabled: boolean; enabledAt: string | null; required: boolean; recoveryCodesLeft: number }
export interface MfaEnrolment { secret: string; otpauthUrl: string; qrSvgDataUrl: string }

export interface Unit {
  id: number; code: string; kind: UnitKind; name: string; shortName: string | null; parentId: number | null;
  establishedOn: string; dissolvedOn: string | null; version: number;
}

export interface TreeResponse { asOf: string; units: Unit[] }

export interface UnitLink { unitId: number; code: string; name: string; eventKind: string; effectiveOn: string }

export interface UnitDetail {
  unit: Unit;
  path: { id: number; name: string }[];
  versions: { name: string; shortName: string | null; parentId: number | null; parentName: string | null; validFrom: string; validTo: string | null; eventKind: string | null }[];
  events: { id: number; kind: string; effectiveOn: string; note: string | null; unitIds: number[]; createdAt: string }[];
  predecessors: UnitLink[];
  successors: UnitLink[];
  lineageIds: number[];
  actions: { canEdit: boolean };
}

export interface PersonSummary {
  id: number; nationalId: string; fullName: string; gender: 'female' | 'male' | null; birthDate: string | null;
  currentUnitId: number | null; currentUnitName: string | null; position: string | null; isLeader: boolean | null;
  /** CCCD shown as 001******960, birth date as its year: never values to send back. */
  personalDataMasked: boolean;
}

export interface SearchResponse { items: PersonSummary[]; hasMore: boolean }

export interface Employment {
  id: number; unitId: number; unitCode: string; unitName: string; position: string; category: string; isLeader: boolean;
  fromDate: string; toDate: string | null; endReason: string | null;
}

export interface PersonDetail {
  id: number; nationalId: string; fullName: string; gender: string | null; birthDate: string | null; currentUnitId: number | null;
  version: number; isLeader: boolean; employments: Employment[];
  years: { year: number; rating: string | null; titles: string[] }[];
  awards: { id: number; formCode: string; awardType: string; decisionNo: string | null; decisionDate: string; periodFrom: number | null; periodTo: number | null; revokedOn: string | null }[];
  personalDataMasked: boolean;
  actions: { canEdit: boolean; canRevealPersonalData: boolean };
}

/** Full CCCD and birth date of one person: GET /people/:id/personal-data, an audited read. */
export interface PersonalData { id: number; nationalId: string; birthDate: string | null; personalDataMasked: boolean }

export interface User {
  id: number; username: string; displayName: string; disabled: boolean; locked: boolean; mustChangePassword: boolean; mfaEnabled: boolean;
  locale: Locale; version: number; lastLoginAt: string | null; roles: RoleBinding[];
}

export interface AuditRow {
  id: number; at: string; actorId: number | null; actorName: string | null; action: string; entity: string; entityId: string | null;
  orgUnitId: number | null; before: unknown; after: unknown; hash: string;
}

export type ImportStatus = 'parsing' | 'validated' | 'invalid' | 'applying' | 'applied' | 'failed';
export interface ImportIssue { field: string; row?: number; column?: string; rule: string; params?: Record<string, unknown>; message: string }
export interface ImportPreviewItem { row: number; action: 'create' | 'update'; key: string; label: string; fields: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> }
/** An import job as polled (src/modules/imports/schema.ts ZJobView). */
export interface ImportJob {
  id: number; kind: 'people' | 'org_units'; status: ImportStatus; fileName: string; totalRows: number; processedRows: number; progress: number;
  counts: { create: number; update: number; unchanged: number } | null; applied: { created: number; updated: number } | null;
  errorCount: number; errors: ImportIssue[]; preview: ImportPreviewItem[]; failure: string | null;
  /** The last apply was interrupted (the server stopped) and rolled back; the job may be applied again. */
  interrupted?: { at: string } | null;
}

/** A collective's record; `inherited` when it was earned by a predecessor (merged or split into this unit). */
interface UnitRecordBase { unitId: number; unitName: string; inherited: boolean }
export interface UnitTitleRecord extends UnitRecordBase { year: number; titleCode: string; decisionNo: string | null; decisionDate: string | null }
export interface UnitAwardRecord extends UnitRecordBase { formCode: string; awardType: string; decisionNo: string | null; decisionDate: string; periodFrom: number | null; periodTo: number | null }
export interface UnitRecords { titles: UnitTitleRecord[]; awards: UnitAwardRecord[] }

/** GET /people/:id/eligibility and GET /units/:id/eligibility (src/modules/eligibility). */
export interface SubjectEligibility {
  subject: { kind: 'individual' | 'collective'; id: number; name: string };
  asOf: string; year: number; ruleSet: string; results: EligibilityResult[];
}

export type AwardKind = 'title' | 'form' | 'city_title';
export type AwardSubject = 'individual' | 'collective' | 'household';
export interface EligibilityAward { code: string; nameVi: string; nameEn: string; kind: AwardKind; subjects: AwardSubject[]; evaluated: boolean; discoverable?: boolean }

export type DiscoveryStatus = 'eligible' | 'near' | 'needs_review';
export interface DiscoveryRow {
  key: string; subjectKind: 'individual' | 'collective'; personId: number | null; unitId: number | null; name: string; unitName: string | null;
  isLeader: boolean | null; gender: 'female' | 'male' | null; members: number | null; award: string; awardName: string; awardNameEn?: string;
  status: DiscoveryStatus; missing: string[]; missingEn: string[]; reasonVi: string; reasonEn: string;
  duplicate: null | { kind: 'awarded' | 'pending'; textVi: string; textEn: string }; highlight: boolean;
}
export interface DiscoveryResponse { total: number; counts: { eligible: number; near: number; needsReview: number }; rows: DiscoveryRow[] }

export type SettingValue = number | boolean | string;
export interface CatalogueSetting {
  key: string; value: SettingValue; defaultValue: SettingValue; type: 'number' | 'boolean' | 'enum'; options?: string[]; min?: number; max?: number; uncertain: boolean;
  basis: string; labelVi: string; labelEn: string; noteVi?: string; noteEn?: string; updatedAt: string | null; updatedBy: string | null; version: number;
}

export interface Quota { id: number | null; award: string; awardName: string; unitId: number | null; unitName: string | null; year: number | null; max: number; basis: string; used: number | null }

export interface QuotaViolation { award: string; awardName: string; unitId: number | null; year: number | null; max: number; count: number; basis: string; messageVi: string; messageEn: string }
export interface BatchResponse {
  items: { personId: number | null; unitId: number | null; award: string; name: string; result: EligibilityResult }[];
  quotaViolations: QuotaViolation[];
}
