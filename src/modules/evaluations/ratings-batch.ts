import type { Queryable } from '../../server/db.ts';
import type { Rating } from '../../shared/enums.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import { recordPersonRatings } from '../people/year-ratings.ts';
import { type SubjectKind, bandOf, schemeFor } from './schemes.ts';

// The evaluations module's published batch command for ratings decided elsewhere (an .xlsx from the personnel
// office, imports' `ratings` kind): each row becomes the person's rating for the year through the people module's
// command (a correction row where one exists), set-based, audited once per unit and year (each person's before and
// after). Imported ratings are decisions taken elsewhere: each also becomes a decided evaluation of source
// `import` (its score kept, shown on the ratings page beside those run in the app; a year without a scheme — before
// the first scheme's date — has no evaluation row). The cap is not checked again: the unit head decided them.

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
export async function recordImportedRatings(q: Queryable, actor: Actor, rows: ImportedRating[], tag: Record<string, unknown>): Promise<{ written: number; corrections: number; evaluations: number; audit: AuditEntry[] }> {
  const written = await recordPersonRatings(q, actor, rows.map((r) => ({ personId: r.personId, year: r.year, rating: r.rating, unitId: r.unitId })), { source: 'import', tag, deferAudit: true, auditPer: 'unit' });
  const evaluations = await upsertImportedEvaluations(q, actor, rows);
  return { ...written, evaluations };
}

/**
 * One statement: each imported rating as a decided evaluation (a new row, or the person's evaluation of that year
 * decided now with the imported rating and score, its version raised so an open form sees the change).
 */
async function upsertImportedEvaluations(q: Queryable, actor: Actor, rows: ImportedRating[]): Promise<number> {
  const items = rows.flatMap((r) => {
    const { schemeId } = importedRatingCheck(r);
    return schemeId ? [{ p: r.personId, u: r.unitId, g: r.isLeader ? 'leaders' : 'staff', y: r.year, r: r.rating, s: r.score, k: schemeId }] : [];
  });
  if (items.length === 0) return 0;
  const done = await q.query(
    `insert into evaluation (year, subject_kind, person_id, unit_id, group_unit_id, peer_group, scheme_id, status, decided_rating, decided_score, decided_by, decided_at, source)
     select x.y, 'individual', x.p, x.u, x.u, x.g, x.k, 'decided', x.r, x.s, $2, now(), 'import'
       from json_to_recordset($1::json) as x(p bigint, u bigint, g text, y int, r text, s numeric, k text)
     on conflict (person_id, year) where person_id is not null do update
        set status = 'decided', decided_rating = excluded.decided_rating, decided_score = excluded.decided_score, decided_by = excluded.decided_by,
            decided_at = excluded.decided_at, source = 'import', version = evaluation.version + 1, updated_at = now()
     returning id`,
    [JSON.stringify(items), actor.id],
  );
  return done.length;
}
