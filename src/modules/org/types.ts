// Unit kinds are declared once, with the web app (shared/enums.ts).
import type { UnitKind } from '../../shared/enums.ts';
export { UNIT_KINDS, type UnitKind } from '../../shared/enums.ts';

/** A unit as it stood on one date. */
export interface UnitAsOf {
  id: number;
  code: string;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  parentId: number | null;
  establishedOn: string;
  dissolvedOn: string | null;
  version: number;
}

export interface UnitVersion {
  name: string;
  shortName: string | null;
  parentId: number | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  eventKind: string | null;
}

export interface LineageLink {
  unitId: number;
  code: string;
  name: string;
  eventKind: 'merge' | 'split';
  effectiveOn: string;
}

/** Hook run inside the reorganisation's transaction, so people and records follow successors. */
export type ReorgHandler = (
  q: import('../../server/db.ts').Queryable,
  change: { kind: 'merge' | 'split'; fromUnitIds: number[]; toUnitId: number; effectiveOn: string; eventId: number },
) => Promise<import('../audit/audit.ts').AuditEntry[]>;
