import type { Queryable } from '../../server/db.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { type NewPersonRow, type PersonChangeRow, applyPeopleBatch } from '../people/commands-batch.ts';
import type { EmploymentInput } from '../people/transfer.ts';
import type { PeoplePlan } from './people-plan.ts';
import type { StagedPerson } from './people-rows.ts';

/** What applying a people plan wrote. */
export interface PeopleWriteResult {
  created: number;
  updated: number;
  audit: AuditEntry[];
}

const employmentOf = (s: StagedPerson, unitId: number): EmploymentInput => ({ unitId, position: s.position, category: s.category, isLeader: s.isLeader, fromDate: s.fromDate });

/**
 * Writes a people plan through the people module's batch commands (the same transfer rule and audit snapshots as
 * the people pages, set-based: one statement per kind of write, whatever the row count). Unchanged rows are not
 * in the plan. Runs inside the caller's transaction; the caller writes the returned audit entries there too.
 */
export async function writePeople(q: Queryable, plan: PeoplePlan, importId: number): Promise<PeopleWriteResult> {
  const creates: NewPersonRow[] = plan.creates.map((c) => ({
    nationalId: c.staged.nationalId, fullName: c.staged.fullName, gender: c.staged.gender, birthDate: c.staged.birthDate, employment: employmentOf(c.staged, c.unitId),
  }));
  const updates: PersonChangeRow[] = plan.updates.map((u) => ({
    before: u.before, fullName: u.staged.fullName, gender: u.staged.gender, birthDate: u.staged.birthDate,
    employment: u.employmentChanged ? employmentOf(u.staged, u.unitId) : null,
  }));
  const audit = await applyPeopleBatch(q, { creates, updates, tag: { importId } });
  return { created: plan.creates.length, updated: plan.updates.length, audit };
}
