import type { Queryable } from '../../server/db.ts';
import type { Rating } from '../../shared/enums.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import { recordPersonRatings } from '../people/year-ratings.ts';
import { type SubjectKind, bandOf, schemeFor } from './schemes.ts';

// The evaluations module's published batch command for ratings decided elsewhere (an .xlsx from the personnel
// office, imports' `ratings` kind): each row becomes the person's rating for the year through the people module's
// command (a correction row where one exists), set-based, audited once per unit and year (each person's before and
// after). Imported ratings are recorded decisions: no evaluation row is written for them (the ratings page reads
// the evaluations the app runs) and the cap is not checked again.

export interface ImportedRating {
  personId: number;
  /** The person's current unit: where the evaluation belongs and the peer group is counted. */
  unitId: number;
  isLeader: boolean;
  category: string | null;
  year: number;
  rating: Rating;
  score: number | null;
}

/** The scheme of a person's year and, when a score is given, the band it falls in (null when no scheme or no score). */
export function importedRatingCheck(r: { category: string | null; year: number; score: number | null }): { schemeId: string | null; band: Rating | null } {
  const scheme = schemeFor(r.year, { kind: 'individual' as SubjectKind, category: r.category });
  return { schemeId: scheme?.id ?? null, band: scheme && r.score !== null && scheme.sheet.length > 0 ? bandOf(scheme, r.score) : null };
}

/**
 * Writes imported ratings inside the caller's transaction. The audit entries (one per unit and year, tagged) are
 * returned for the caller to write with its own in one call.
 */
export async function recordImportedRatings(q: Queryable, actor: Actor, rows: ImportedRating[], tag: Record<string, unknown>): Promise<{ written: number; corrections: number; audit: AuditEntry[] }> {
  return recordPersonRatings(q, actor, rows.map((r) => ({ personId: r.personId, year: r.year, rating: r.rating, unitId: r.unitId })), { source: 'import', tag, deferAudit: true, auditPer: 'unit' });
}
