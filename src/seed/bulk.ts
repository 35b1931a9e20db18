import type { Queryable } from '../server/db.ts';

/** Rows per statement: big enough to be fast, small enough for PGlite's parameter buffers. */
export const CHUNK = 10_000;

/**
 * Runs one set-based statement per chunk of column arrays (`insert … select * from unnest($1::text[], …)`),
 * concatenating what each chunk returns.
 * @example await insertColumns(q, 'insert into t (a, b) select * from unnest($1::text[], $2::int[])', [as, bs]);
 */
export async function insertColumns<T = Record<string, unknown>>(q: Queryable, sql: string, columns: unknown[][], chunk = CHUNK): Promise<T[]> {
  const total = columns[0]?.length ?? 0;
  const out: T[] = [];
  for (let start = 0; start < total; start += chunk) {
    const rows = await q.query<T>(sql, columns.map((c) => c.slice(start, start + chunk)));
    for (const r of rows) out.push(r);
  }
  return out;
}

/** Column-oriented buffers for one table, filled row by row. */
export function columns<K extends string>(names: readonly K[]): Record<K, unknown[]> & { length: () => number } {
  const cols = Object.fromEntries(names.map((n) => [n, [] as unknown[]])) as Record<K, unknown[]>;
  return Object.assign(cols, { length: () => cols[names[0]].length });
}
