/**
 * The workflow as data (data/workflow.yaml): states, transitions, guards, deadlines and the consultation and
 * concurrence rules, per version with effective dates. Read once with catalogue's YAML reader, so a mistake is a
 * LawError naming file and line; checked against the catalogue's award codes and the declared permissions.
 */
import { z } from 'zod';
import { PERMISSIONS } from '../auth/roles.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { LawError, type YamlSource, lawErrorFromZod, readYamlSource } from '../catalogue/yaml-source.ts';

export const DOSSIER_STATES = ['draft', 'submitted', 'received', 'appraisal', 'returned', 'resubmitted', 'council', 'consultation', 'forwarded', 'decided', 'rejected', 'withdrawn'] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];
/** Khen thưởng thường xuyên / theo đợt (phong trào) / đột xuất / quá trình cống hiến / niên hạn / đối ngoại. */
export const AWARD_TYPES = ['merit', 'movement', 'sudden', 'contribution', 'seniority', 'external'] as const;
export type AwardType = (typeof AWARD_TYPES)[number];
export const PART_KINDS = ['submission_letter', 'achievement_report', 'council_minutes', 'initiative_recognition', 'other'] as const;
export type PartKind = (typeof PART_KINDS)[number];
export const GUARDS = ['has_nominees', 'required_parts', 'checks_pass_or_overridden', 'act_date_given', 'reason_given', 'return_reasons_given',
  'consultation_required', 'consultation_done', 'concurrences_answered', 'decision_given', 'forward_target_given'] as const;
export type Guard = (typeof GUARDS)[number];
export const EFFECTS = ['freeze_checks', 'record_return_reasons', 'resolve_return_reasons', 'open_consultation_window', 'forward_to_next_level', 'record_decision'] as const;
export type Effect = (typeof EFFECTS)[number];

const zState = z.enum(DOSSIER_STATES);
const zDay = z.union([z.string(), z.date()]).transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10))).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

const ZStateDef = z.strictObject({ holder: z.enum(['sender', 'receiver']), due_days: z.number().int().positive().optional(), terminal: z.boolean().optional() });
const ZTransition = z.strictObject({
  action: z.string().regex(/^[a-z_]+$/),
  from: z.array(zState).min(1),
  to: zState,
  at: z.enum(['sender', 'receiver']),
  permission: z.enum(PERMISSIONS),
  award_types: z.array(z.enum(AWARD_TYPES)).optional(),
  guards: z.array(z.enum(GUARDS)).default([]),
  effects: z.array(z.enum(EFFECTS)).default([]),
});
const ZRequiredPart = z.strictObject({
  kind: z.enum(PART_KINDS),
  per_nominee: z.boolean().optional(),
  award_types: z.array(z.enum(AWARD_TYPES)).optional(),
  except_award_types: z.array(z.enum(AWARD_TYPES)).optional(),
  basis: z.string(),
});
const ZWorkflow = z.strictObject({
  id: z.string(),
  from: zDay,
  to: zDay.nullable(),
  basis: z.string(),
  states: z.record(zState, ZStateDef),
  consultation: z.array(z.strictObject({ awards: z.array(z.string()).min(1), days: z.number().int().positive(), basis: z.string() })),
  concurrence_days: z.number().int().positive(),
  required_parts: z.array(ZRequiredPart),
  transitions: z.array(ZTransition).min(1),
});
const ZWorkflowFile = z.strictObject({ workflows: z.array(ZWorkflow).min(1) });

export type Transition = z.infer<typeof ZTransition>;
export type RequiredPart = z.infer<typeof ZRequiredPart>;
export type Workflow = z.infer<typeof ZWorkflow> & { states: Record<DossierState, z.infer<typeof ZStateDef>> };

/** Checks what Zod cannot: every state declared, transitions unique per action, known award codes, no overlap of dates. */
function checkMeaning(src: YamlSource, file: z.infer<typeof ZWorkflowFile>): void {
  const awards = catalogue().byCode;
  file.workflows.forEach((wf, w) => {
    const at = (...path: PropertyKey[]) => src.at(['workflows', w, ...path]);
    for (const s of DOSSIER_STATES) if (!wf.states[s]) throw new LawError(at('states'), `state "${s}" is not declared`);
    const seen = new Set<string>();
    wf.transitions.forEach((t, i) => {
      if (seen.has(t.action)) throw new LawError(at('transitions', i, 'action'), `action "${t.action}" is declared twice`);
      seen.add(t.action);
      for (const f of t.from) if (wf.states[f].terminal) throw new LawError(at('transitions', i, 'from'), `"${f}" is terminal: nothing may leave it`);
    });
    wf.consultation.forEach((c, i) => c.awards.forEach((code, j) => {
      if (!awards.has(code)) throw new LawError(at('consultation', i, 'awards', j), `unknown award code "${code}" (catalogue.yaml)`);
    }));
    const prev = file.workflows[w - 1];
    if (prev && (prev.to === null || prev.to >= wf.from)) throw new LawError(at('from'), `overlaps the previous version ${prev.id}`);
  });
}

/** Parses and checks a workflow file. @throws LawError naming file and line */
export function loadWorkflows(url: URL): Workflow[] {
  const src = readYamlSource(url);
  const parsed = ZWorkflowFile.safeParse(src.data);
  if (!parsed.success) throw lawErrorFromZod(src, parsed.error);
  checkMeaning(src, parsed.data);
  return parsed.data.workflows as Workflow[];
}

let loaded: Workflow[] | null = null;
/** The workflow versions of data/workflow.yaml (read once; the server reads it at start-up so a mistake stops it). */
export function workflows(): Workflow[] {
  loaded ??= loadWorkflows(new URL('./data/workflow.yaml', import.meta.url));
  return loaded;
}

/** The version in force on a day. @throws LawError when none is (a gap in the data). */
export function workflowOn(day: string): Workflow {
  const wf = workflows().find((w) => w.from <= day && (w.to === null || day <= w.to));
  if (!wf) throw new LawError('src/modules/dossiers/data/workflow.yaml', `no workflow in force on ${day}`);
  return wf;
}

/** A version by id (a dossier keeps the one it was created under). */
export function workflowById(id: string): Workflow {
  const wf = workflows().find((w) => w.id === id);
  if (!wf) throw new LawError('src/modules/dossiers/data/workflow.yaml', `no workflow "${id}"`);
  return wf;
}

/** The transitions a dossier of an award type may take from a state (role and level aside). */
export function transitionsFrom(wf: Workflow, state: DossierState, awardType: AwardType): Transition[] {
  return wf.transitions.filter((t) => t.from.includes(state) && (!t.award_types || t.award_types.includes(awardType)));
}

/** Public posting days for an award, with its basis; null when the award needs none. */
export function consultationRule(wf: Workflow, awardCode: string): { days: number; basis: string } | null {
  const rule = wf.consultation.find((c) => c.awards.includes(awardCode));
  return rule ? { days: rule.days, basis: rule.basis } : null;
}

/** Required parts for a dossier's award type. */
export function requiredParts(wf: Workflow, awardType: AwardType): RequiredPart[] {
  return wf.required_parts.filter((p) => (!p.award_types || p.award_types.includes(awardType)) && !p.except_award_types?.includes(awardType));
}
