// The text a user may edit before a document is issued, per kind: paragraphs and lines as plain strings. Names,
// numbers, dates, lists and vote counts are not here: they always come from the data, so an edit cannot make the
// paper disagree with the register.
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import type { DocumentKind } from './model.ts';

const line = z.string().max(2000);
const lines = z.array(line).max(200);
const short = z.string().max(300);

export const CONTENT_SCHEMAS = {
  decision: z.strictObject({ summary: short, bases: lines, proposer: line, articles: lines, recipients: lines, archive: short }),
  submission_letter: z.strictObject({ number: short, summary: short, recipientTo: short, paragraphs: lines, recipients: lines, archive: short, signerTitle: short, signerName: short }),
  dossier_cover: z.strictObject({ summary: short, note: lines }),
  achievement_report: z.strictObject({ summary: short, profile: lines, duties: lines, achievements: lines, reporterName: short }),
  council_minutes: z.strictObject({ number: short, summary: short, opening: lines, conclusion: lines, chairName: short, secretaryName: short }),
} as const satisfies Record<DocumentKind, z.ZodType>;

export type ContentOf<K extends DocumentKind> = z.infer<(typeof CONTENT_SCHEMAS)[K]>;
export type AnyContent = Record<string, string | string[]>;

/**
 * An edit checked against its kind: only the kind's keys, strings or lists of lines, within length.
 * @throws AppError DOCUMENT_CONTENT_INVALID naming the first field refused
 */
export function checkContent(kind: DocumentKind, content: unknown): AnyContent {
  const r = CONTENT_SCHEMAS[kind].partial().safeParse(content);
  if (r.success) return r.data as AnyContent;
  const issue = r.error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : ((issue as { keys?: string[] }).keys?.[0] ?? 'content');
  throw new AppError('DOCUMENT_CONTENT_INVALID', { field, reason: issue.message });
}

/** The defaults made from the data, with what the user edited laid over them. */
export const mergeContent = <T extends AnyContent>(defaults: T, edited: AnyContent): T => ({ ...defaults, ...edited }) as T;
