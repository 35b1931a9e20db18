/**
 * A statement's rows as one document (no table of its own): how the fact readers (fact-readers.ts) hand a batch's
 * rows over. One value instead of thousands of rows is several times faster to transfer and decode, on PGlite
 * above all.
 */
import type { Queryable } from '../../server/db.ts';

/** A column of a text document (ids, years and codes only: never a tab or a newline). */
export interface TextColumn { name: string; int?: boolean }

/**
 * One statement whose rows come back as one document, sorted by `order` (over the columns of `x`): JSON objects,
 * or for the two big tables (ratings, titles: ten rows per person and year) tab/newline-separated text, about three
 * times cheaper than JSON on PGlite. Dates come back as 'YYYY-MM-DD', bigints as numbers, as from the drivers.
 */
export interface RowsSpec { sql: string; order: string; params: unknown[]; text?: TextColumn[] }

/** Runs a statement and returns its document, undecoded. */
export async function fetchDoc(q: Queryable, s: RowsSpec): Promise<string | null> {
  if (s.text) {
    const fields = s.text.map((c) => `x.${c.name}::text`).join(`, E'\\t', `);
    const [row] = await q.query<{ t: string | null }>(`select string_agg(concat(${fields}), E'\\n' order by ${s.order}) as t from (${s.sql}) x`, s.params);
    return row?.t ?? null;
  }
  const [row] = await q.query<{ j: string | null }>(`select json_agg(x order by ${s.order})::text as j from (${s.sql}) x`, s.params);
  return row?.j ?? null;
}

/** The rows of a document fetched with `fetchDoc` (the same spec's `text` columns). */
export function decodeDoc<T>(doc: string | null, text?: TextColumn[]): T[] {
  if (!doc) return [];
  if (!text) return JSON.parse(doc) as T[];
  return doc.split('\n').map((line) => {
    const cells = line.split('\t');
    const out: Record<string, unknown> = {};
    text.forEach((c, i) => {
      out[c.name] = c.int ? Number(cells[i]) : cells[i];
    });
    return out as T;
  });
}

/** Runs a spec and decodes its rows. */
export async function rowsOf<T>(q: Queryable, s: RowsSpec): Promise<T[]> {
  return decodeDoc<T>(await fetchDoc(q, s), s.text);
}

/** The rows of a statement, as JSON objects (see `RowsSpec`). */
export function jsonRows<T>(q: Queryable, sql: string, order: string, params: unknown[]): Promise<T[]> {
  return rowsOf<T>(q, { sql, order, params });
}
