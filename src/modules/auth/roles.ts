// Roles and permissions are declared once, with the web app (shared/enums.ts).
import { PERMISSIONS, type Permission, ROLES, type Role } from '../../shared/enums.ts';
export { PERMISSIONS, type Permission, ROLES, type Role };

/** Declared policy: which roles hold which permission (within the subtree of their org node). */
export const POLICY: Record<Permission, readonly Role[]> = {
  'org.read': ROLES,
  'org.write': ['system_admin', 'board_specialist'],
  'people.read': ROLES,
  'people.write': ['system_admin', 'board_specialist', 'unit_officer'],
  // Full CCCD and birth date (Decree 13/2023): those who maintain people; each reveal or export is audited.
  'people.personal_data': ['system_admin', 'board_specialist', 'unit_officer'],
  'import.run': ['system_admin', 'board_specialist', 'unit_officer'],
  'users.manage': ['system_admin'],
  'audit.read': ['system_admin', 'board_leader', 'board_specialist'],
  // Eligibility checks, discovery and quotas: everyone reads within their subtree.
  'eligibility.read': ROLES,
  // Settings of the law (uncertain values) change results for everyone: the system admin only.
  'catalogue.manage': ['system_admin'],
  'quota.manage': ['system_admin', 'board_specialist'],
  // Working days and holidays drive every deadline: the system admin only.
  'calendar.manage': ['system_admin'],
  // Ratings: officers enter and propose, the head of the unit decides (Decree 335/2025; evaluation.md §1).
  'evaluation.write': ['system_admin', 'board_specialist', 'unit_officer', 'unit_leader'],
  'evaluation.decide': ['system_admin', 'board_leader', 'unit_leader'],
  // Registration: a unit registers; the level above (whose scope covers it) approves or returns.
  'registration.write': ['system_admin', 'board_specialist', 'unit_officer', 'unit_leader'],
  'registration.approve': ['system_admin', 'board_specialist', 'board_leader', 'unit_leader'],
  // The annual review and its council: officers run them, members vote.
  'review.manage': ['system_admin', 'board_specialist', 'unit_officer'],
  'council.manage': ['system_admin', 'board_specialist', 'unit_officer'],
  'council.vote': ['council_member', 'board_leader', 'unit_leader'],
  // Dossiers: everyone in scope reads; officers prepare and send; the Board appraises; leaders decide.
  'dossier.read': ROLES,
  'dossier.write': ['system_admin', 'board_specialist', 'unit_officer'],
  'dossier.appraise': ['system_admin', 'board_specialist'],
  'dossier.decide': ['system_admin', 'board_leader', 'unit_leader'],
  'decision.read': ROLES,
  'decision.issue': ['system_admin', 'board_specialist', 'board_leader', 'unit_leader'],
  // Documents: officers draft and edit the papers of a dossier or decision before issue (everyone who reads the
  // decision or dossier downloads them); the wording of an authority (căn cứ lines, signers, place) is the Board's.
  'document.write': ['system_admin', 'board_specialist', 'unit_officer'],
  'document.template': ['system_admin', 'board_specialist'],
  // Printing certificates on the blanks, and each printer's calibration.
  'certificate.print': ['system_admin', 'board_specialist', 'unit_officer'],
  // The reward fund of an authority (budget, payments made).
  'reward.manage': ['system_admin', 'board_specialist', 'unit_officer'],
  // Revoking an award (Law Art 93) is a decision of the authority that gave it, as issuing is.
  'decision.revoke': ['system_admin', 'board_specialist', 'board_leader', 'unit_leader'],
  // Movements (issue 14): the Board launches and concludes; units register and report their progress.
  'movement.manage': ['system_admin', 'board_specialist'],
  'movement.report': ['system_admin', 'board_specialist', 'unit_officer'],
  // Clusters and blocks: the Board sets them up; units self-score (the head's officers verify); the Board reviews.
  'cluster.manage': ['system_admin', 'board_specialist'],
  'cluster.score': ['system_admin', 'board_specialist', 'unit_officer'],
  'cluster.review': ['system_admin', 'board_specialist', 'board_leader'],
};

/** Roles that must sign in with a second factor when MFA_REQUIRED is on: they administer or decide for everyone in scope. */
export const MFA_ROLES: readonly Role[] = ['system_admin', 'board_specialist', 'board_leader'];

export interface RoleAssignment {
  role: Role;
  orgUnitId: number;
}

/** The signed-in user as the rest of the app sees it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  locale: 'vi' | 'en';
  mustChangePassword: boolean;
  /** A second factor is enrolled (sign-in asks for a code). */
  mfaEnabled: boolean;
  roles: RoleAssignment[];
}

/** Whether the second factor is required of this user (and so enrolment comes before anything else). */
export function mfaRequiredFor(user: { roles: RoleAssignment[] }, required: boolean): boolean {
  return required && user.roles.some((r) => MFA_ROLES.includes(r.role));
}

/** The org nodes under which a user holds a permission. */
export function rootsFor(user: AuthUser, permission: Permission): number[] {
  const allowed = POLICY[permission];
  return [...new Set(user.roles.filter((r) => allowed.includes(r.role)).map((r) => r.orgUnitId))];
}

/** Permissions a user holds anywhere, for the UI to enable or disable actions. */
export function permissionsOf(user: AuthUser): Permission[] {
  return (Object.keys(POLICY) as Permission[]).filter((p) => rootsFor(user, p).length > 0);
}
