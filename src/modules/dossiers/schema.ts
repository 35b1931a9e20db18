/** Request and response schemas of the dossier routes (the OpenAPI and the web's types come from here). */
import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { ZEligibilityResult } from '../eligibility/schema.ts';
import { AWARD_TYPES, DOSSIER_STATES, GUARDS, PART_KINDS } from './workflow.ts';

const zId = z.coerce.number().int().positive();
const zText = (max: number) => z.string().trim().min(1).max(max);
const zKey = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/);
const zVersion = z.number().int().min(1);

export const ZIdParams = z.object({ id: zId });
export const ZNomineeParams = z.object({ id: zId, nomineeId: zId });
export const ZPartParams = z.object({ id: zId, partId: zId });
export const ZConcurrenceParams = z.object({ id: zId, concurrenceId: zId });

export const ZListQuery = z.strictObject({
  state: z.enum(DOSSIER_STATES).optional(),
  box: z.enum(['sent', 'waiting']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const ZSubject = z.strictObject({ personId: zId.optional(), unitId: zId.optional() });

export const ZCreateRequest = z.strictObject({
  title: zText(300),
  awardType: z.enum(AWARD_TYPES),
  awardCode: zText(80),
  year: z.number().int().min(1945).max(2100).nullish(),
  senderUnitId: zId,
  receiverUnitId: zId,
  actDate: ZCalendarDate.nullish(),
  note: z.string().trim().max(2000).nullish(),
  /** The same key again (a double click) answers the dossier the first request made. */
  idempotencyKey: zKey.nullish(),
  nominees: z.array(ZSubject).max(500).optional(),
});

export const ZNomineeRequest = ZSubject.extend({ version: zVersion });
export const ZVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
export const ZOverrideRequest = z.strictObject({ version: zVersion, reason: z.string().trim().max(2000).nullable() });
export const ZPartQuery = z.strictObject({ version: z.coerce.number().int().min(1), kind: z.enum(PART_KINDS), nomineeId: zId.optional() });

export const ZTransitionRequest = z.strictObject({
  action: z.string().regex(/^[a-z_]+$/).max(40),
  version: zVersion,
  reason: z.string().trim().max(4000).nullish(),
  /** A return: which nominee, which part, which criterion is missing, and a note for the sender. */
  returnReasons: z.array(z.strictObject({ nomineeId: zId.nullish(), partKind: z.enum(PART_KINDS).nullish(), criterion: z.string().trim().max(120).nullish(), note: zText(2000) })).max(100).optional(),
  /** A decision made already (number + date), one in the register (decisionId), or none: the register gets a draft. */
  decision: z.strictObject({ number: zText(60).nullish(), date: ZCalendarDate.nullish(), decisionId: zId.nullish(), kind: z.string().trim().min(2).max(40).nullish() }).nullish(),
  /** A forward: the next level's unit. */
  forwardTo: zId.nullish(),
  idempotencyKey: zKey.nullish(),
});

export const ZCommentRequest = z.strictObject({ version: zVersion, nomineeId: zId.nullish(), commenter: zText(200), content: zText(4000), receivedOn: ZCalendarDate.nullish() });
export const ZConcurrenceRequest = z.strictObject({ version: zVersion, agency: zText(300), agencyUnitId: zId.nullish() });
export const ZConcurrenceAnswer = z.strictObject({ version: zVersion, answer: z.enum(['agree', 'disagree']), note: z.string().trim().max(2000).nullish() });

export const ZSummary = z.object({
  id: z.number(), title: z.string(), awardType: z.enum(AWARD_TYPES), awardCode: z.string(), awardName: z.string(), year: z.number().nullable(),
  state: z.enum(DOSSIER_STATES), stateSince: z.string(), dueOn: z.string().nullable(), overdue: z.boolean(),
  senderUnitId: z.number(), senderUnitName: z.string(), receiverUnitId: z.number(), receiverUnitName: z.string(),
  holderUnitId: z.number(), holderUnitName: z.string(), hop: z.number(), sourceDossierId: z.number().nullable(), version: z.number(),
});
export const ZList = z.object({ total: z.number(), items: z.array(ZSummary) });

const ZPart = z.object({ id: z.number(), kind: z.enum(PART_KINDS), nomineeId: z.number().nullable(), fileName: z.string(), sizeBytes: z.number(), sha256: z.string(), createdAt: z.string() });
const ZConcurrence = z.object({
  id: z.number(), agency: z.string(), agencyUnitId: z.number().nullable(), requestedOn: z.string(), dueOn: z.string(),
  answer: z.enum(['agree', 'disagree']).nullable(), answerNote: z.string().nullable(), answeredOn: z.string().nullable(), version: z.number(),
});

export const ZDetail = ZSummary.extend({
  workflow: z.string(), actDate: z.string().nullable(), daysFromAct: z.number().nullable(), note: z.string().nullable(),
  consultation: z.object({ days: z.number(), basis: z.string(), until: z.string().nullable() }).nullable(),
  /** The decision answering it: issued (number and date) or still a draft in the register (number null, decisionId set). */
  decision: z.object({ number: z.string().nullable(), date: z.string().nullable(), decisionId: z.number().nullable() }).nullable(),
  forwardedDossierIds: z.array(z.number()),
  requiredParts: z.array(z.object({ kind: z.enum(PART_KINDS), perNominee: z.boolean(), basis: z.string() })),
  nominees: z.array(z.object({
    id: z.number(), subjectKind: z.enum(['individual', 'collective']), personId: z.number().nullable(), unitId: z.number().nullable(), name: z.string(),
    eligible: z.enum(['true', 'false', 'needs_review']), checkedOn: z.string(), overrideReason: z.string().nullable(),
    /** The engine's check as kept (at submission; while a draft, when added). */
    check: ZEligibilityResult,
    /** Today's check against the kept one; shown, never applied. Null when closed or not computable. */
    difference: z.object({ changed: z.boolean(), eligibleThen: z.string(), eligibleNow: z.string(), criteria: z.array(z.object({ id: z.string(), then: z.string().nullable(), now: z.string().nullable() })) }).nullable(),
  })),
  parts: z.array(ZPart),
  events: z.array(z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), from: z.string().nullable(), to: z.string(), reason: z.record(z.string(), z.unknown()).nullable() })),
  returnReasons: z.array(z.object({ id: z.number(), eventId: z.number(), nomineeId: z.number().nullable(), partKind: z.string().nullable(), criterion: z.string().nullable(), note: z.string(), resolvedEventId: z.number().nullable() })),
  comments: z.array(z.object({ id: z.number(), nomineeId: z.number().nullable(), commenter: z.string(), content: z.string(), receivedOn: z.string(), enteredAt: z.string() })),
  concurrences: z.array(ZConcurrence),
  /** Steps this user may take now (role and level met), with the guards not yet met. */
  actions: z.array(z.object({ action: z.string(), to: z.enum(DOSSIER_STATES), unmetGuards: z.array(z.enum(GUARDS)), needs: z.array(z.enum(GUARDS)) })),
});

export const ZCreated = z.object({ id: z.number(), created: z.boolean() });
export const ZVersioned = z.object({ version: z.number() });
export const ZNomineeAdded = z.object({ nomineeId: z.number(), version: z.number() });
export const ZPartAdded = z.object({ part: ZPart, version: z.number() });
export const ZCommentAdded = z.object({ commentId: z.number(), version: z.number() });
export const ZConcurrenceAnswerView = z.object({ concurrence: ZConcurrence, version: z.number() });
export const ZTransitionResult = z.object({ dossierId: z.number(), state: z.enum(DOSSIER_STATES), version: z.number(), forwardedTo: z.number().nullable(), repeated: z.boolean() });

/** The levels a sender may address a dossier to: itself and the units above it, nearest first. */
export const ZReceiversQuery = z.strictObject({ senderUnitId: zId });
export const ZReceivers = z.object({ units: z.array(z.object({ id: z.number(), name: z.string() })) });
