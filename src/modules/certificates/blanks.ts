/**
 * Blank types (phôi) as data (data/blanks.yaml): sheet, awards, field boxes. Read once, checked with Zod and against
 * the catalogue and the sheet; a mistake names the file and line (like the catalogue and council rules).
 */
import { z } from 'zod';
import { catalogue } from '../catalogue/catalogue.ts';
import { LawError, lawErrorFromZod, readYamlSource } from '../catalogue/yaml-source.ts';

/** The fields printed on every blank (the blank's own print), and those drawn only on the full-colour variant. */
export const PRINTED_FIELDS = ['name', 'unit', 'award_text', 'decision', 'register', 'place_date', 'signer_title', 'signer_name', 'short_code', 'qr'] as const;
export const COLOUR_FIELDS = ['national', 'motto', 'issuer', 'give', 'award_title'] as const;
export type FieldName = (typeof PRINTED_FIELDS)[number] | (typeof COLOUR_FIELDS)[number];

const zMm = z.number().min(0).max(2000);
const ZBox = z.strictObject({
  x: zMm, y: zMm, w: zMm.positive(), h: zMm.positive(),
  size: z.number().min(4).max(120).optional(),
  min_size: z.number().min(4).max(120).optional(),
  style: z.enum(['regular', 'bold', 'italic', 'bold_italic']).default('regular'),
  align: z.enum(['left', 'center', 'right']).default('center'),
  colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/).optional(),
  colour_only: z.boolean().default(false),
});
export type FieldBox = z.infer<typeof ZBox>;

const ZBlank = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(1),
  default: z.boolean().default(false),
  awards: z.array(z.string()),
  sheet: z.strictObject({ width_mm: z.number().min(50).max(2000), height_mm: z.number().min(50).max(2000) }),
  give_text: z.string().min(1),
  award_text: z.string().min(1),
  fields: z.record(z.enum([...PRINTED_FIELDS, ...COLOUR_FIELDS]), ZBox),
});
export type Blank = z.infer<typeof ZBlank> & { fields: Record<FieldName, FieldBox> };
const ZFile = z.strictObject({ place: z.string().min(1), blanks: z.array(ZBlank).min(1) });

export interface Blanks {
  place: string;
  list: Blank[];
  byCode: Map<string, Blank>;
  /** The blank an award is printed on (its own, else the default one). */
  forAward(awardCode: string): Blank;
}

/** @throws LawError naming file and line */
export function loadBlanks(url = new URL('./data/blanks.yaml', import.meta.url)): Blanks {
  const source = readYamlSource(url);
  const r = ZFile.safeParse(source.data);
  if (!r.success) throw lawErrorFromZod(source, r.error);
  const list = r.data.blanks as Blank[];
  const byCode = new Map<string, Blank>();
  const byAward = new Map<string, Blank>();
  const known = catalogue().byCode;
  list.forEach((b, i) => {
    const at = (...path: PropertyKey[]) => source.at(['blanks', i, ...path]);
    if (byCode.has(b.code)) throw new LawError(at('code'), `blank code ${b.code} used twice`);
    byCode.set(b.code, b);
    b.awards.forEach((a, j) => {
      if (!known.has(a)) throw new LawError(at('awards', j), `unknown award code ${a}`);
      if (byAward.has(a)) throw new LawError(at('awards', j), `award ${a} is already on blank ${byAward.get(a)?.code}`);
      byAward.set(a, b);
    });
    for (const f of [...PRINTED_FIELDS, ...COLOUR_FIELDS]) {
      if (!b.fields[f]) throw new LawError(at('fields'), `fields.${f} missing`);
    }
    for (const [name, box] of Object.entries(b.fields)) {
      if (box.x + box.w > b.sheet.width_mm || box.y + box.h > b.sheet.height_mm) throw new LawError(at('fields', name), `fields.${name} lies outside the ${b.sheet.width_mm} × ${b.sheet.height_mm} mm sheet`);
      if (name === 'qr') continue;
      if (box.size === undefined || box.min_size === undefined) throw new LawError(at('fields', name), `fields.${name} needs size and min_size`);
      if (box.min_size > box.size) throw new LawError(at('fields', name, 'min_size'), `fields.${name}: min_size above size`);
    }
  });
  const defaults = list.filter((b) => b.default);
  if (defaults.length !== 1) throw new LawError(source.at(['blanks']), `exactly one blank must be the default (found ${defaults.length})`);
  return {
    place: r.data.place, list, byCode,
    forAward: (awardCode) => byAward.get(awardCode) ?? defaults[0],
  };
}

let loaded: Blanks | null = null;
/** The blanks of data/blanks.yaml (read and checked once; `checkBlanks` at start-up). */
export function blanks(): Blanks {
  loaded ??= loadBlanks();
  return loaded;
}
