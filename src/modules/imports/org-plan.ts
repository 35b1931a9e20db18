import type { Queryable } from '../../server/db.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { type LatestUnit, latestUnitsByCode, parentCodesByCode } from '../org/by-code.ts';
import { cityToday } from '../../shared/clock.ts';
import { viDate } from './cells.ts';
import { UNIT_COLUMNS, type UnitColumn } from './columns.ts';
import type { StagedUnit } from './org-rows.ts';
import type { PreviewItem } from './preview.ts';

/** A stored unit with its latest version, for comparing with a row. */
export type ExistingUnit = LatestUnit;

export interface UnitUpdate {
  staged: StagedUnit;
  before: ExistingUnit;
  /** Name, short name or parent differ: a new version from the effective date keeps the old one as history. */
  versionChanged: boolean;
  kindChanged: boolean;
}

export interface OrgPlan {
  /** New units, parents before children. */
  creates: StagedUnit[];
  updates: UnitUpdate[];
  unchanged: number;
  issues: FieldIssue[];
  /** Date from which renames and moves take effect (the import date). */
  effectiveOn: string;
  existing: Map<string, ExistingUnit>;
}

const HEADERS = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, c.header])) as Record<UnitColumn, string>;

/**
 * Checks staged units against the database (parents exist, are active and in scope; changed units are
 * in scope; no cycles) and works out creates and updates. Renames and moves take effect `effectiveOn`.
 */
export async function planUnits(q: Queryable, scope: Scope, rows: StagedUnit[], effectiveOn = cityToday()): Promise<OrgPlan> {
  const fileCodes = new Map(rows.map((r) => [r.code, r]));
  const existing = await latestUnitsByCode(q, [...new Set([...rows.map((r) => r.code), ...rows.flatMap((r) => (r.parentCode ? [r.parentCode] : []))])]);
  const plan: OrgPlan = { creates: [], updates: [], unchanged: 0, issues: [], effectiveOn, existing };
  const bad = (r: StagedUnit, field: UnitColumn, rule: string, params?: Record<string, unknown>) =>
    plan.issues.push({ field, row: r.row, column: HEADERS[field], rule, ...(params ? { params } : {}) });
  const parents = await parentCodesByCode(q);
  for (const r of rows) parents.set(r.code, r.parentCode);

  const news: StagedUnit[] = [];
  for (const r of rows) {
    const before = existing.get(r.code);
    const issuesBefore = plan.issues.length;
    const onDate = before ? effectiveOn : r.establishedOn;
    if (r.parentCode) {
      const inFile = fileCodes.get(r.parentCode);
      const stored = existing.get(r.parentCode);
      if (!inFile && !stored) bad(r, 'parentCode', 'unit_unknown', { code: r.parentCode });
      else if (stored && !inScope(scope, stored.id)) bad(r, 'parentCode', 'unit_out_of_scope', { code: r.parentCode });
      else if (stored?.dissolved_on && stored.dissolved_on <= onDate) bad(r, 'parentCode', 'unit_dissolved', { code: r.parentCode, date: viDate(stored.dissolved_on) });
      else {
        const parentFrom = stored?.established_on ?? inFile?.establishedOn ?? onDate;
        if (parentFrom > onDate) bad(r, 'parentCode', 'parent_not_active', { code: r.parentCode, date: viDate(onDate) });
      }
      // Walk up the tree the file would leave behind; meeting this unit again means a cycle.
      const seen = new Set<string>([r.code]);
      for (let p: string | null | undefined = r.parentCode; p; p = parents.get(p)) {
        if (seen.has(p)) { bad(r, 'parentCode', 'parent_cycle'); break; }
        seen.add(p);
      }
    } else if (!scope.all && (!before || before.parent_id !== null)) bad(r, 'parentCode', 'root_forbidden');

    if (!before) {
      if (r.kind === 'district') bad(r, 'kind', 'kind_historical');
      if (plan.issues.length === issuesBefore) news.push(r);
      continue;
    }
    if (!inScope(scope, before.id)) { bad(r, 'code', 'unit_out_of_scope', { code: r.code }); continue; }
    if (before.dissolved_on) { bad(r, 'code', 'unit_dissolved', { code: r.code, date: viDate(before.dissolved_on) }); continue; }
    if (r.establishedOn !== before.established_on) bad(r, 'establishedOn', 'immutable_field', { current: viDate(before.established_on) });
    const kindChanged = r.kind !== before.kind;
    if (kindChanged && r.kind === 'district') bad(r, 'kind', 'kind_historical');
    const versionChanged = r.name !== before.name || r.shortName !== before.short_name || r.parentCode !== before.parent_code;
    if (versionChanged && before.latest_from >= effectiveOn) bad(r, 'code', 'change_too_soon', { date: viDate(before.latest_from) });
    if (plan.issues.length > issuesBefore) continue;
    if (!versionChanged && !kindChanged) plan.unchanged++;
    else plan.updates.push({ staged: r, before, versionChanged, kindChanged });
  }
  // Parents first: a new unit waits until a new parent from the same file is placed.
  const placed = new Set<string>();
  let pending = news;
  while (pending.length > 0) {
    const waiting = new Set(pending.map((r) => r.code));
    const next = pending.filter((r) => r.parentCode && !placed.has(r.parentCode) && waiting.has(r.parentCode));
    const ready = pending.filter((r) => !next.includes(r));
    if (ready.length === 0) break; // only possible with a cycle, already reported
    for (const r of ready) { plan.creates.push(r); placed.add(r.code); }
    pending = next;
  }
  return plan;
}

const afterOf = (s: StagedUnit) => ({ code: s.code, name: s.name, shortName: s.shortName, kind: s.kind, parentCode: s.parentCode, establishedOn: s.establishedOn });

/** The first `limit` changes of a plan, with before/after values, for the preview. */
export function unitsPreview(plan: OrgPlan, limit: number): PreviewItem[] {
  const items: PreviewItem[] = plan.creates.slice(0, limit).map((s) => ({ row: s.row, action: 'create', key: s.code, label: s.name, fields: [], before: null, after: afterOf(s) }));
  for (const u of plan.updates.slice(0, Math.max(0, limit - items.length))) {
    const b = u.before;
    const before = { code: b.code, name: b.name, shortName: b.short_name, kind: b.kind, parentCode: b.parent_code, establishedOn: b.established_on };
    const after = afterOf(u.staged);
    const fields = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    items.push({ row: u.staged.row, action: 'update', key: b.code, label: u.staged.name, fields, before, after });
  }
  return items.sort((a, b) => a.row - b.row);
}
