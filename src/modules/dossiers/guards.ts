/**
 * The guards a transition names in workflow.yaml, each a small test of the dossier and the request. A failed guard
 * is refused with its name and what is missing (422 DOSSIER_GUARD_FAILED), and nothing is written.
 */
import { AppError } from '../../shared/errors.ts';
import type { DossierRow } from './repo.ts';
import type { ConcurrenceRow, NomineeRow, PartRow } from './repo-children.ts';
import { type Guard, type Transition, type Workflow, consultationRule, requiredParts } from './workflow.ts';

export interface TransitionInput {
  action: string;
  version: number;
  reason?: string | null;
  returnReasons?: { nomineeId?: number | null; partKind?: string | null; criterion?: string | null; note: string }[];
  /** A decision made already (number and date), one of the register (decisionId), or none: a draft is made. */
  decision?: { number?: string | null; date?: string | null; decisionId?: number | null; kind?: string | null } | null;
  forwardTo?: number | null;
  idempotencyKey?: string | null;
}

export interface GuardContext {
  wf: Workflow;
  dossier: DossierRow;
  nominees: NomineeRow[];
  parts: PartRow[];
  concurrences: ConcurrenceRow[];
  input: TransitionInput;
  today: string;
}

type Check = (c: GuardContext) => Record<string, unknown> | null;

/** Each guard: null when met, else the details of what is missing. */
const CHECKS: Record<Guard, Check> = {
  has_nominees: (c) => (c.nominees.length > 0 ? null : { missing: 'nominees' }),
  required_parts: (c) => {
    const missing: { kind: string; nomineeId?: number; name?: string; basis: string }[] = [];
    for (const p of requiredParts(c.wf, c.dossier.awardType)) {
      if (!p.per_nominee) {
        if (!c.parts.some((x) => x.kind === p.kind)) missing.push({ kind: p.kind, basis: p.basis });
        continue;
      }
      for (const n of c.nominees) if (!c.parts.some((x) => x.kind === p.kind && x.nomineeId === n.id)) missing.push({ kind: p.kind, nomineeId: n.id, name: n.name, basis: p.basis });
    }
    return missing.length ? { missing } : null;
  },
  checks_pass_or_overridden: (c) => {
    const failing = c.nominees.filter((n) => n.eligible !== 'true' && !n.overrideReason).map((n) => ({ nomineeId: n.id, name: n.name, eligible: n.eligible }));
    return failing.length ? { nominees: failing } : null;
  },
  act_date_given: (c) => (c.dossier.actDate ? null : { field: 'actDate' }),
  reason_given: (c) => (c.input.reason?.trim() ? null : { field: 'reason' }),
  return_reasons_given: (c) => {
    const rs = c.input.returnReasons ?? [];
    if (rs.length === 0) return { field: 'returnReasons' };
    const ids = new Set(c.nominees.map((n) => n.id));
    const bad = rs.findIndex((r) => r.nomineeId != null && !ids.has(r.nomineeId));
    return bad >= 0 ? { field: `returnReasons.${bad}.nomineeId`, rule: 'not_a_nominee_of_this_dossier' } : null;
  },
  consultation_required: (c) => (consultationRule(c.wf, c.dossier.awardCode) ? null : { award: c.dossier.awardCode, rule: 'award_needs_no_public_consultation' }),
  consultation_done: (c) => {
    const rule = consultationRule(c.wf, c.dossier.awardCode);
    if (!rule) return null;
    if (!c.dossier.consultationUntil) return { rule: 'consultation_not_held', days: rule.days, basis: rule.basis };
    return c.today > c.dossier.consultationUntil ? null : { rule: 'consultation_window_open', until: c.dossier.consultationUntil, basis: rule.basis };
  },
  concurrences_answered: (c) => {
    const open = c.concurrences.filter((x) => !x.answer).map((x) => ({ concurrenceId: x.id, agency: x.agency, dueOn: x.dueOn }));
    return open.length ? { open } : null;
  },
  decision_given: (c) => (c.input.decision?.number?.trim() && c.input.decision.date ? null : { field: 'decision' }),
  forward_target_given: (c) => (c.input.forwardTo && c.input.forwardTo !== c.dossier.receiverUnitId ? null : { field: 'forwardTo' }),
};

/** @throws AppError DOSSIER_GUARD_FAILED naming the first guard not met and what it misses */
export function assertGuards(t: Transition, c: GuardContext): void {
  for (const g of t.guards) {
    const missing = CHECKS[g](c);
    if (missing) throw new AppError('DOSSIER_GUARD_FAILED', { action: t.action, guard: g, ...missing });
  }
}

/** The guards not met, without throwing (the detail view greys out buttons with the reason). */
export function unmetGuards(t: Transition, c: GuardContext): Guard[] {
  return t.guards.filter((g) => CHECKS[g](c) !== null && !['reason_given', 'return_reasons_given', 'decision_given', 'forward_target_given'].includes(g));
}
