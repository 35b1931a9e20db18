import type { Queryable } from '../../server/db.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { type ImportedRating, importedRatingCheck, recordImportedRatings } from '../evaluations/ratings-batch.ts';
import { peopleForRatings } from '../people/year-ratings.ts';
import type { PreviewItem } from './preview.ts';
import { RATING_LABELS, type RatingColumn, type StagedRating, ratingHeader } from './ratings-rows.ts';

/** Names compared as people write them: case and spacing aside, but not accents ("Mốt" is not "Một"). */
const sameName = (name: string) => nfc(name).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export interface RatingsPlan {
  /** A first rating for the person's year. */
  creates: { staged: StagedRating; rating: ImportedRating }[];
  /** A correction of the person's current rating for the year. */
  updates: { staged: StagedRating; rating: ImportedRating; before: string }[];
  unchanged: number;
  issues: FieldIssue[];
}

/**
 * Checks staged ratings against the database (the person exists under that name, works in the actor's scope;
 * a score falls in the band of the rating under the scheme in force) and sorts them into new ratings, corrections
 * and unchanged ones. Run before the preview and again, inside the transaction, on apply.
 */
export async function planRatings(q: Queryable, scope: Scope, rows: StagedRating[]): Promise<RatingsPlan> {
  const plan: RatingsPlan = { creates: [], updates: [], unchanged: 0, issues: [] };
  const bad = (r: StagedRating, field: RatingColumn, rule: string, params?: Record<string, unknown>) =>
    plan.issues.push({ field, row: r.row, column: ratingHeader(field), rule, ...(params ? { params } : {}) });
  const people = await peopleForRatings(q, rows.map((r) => r.nationalId), rows.map((r) => r.year));
  for (const r of rows) {
    const p = people.get(r.nationalId);
    if (!p) { bad(r, 'nationalId', 'person_unknown'); continue; }
    if (sameName(p.fullName) !== sameName(r.fullName)) { bad(r, 'fullName', 'name_mismatch', { stored: p.fullName }); continue; }
    if (p.currentUnitId === null) { bad(r, 'nationalId', 'person_without_unit'); continue; }
    if (!inScope(scope, p.currentUnitId)) { bad(r, 'nationalId', 'person_out_of_scope'); continue; }
    const { band } = importedRatingCheck({ category: p.category, year: r.year, score: r.score });
    if (band && band !== r.rating && r.rating !== 'not_completed') { bad(r, 'rating', 'rating_not_band', { score: r.score, band: RATING_LABELS[band] }); continue; }
    // The rating people read for the year (a correction of it, when the person already has one).
    const same = p.rating === r.rating;
    if (same) { plan.unchanged++; continue; }
    const rating: ImportedRating = { personId: p.id, unitId: p.currentUnitId, isLeader: p.isLeader, category: p.category, year: r.year, rating: r.rating, score: r.score };
    if (p.rating === null) plan.creates.push({ staged: r, rating });
    else plan.updates.push({ staged: r, rating, before: p.rating });
  }
  return plan;
}

/** The first `limit` changes of a plan, for the preview. */
export function ratingsPreview(plan: RatingsPlan, limit: number): PreviewItem[] {
  const after = (s: StagedRating) => ({ year: s.year, rating: s.rating, score: s.score });
  const items: PreviewItem[] = plan.creates.slice(0, limit).map((c) => ({ row: c.staged.row, action: 'create', key: c.staged.nationalId, label: c.staged.fullName, fields: [], before: null, after: after(c.staged) }));
  for (const u of plan.updates.slice(0, Math.max(0, limit - items.length))) {
    items.push({ row: u.staged.row, action: 'update', key: u.staged.nationalId, label: u.staged.fullName, fields: ['rating'], before: { year: u.staged.year, rating: u.before }, after: after(u.staged) });
  }
  return items.sort((a, b) => a.row - b.row);
}

/** Writes a ratings plan through the evaluations module's batch command, in the caller's transaction. */
export async function writeRatings(q: Queryable, actor: Actor, plan: RatingsPlan, importId: number): Promise<{ created: number; updated: number; audit: AuditEntry[] }> {
  const rows = [...plan.creates, ...plan.updates].map((x) => x.rating);
  const written = await recordImportedRatings(q, actor, rows, { importId });
  return { created: plan.creates.length, updated: plan.updates.length, audit: written.audit };
}
