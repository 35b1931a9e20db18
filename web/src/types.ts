/**
 * Shapes of the API the web app uses, named. They are not written here: each is the server's own schema, through
 * the types generated from its OpenAPI description (api-types.ts, `npm run gen:api`; a test fails when it is
 * stale), and the enumerations are the server's single declaration (src/shared/enums.ts).
 */
import type { components, paths } from './api-types.ts';

export { CATEGORIES, GENDERS, PERMISSIONS, RATINGS, ROLES, UNIT_KINDS } from '../../src/shared/enums.ts';
export type { Category, Gender, Permission, Rating, Role, UnitKind } from '../../src/shared/enums.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/** The JSON a route answers on success (200, 201 or 202), e.g. `ApiResponse<'/api/v1/people', 'get'>`. */
export type ApiResponse<P extends keyof paths, M extends Method> = JsonOf<Success<Operation<P, M>['responses']>>;
/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method> = JsonOf<NonNullable<Operation<P, M>['requestBody']>>;
/** The query string a route takes. */
export type ApiQuery<P extends keyof paths, M extends Method> = NonNullable<Operation<P, M>['parameters']['query']>;

// Accounts and sign-in (src/modules/auth/schema.ts).
export type Me = ApiResponse<'/api/v1/auth/me', 'get'>;
export type RoleBinding = Me['roles'][number];
/** POST /auth/login when a second factor is enrolled: no session yet, POST /auth/login/mfa completes it. */
export type MfaChallenge = Extract<ApiResponse<'/api/v1/auth/login', 'post'>, { mfaRequired: true }>;
export type MfaStatus = ApiResponse<'/api/v1/auth/mfa', 'get'>;
export type MfaEnrolment = ApiResponse<'/api/v1/auth/mfa/enrolment', 'post'>;
export type RecoveryCodes = ApiResponse<'/api/v1/auth/mfa/recovery-codes', 'post'>;
export type User = ApiResponse<'/api/v1/users/{id}', 'patch'>;
export type LoginRequest = ApiBody<'/api/v1/auth/login', 'post'>;
export type MfaLoginRequest = ApiBody<'/api/v1/auth/login/mfa', 'post'>;
export type MfaCodeRequest = ApiBody<'/api/v1/auth/mfa/enrolment/confirm', 'post'>;
export type MfaDisableRequest = ApiBody<'/api/v1/auth/mfa/disable', 'post'>;
export type ChangePasswordRequest = ApiBody<'/api/v1/auth/password', 'post'>;
export type LocaleRequest = ApiBody<'/api/v1/auth/locale', 'put'>;
export type CreateUserRequest = ApiBody<'/api/v1/users', 'post'>;
export type UpdateUserRequest = ApiBody<'/api/v1/users/{id}', 'patch'>;

// The organisation (src/modules/org/schema.ts).
export type Unit = ApiResponse<'/api/v1/org/units/{id}', 'patch'>;
export type TreeResponse = ApiResponse<'/api/v1/org/tree', 'get'>;
export type UnitDetail = ApiResponse<'/api/v1/org/units/{id}', 'get'>;
export type UnitLink = UnitDetail['predecessors'][number];
export type CreateUnitRequest = ApiBody<'/api/v1/org/units', 'post'>;
export type ChangeUnitRequest = ApiBody<'/api/v1/org/units/{id}', 'patch'>;
export type DissolveRequest = ApiBody<'/api/v1/org/units/{id}/dissolve', 'post'>;
export type MergeRequest = ApiBody<'/api/v1/org/merges', 'post'>;
export type SplitRequest = ApiBody<'/api/v1/org/splits', 'post'>;
export type SplitResponse = ApiResponse<'/api/v1/org/splits', 'post'>;

// People (src/modules/people/schema.ts).
export type SearchResponse = ApiResponse<'/api/v1/people', 'get'>;
/** CCCD shown as 001******960, birth date as its year (`personalDataMasked`): never values to send back. */
export type PersonSummary = SearchResponse['items'][number];
export type PersonDetail = ApiResponse<'/api/v1/people/{id}', 'get'>;
export type PersonWorks = ApiResponse<'/api/v1/people/{id}/works', 'get'>;
export type PersonWork = PersonWorks['items'][number];
export type AddWorkRequest = ApiBody<'/api/v1/people/{id}/works', 'post'>;
export type Employment = PersonDetail['employments'][number];
/** Full CCCD and birth date of one person: GET /people/:id/personal-data, an audited read. */
export type PersonalData = ApiResponse<'/api/v1/people/{id}/personal-data', 'get'>;
/** A collective's records; `inherited` when earned by a predecessor (merged or split into this unit). */
export type UnitRecords = ApiResponse<'/api/v1/units/{id}/records', 'get'>;
export type UnitTitleRecord = UnitRecords['titles'][number];
export type UnitAwardRecord = UnitRecords['awards'][number];
export type CreatePersonRequest = ApiBody<'/api/v1/people', 'post'>;
export type UpdatePersonRequest = ApiBody<'/api/v1/people/{id}', 'patch'>;
export type TransferRequest = ApiBody<'/api/v1/people/{id}/transfers', 'post'>;

// The audit log (src/modules/audit/schema.ts).
export type AuditPage = ApiResponse<'/api/v1/audit', 'get'>;
export type AuditRow = AuditPage['items'][number];

// Imports (src/modules/imports/schema.ts).
/** An import job as polled. `interrupted`: the last apply stopped with the server, rolled back; it may be applied again. */
export type ImportJob = ApiResponse<'/api/v1/imports/{id}', 'get'>;
export type ImportStatus = ImportJob['status'];
export type ImportIssue = ImportJob['errors'][number];
export type ImportPreviewItem = ImportJob['preview'][number];

// Eligibility, discovery, settings and quotas (src/modules/eligibility/schema.ts).
/** One award checked for one subject: every criterion with its reason and basis, what is missing, the money. */
export type EligibilityResult = ApiResponse<'/api/v1/eligibility/check', 'post'>;
/** A criterion of a result; `children` for the members of an any-of / all-of group. */
export type CriterionResult = components['schemas']['CriterionResult'];
/** GET /people/:id/eligibility and GET /units/:id/eligibility. */
export type SubjectEligibility = ApiResponse<'/api/v1/people/{id}/eligibility', 'get'>;
export type EligibilityAward = ApiResponse<'/api/v1/eligibility/awards', 'get'>['awards'][number];
export type AwardKind = EligibilityAward['kind'];
export type AwardSubject = EligibilityAward['subjects'][number];
export type DiscoveryResponse = ApiResponse<'/api/v1/discovery', 'get'>;
export type DiscoveryRow = DiscoveryResponse['rows'][number];
export type DiscoveryStatus = DiscoveryRow['status'];
export type CatalogueSetting = ApiResponse<'/api/v1/catalogue/settings', 'get'>['settings'][number];
export type SettingValue = CatalogueSetting['value'];
export type Quota = ApiResponse<'/api/v1/quotas', 'get'>['quotas'][number];
export type BatchResponse = ApiResponse<'/api/v1/eligibility/batch', 'post'>;
export type QuotaViolation = BatchResponse['quotaViolations'][number];
export type BatchRequest = ApiBody<'/api/v1/eligibility/batch', 'post'>;
export type SettingRequest = ApiBody<'/api/v1/catalogue/settings/{key}', 'put'>;
export type QuotaRequest = ApiBody<'/api/v1/quotas', 'post'>;

// The decisions register and councils (src/modules/decisions/schema.ts, src/modules/councils/schema.ts).
export type DecisionList = ApiResponse<'/api/v1/decisions', 'get'>;
export type DecisionSummary = DecisionList['items'][number];
export type Decision = ApiResponse<'/api/v1/decisions/{id}', 'get'>;
export type CreateDecisionRequest = ApiBody<'/api/v1/decisions', 'post'>;
export type IssueDecisionRequest = ApiBody<'/api/v1/decisions/{id}/issue', 'post'>;
export type CouncilSessionList = ApiResponse<'/api/v1/councils', 'get'>;
export type CouncilSession = ApiResponse<'/api/v1/councils/{id}', 'get'>;
export type OpenCouncilRequest = ApiBody<'/api/v1/councils', 'post'>;
export type AttendanceRequest = ApiBody<'/api/v1/councils/{id}/attendance', 'put'>;
export type CountsRequest = ApiBody<'/api/v1/councils/{id}/counts', 'put'>;
export type BallotRequest = ApiBody<'/api/v1/councils/{id}/ballots', 'post'>;
// Revocation of awards (src/modules/decisions/revocations-schema.ts).
export type DecisionRevocations = ApiResponse<'/api/v1/decisions/{id}/revocations', 'get'>;
export type Revocation = DecisionRevocations['items'][number];
export type RevocationRequest = ApiBody<'/api/v1/decisions/{id}/revocations', 'post'>;
export type RecoveryRequest = ApiBody<'/api/v1/decisions/{id}/revocations/{revocationId}/awardees/{awardeeId}/recovery', 'put'>;
export type PersonRevokedAwards = ApiResponse<'/api/v1/people/{id}/revoked-awards', 'get'>;

// Reward money and the fund ledger (src/modules/rewards/schema.ts).
export type DecisionMoney = ApiResponse<'/api/v1/decisions/{id}/rewards', 'get'>;
export type MoneyItem = DecisionMoney['items'][number];
export type FundCheck = ApiResponse<'/api/v1/decisions/{id}/fund-check', 'get'>;
export type FundLedger = ApiResponse<'/api/v1/rewards/funds/{authorityUnitId}/{year}', 'get'>;
export type FundLedgers = ApiResponse<'/api/v1/rewards/funds', 'get'>;
export type PaymentRequest = ApiBody<'/api/v1/decisions/{id}/rewards/payments/{awardeeId}', 'put'>;
export type BudgetRequest = ApiBody<'/api/v1/rewards/funds/{authorityUnitId}/{year}', 'put'>;

// Working-day calendar, notifications and the inbox (src/modules/calendar/schema.ts, src/modules/notifications/schema.ts).
export type CalendarDays = ApiResponse<'/api/v1/calendar/days', 'get'>;
export type CalendarDay = CalendarDays['days'][number];
export type CalendarDayKind = CalendarDay['kind'];
export type AddCalendarDayRequest = ApiBody<'/api/v1/calendar/days', 'post'>;
export type NotificationList = ApiResponse<'/api/v1/notifications', 'get'>;
export type AppNotification = NotificationList['items'][number];
export type ReadNotificationsRequest = ApiBody<'/api/v1/notifications/read', 'post'>;
export type Inbox = ApiResponse<'/api/v1/inbox', 'get'>;
export type InboxGroup = Inbox['groups'][number];
export type InboxItem = InboxGroup['items'][number];
// Annual review (bình xét, issue 12).
export type ReviewList = ApiResponse<'/api/v1/reviews', 'get'>;
export type Review = ApiResponse<'/api/v1/reviews/{id}', 'get'>;
export type CreateReviewRequest = ApiBody<'/api/v1/reviews', 'post'>;
export type ReviewCouncilRequest = ApiBody<'/api/v1/reviews/{id}/council', 'post'>;
// Nomination dossiers (src/modules/dossiers/schema.ts).
export type DossierList = ApiResponse<'/api/v1/dossiers', 'get'>;
export type DossierSummary = DossierList['items'][number];
export type Dossier = ApiResponse<'/api/v1/dossiers/{id}', 'get'>;
export type DossierNominee = Dossier['nominees'][number];
export type CreateDossierRequest = ApiBody<'/api/v1/dossiers', 'post'>;
export type DossierTransitionRequest = ApiBody<'/api/v1/dossiers/{id}/transitions', 'post'>;

// Yearly ratings and registration (src/modules/evaluations/schema.ts, registration-routes.ts).
export type EvaluationPage = ApiResponse<'/api/v1/evaluations', 'get'>;
export type EvaluationRow = EvaluationPage['items'][number];
export type CapGroup = EvaluationPage['caps'][number];
export type RatingSchemes = ApiResponse<'/api/v1/evaluations/schemes', 'get'>;
export type RatingScheme = RatingSchemes['items'][number];
export type StageRequest = ApiBody<'/api/v1/evaluations/{id}/self', 'put'>;
export type DecideRequest = ApiBody<'/api/v1/evaluations/decisions', 'post'>;
export type RegistrationPage = ApiResponse<'/api/v1/registrations', 'get'>;
export type Registration = NonNullable<RegistrationPage['registration']>;
export type SaveRegistrationRequest = ApiBody<'/api/v1/registrations', 'put'>;
export type DossierReceivers = ApiResponse<'/api/v1/dossiers/receivers', 'get'>;
// Signed copies of decisions and trusted roots (src/modules/signatures/schema.ts, issue 13).
export type SignedCopies = ApiResponse<'/api/v1/decisions/{id}/signed-copies', 'get'>;
export type SignedCopy = SignedCopies['items'][number];
export type TrustRoots = ApiResponse<'/api/v1/signature-roots', 'get'>;
export type AddTrustRootRequest = ApiBody<'/api/v1/signature-roots', 'post'>;
// Certificates, printer calibrations and the public verification (src/modules/certificates/schema.ts, issue 13).
export type CertificateList = ApiResponse<'/api/v1/decisions/{id}/certificates', 'get'>;
export type Certificate = CertificateList['items'][number];
export type CertificateBlanks = ApiResponse<'/api/v1/certificates/blanks', 'get'>;
export type CertificateBlank = CertificateBlanks['items'][number];
export type PrinterCalibrations = ApiResponse<'/api/v1/certificates/calibrations', 'get'>;
export type PrinterCalibration = PrinterCalibrations['items'][number];
export type CreateCalibrationRequest = ApiBody<'/api/v1/certificates/calibrations', 'post'>;
export type CertificateVerification = ApiResponse<'/api/v1/public/verify/{code}', 'get'>;
// Documents in the Decree 30/2020 format and the authority wording (src/modules/documents/schema.ts, issue 13).
export type DocumentState = ApiResponse<'/api/v1/decisions/{id}/document', 'get'>;
export type SaveDocumentRequest = ApiBody<'/api/v1/decisions/{id}/document', 'put'>;
// Movements (src/modules/movements/schema.ts).
export type MovementList = ApiResponse<'/api/v1/movements', 'get'>;
export type Movement = ApiResponse<'/api/v1/movements/{id}', 'get'>;
export type MovementDashboard = ApiResponse<'/api/v1/movements/{id}/dashboard', 'get'>;
export type DocumentWordings = ApiResponse<'/api/v1/document-wordings', 'get'>;
export type DocumentWording = DocumentWordings['items'][number];
export type UpdateWordingRequest = ApiBody<'/api/v1/document-wordings/{id}', 'put'>;
