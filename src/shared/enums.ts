/**
 * The enumerations the server, the eligibility contract and the web app share, declared once. Modules re-export
 * the ones they own (auth/roles.ts, org/types.ts, people/types.ts, rules/contract.ts); the web app imports them
 * from here, and its response types come from the server's schemas built on them (web/src/api-types.ts).
 */

/** Roles, each bound to an org node and its subtree (see glossary: Ban TĐKT, Hội đồng, cán bộ TĐKT). */
export const ROLES = ['system_admin', 'board_specialist', 'board_leader', 'council_member', 'unit_officer', 'unit_leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do within its subtree; which role holds which is auth/roles.ts's POLICY. */
export const PERMISSIONS = [
  'org.read', 'org.write', 'people.read', 'people.write', 'people.personal_data', 'import.run', 'users.manage', 'audit.read',
  'eligibility.read', 'catalogue.manage', 'quota.manage',
  // The workflow from evaluation to decision (issue 12).
  'calendar.manage', 'evaluation.write', 'evaluation.decide', 'registration.write', 'registration.approve', 'review.manage',
  'council.manage', 'council.vote', 'dossier.read', 'dossier.write', 'dossier.appraise', 'dossier.decide', 'decision.read', 'decision.issue',
  // Documents, certificates, reward money and revocation (issue 13).
  'document.write', 'document.template', 'certificate.print', 'reward.manage', 'decision.revoke',
  // Movements (issue 14, H6).
  'movement.manage', 'movement.report',
  // Emulation clusters and blocks (issue 14).
  'cluster.manage', 'cluster.score', 'cluster.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Kinds of organisational unit (loại đơn vị). `district` exists only in history before 1 Jul 2025. */
export const UNIT_KINDS = ['city_committee', 'department', 'commune', 'ward', 'district', 'public_service_unit', 'enterprise', 'mass_organisation', 'party_body', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A person's category of employment (cán bộ/công chức, viên chức, người lao động, nông dân, lực lượng vũ trang, khác). */
export const CATEGORIES = ['civil_servant', 'public_employee', 'worker', 'farmer', 'armed_forces', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** The yearly rating (xếp loại): hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. */
export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];
