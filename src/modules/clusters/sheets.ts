/**
 * Scoring sheets of clusters and blocks as data (data/sheets.yaml, with effective dates): a criteria tree with max
 * points, leaves of four kinds (evaluation.md §4.2) and a tie-break order. Read once, checked with Zod; a mistake
 * names the file and line (like evaluations/schemes.ts).
 */
import { z } from 'zod';
import { LawError, lawErrorFromZod, readYamlSource } from '../catalogue/yaml-source.ts';

const zDay = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const zCode = z.string().regex(/^[a-z_][a-z0-9_.]*$/);
const ZLeaf = z.discriminatedUnion('kind', [
  z.strictObject({ code: zCode, name: z.string().min(1), kind: z.literal('quantitative'), max: z.number().positive() }),
  z.strictObject({ code: zCode, name: z.string().min(1), kind: z.literal('pass_fail'), max: z.number().positive() }),
  z.strictObject({ code: zCode, name: z.string().min(1), kind: z.literal('per_occurrence'), each: z.number().positive(), cap: z.number().positive() }),
  z.strictObject({ code: zCode, name: z.string().min(1), kind: z.literal('bonus_penalty'), min: z.number().max(0), max: z.number().min(0) }),
]);
const ZGroup = z.strictObject({ code: zCode, name: z.string().min(1), children: z.array(ZLeaf).min(1) });
const ZSheet = z.strictObject({ id: zCode, name: z.string().min(1), from: zDay, to: zDay.optional(), tie_break: z.array(zCode), criteria: z.array(ZGroup).min(1) });
const ZFile = z.strictObject({ sheets: z.array(ZSheet).min(1) });

export type Leaf = z.infer<typeof ZLeaf>;
export interface Sheet {
  id: string;
  name: string;
  from: string;
  to: string | null;
  tieBreak: string[];
  groups: { code: string; name: string; leaves: Leaf[] }[];
  leaves: Map<string, Leaf & { group: string }>;
  /** Most points a member can reach (bonus at its max). */
  maxTotal: number;
}

/** Bounds of a leaf's points. */
export function boundsOf(l: Leaf): { min: number; max: number } {
  if (l.kind === 'per_occurrence') return { min: 0, max: l.cap };
  if (l.kind === 'bonus_penalty') return { min: l.min, max: l.max };
  return { min: 0, max: l.max };
}

/** @throws LawError naming file and line */
export function loadSheets(url = new URL('./data/sheets.yaml', import.meta.url)): Sheet[] {
  const source = readYamlSource(url);
  const r = ZFile.safeParse(source.data);
  if (!r.success) throw lawErrorFromZod(source, r.error);
  const ids = new Set<string>();
  return r.data.sheets.map((s, i) => {
    if (ids.has(s.id)) throw new LawError(source.at(['sheets', i, 'id']), `sheet ${s.id} declared twice`);
    ids.add(s.id);
    if (s.to !== undefined && s.to < s.from) throw new LawError(source.at(['sheets', i, 'to']), 'to before from');
    const leaves = new Map<string, Leaf & { group: string }>();
    const groups = new Set<string>();
    s.criteria.forEach((g, gi) => {
      if (groups.has(g.code)) throw new LawError(source.at(['sheets', i, 'criteria', gi, 'code']), `criterion ${g.code} declared twice`);
      groups.add(g.code);
      g.children.forEach((l, li) => {
        if (leaves.has(l.code) || groups.has(l.code)) throw new LawError(source.at(['sheets', i, 'criteria', gi, 'children', li, 'code']), `criterion ${l.code} declared twice`);
        if (!l.code.startsWith(`${g.code}.`)) throw new LawError(source.at(['sheets', i, 'criteria', gi, 'children', li, 'code']), `criterion ${l.code} must start with its group's code ${g.code}.`);
        if (l.kind === 'per_occurrence' && l.each > l.cap) throw new LawError(source.at(['sheets', i, 'criteria', gi, 'children', li, 'each']), 'each above cap');
        leaves.set(l.code, { ...l, group: g.code });
      });
    });
    s.tie_break.forEach((c, ti) => {
      if (!groups.has(c) && !leaves.has(c)) throw new LawError(source.at(['sheets', i, 'tie_break', ti]), `tie_break names unknown criterion ${c}`);
    });
    const maxTotal = [...leaves.values()].reduce((n, l) => n + boundsOf(l).max, 0);
    return { id: s.id, name: s.name, from: s.from, to: s.to ?? null, tieBreak: s.tie_break, groups: s.criteria.map((g) => ({ code: g.code, name: g.name, leaves: g.children })), leaves, maxTotal };
  });
}

let loaded: Sheet[] | null = null;
export function sheets(): Sheet[] {
  loaded ??= loadSheets();
  return loaded;
}

/** The sheet by id, or undefined. */
export function sheetById(id: string): Sheet | undefined {
  return sheets().find((s) => s.id === id);
}
