/**
 * Many sent dossiers at once, set-based: the load a receiving level holds at the year-end peak, for benchmarks and
 * load tests (bench/workflow.ts: the inbox of a Board specialist with 10,000 open dossiers). Not an API use case:
 * the dossiers carry no nominees or parts, so they stand for the queue, not for a path through the guards. Each one
 * gets the events and the audit entry the single path would write (create, then submit).
 */
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { addWorkingDays } from './deadlines.ts';
import { type AwardType, type DossierState, workflowOn } from './workflow.ts';

export interface BulkSentInput {
  count: number;
  /** Senders, taken in turn. */
  senderUnitIds: number[];
  receiverUnitId: number;
  /** A state the receiver holds (submitted, received, appraisal, council…); taken in turn when several. */
  states: DossierState[];
  awardType: AwardType;
  awardCode: string;
  year: number | null;
  /** The sender's officer who created and sent them (dossier.created_by). */
  createdBy: number;
}

/** Inserts `count` dossiers held at the receiver in the given states, with their events and audit entries; returns their ids. */
export async function insertSentDossiers(q: Queryable, actor: Actor, input: BulkSentInput): Promise<number[]> {
  const today = cityToday();
  const wf = workflowOn(today);
  const due = new Map<string, string | null>();
  for (const s of input.states) {
    const days = wf.states[s].due_days;
    due.set(s, days ? await addWorkingDays(q, today, days) : null);
  }
  const rows = await q.query<{ id: number; state: string; sender: number }>(
    `insert into dossier (title, award_type, award_code, year, workflow, sender_unit_id, receiver_unit_id, holder_unit_id, state, due_on, created_by, version)
     select 'Hồ sơ đề nghị khen thưởng số ' || g, $1, $2, $3, $4, ($5::bigint[])[1 + (g - 1) % cardinality($5::bigint[])], $6, $6,
            ($7::text[])[1 + (g - 1) % cardinality($7::text[])], ($8::date[])[1 + (g - 1) % cardinality($8::date[])], $9, 2
       from generate_series(1, $10::int) g
     returning id, state, sender_unit_id as sender`,
    [input.awardType, input.awardCode, input.year, wf.id, input.senderUnitIds, input.receiverUnitId, input.states, input.states.map((s) => due.get(s)), input.createdBy, input.count],
  );
  const ids = rows.map((r) => r.id);
  // create → draft (version 1), then submit → the state held now (version 2), as the single path records them.
  await q.query(
    `insert into dossier_event (dossier_id, actor_id, actor_name, action, from_state, to_state, version)
     select id, $2, $3, e.action, e.from_state, case when e.action = 'create' then 'draft' else d.state end, e.version
       from dossier d cross join (values ('create', null, 1), ('submit', 'draft', 2)) as e(action, from_state, version)
      where d.id = any($1::bigint[])
      order by d.id, e.version`,
    [ids, actor.id, actor.name],
  );
  await audit(q, actor, rows.map((r) => ({ action: 'dossier.create', entity: 'dossier', entityId: r.id, orgUnitId: r.sender, before: null, after: { state: r.state, receiverUnitId: input.receiverUnitId, bulk: true, version: 2 } })));
  return ids;
}
