import type { Queryable } from '../../server/db.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import type { Permission } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import { type ColumnSpec, PEOPLE_COLUMNS, type PersonColumn, UNIT_COLUMNS, type UnitColumn } from './columns.ts';
import type { ImportKind } from './jobs.ts';
import { writeUnits } from './org-apply.ts';
import { type OrgPlan, planUnits, unitsPreview } from './org-plan.ts';
import { type StagedUnit, stageUnitRow } from './org-rows.ts';
import { writePeople } from './people-apply.ts';
import { type PeoplePlan, peoplePreview, planPeople } from './people-plan.ts';
import type { IssueList } from './issues.ts';
import { type StagedPerson, stagePersonRow } from './people-rows.ts';
import type { ChangeCounts, PreviewItem } from './preview.ts';
import { type RatingsPlan, planRatings, ratingsPreview, writeRatings } from './ratings-plan.ts';
import { RATING_COLUMNS, type RatingColumn, type StagedRating, stageRatingRow } from './ratings-rows.ts';
import type { SheetRow } from './read-xlsx.ts';

/** Everything that differs between importing people and importing org units. */
export interface KindHandler<K extends string, S extends { row: number }, P extends { issues: FieldIssue[] }> {
  kind: ImportKind;
  permission: Permission;
  columns: ColumnSpec<K>[];
  stage(r: SheetRow<K>, seen: Map<string, number>, issues: IssueList): S | null;
  plan(q: Queryable, scope: Scope, rows: S[]): Promise<P>;
  counts(plan: P): ChangeCounts;
  preview(plan: P, limit: number): PreviewItem[];
  write(q: Queryable, actor: Actor, plan: P, jobId: number): Promise<{ created: number; updated: number; audit: AuditEntry[] }>;
  /** Rows a file of this kind may have (run-import.ts MAX_ROWS when absent). */
  maxRows?: number;
}

export const PEOPLE: KindHandler<PersonColumn, StagedPerson, PeoplePlan> = {
  kind: 'people',
  permission: 'import.run',
  columns: PEOPLE_COLUMNS,
  stage: stagePersonRow,
  plan: planPeople,
  counts: (p) => ({ create: p.creates.length, update: p.updates.length, unchanged: p.unchanged }),
  preview: peoplePreview,
  write: (q, _actor, plan, jobId) => writePeople(q, plan, jobId),
};

export const ORG_UNITS: KindHandler<UnitColumn, StagedUnit, OrgPlan> = {
  kind: 'org_units',
  permission: 'org.write',
  columns: UNIT_COLUMNS,
  stage: stageUnitRow,
  plan: (q, scope, rows) => planUnits(q, scope, rows),
  counts: (p) => ({ create: p.creates.length, update: p.updates.length, unchanged: p.unchanged }),
  preview: unitsPreview,
  write: writeUnits,
};

/** Yearly ratings of people (decided elsewhere), written through the evaluations module's batch command. */
export const RATINGS: KindHandler<RatingColumn, StagedRating, RatingsPlan> = {
  kind: 'ratings',
  permission: 'evaluation.decide',
  columns: RATING_COLUMNS,
  stage: stageRatingRow,
  plan: planRatings,
  counts: (p) => ({ create: p.creates.length, update: p.updates.length, unchanged: p.unchanged }),
  preview: ratingsPreview,
  write: writeRatings,
  // A city's year: a few hundred thousand people.
  maxRows: 400_000,
};

/** The permission an import kind needs: people imports `import.run`, the org tree `org.write`, ratings `evaluation.decide`. */
export const permissionFor = (kind: ImportKind): Permission => (kind === 'people' ? PEOPLE.permission : kind === 'ratings' ? RATINGS.permission : ORG_UNITS.permission);

/** Staged rows as columns (one array per field): a much smaller json than one object per row. */
export function toColumns<S extends object>(rows: S[]): Record<string, unknown[]> {
  const cols: Record<string, unknown[]> = {};
  if (rows.length === 0) return cols;
  for (const key of Object.keys(rows[0])) cols[key] = rows.map((r) => (r as Record<string, unknown>)[key]);
  return cols;
}

export function fromColumns<S>(cols: Record<string, unknown[]>): S[] {
  const keys = Object.keys(cols);
  const n = keys.length ? cols[keys[0]].length : 0;
  const rows: S[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const k of keys) row[k] = cols[k][i];
    rows[i] = row as S;
  }
  return rows;
}
