/**
 * A data file of the law read so that every mistake can be reported with the file and line it was written on
 * (decision 0005: a typo stops the start-up naming where it is). The YAML is parsed into a document that keeps
 * its nodes' offsets, and a path of keys (as Zod reports it, or as a criterion was reached) is walked back to
 * the node: through aliases to the anchor, so a criterion shared by several rule sets names the line it is
 * written on.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, LineCounter, isAlias, isMap, isSeq, parseDocument } from 'yaml';
import type { ZodError } from 'zod';

/** A mistake in the law's data or in a criterion of it, with where it is written ("path/file.yaml:57"). */
export class LawError extends Error {
  readonly where: string;
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'LawError';
    this.where = where;
  }
}

export type YamlPath = readonly PropertyKey[];

export interface YamlSource {
  /** The file as the project names it (relative to the working directory). */
  readonly file: string;
  readonly data: unknown;
  /** "file:line" of the deepest node the path reaches (the file alone if none). */
  at(path: YamlPath): string;
}

/** Reads and parses a YAML file (merge keys on, as the catalogue's anchors need). @throws LawError on a syntax error */
export function readYamlSource(url: URL): YamlSource {
  const file = relative(process.cwd(), fileURLToPath(url)) || fileURLToPath(url);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(url, 'utf8'), { merge: true, lineCounter });
  const [error] = doc.errors;
  if (error) throw new LawError(`${file}:${lineCounter.linePos(error.pos[0]).line}`, error.message.split('\n')[0]);
  const data: unknown = doc.toJS();
  return {
    file,
    data,
    at: (path) => {
      const offset = offsetAt(doc, path);
      return offset === null ? file : `${file}:${lineCounter.linePos(offset).line}`;
    },
  };
}

/** The start offset of the deepest node a path reaches, following aliases to their anchors. */
function offsetAt(doc: Document, path: YamlPath): number | null {
  let node: unknown = doc.contents;
  let offset: number | null = null;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (!isMap(node) && !isSeq(node)) break;
    offset = node.range?.[0] ?? offset;
    const next: unknown = node.get(typeof key === 'symbol' ? String(key) : key, true);
    if (next === undefined) return offset; // not written (a missing field): the map it belongs in
    node = next;
  }
  if (isAlias(node)) node = node.resolve(doc);
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range?.[0] ?? offset;
}

/** The first problem of a Zod error, located in its source. */
export function lawErrorFromZod(source: YamlSource, error: ZodError): LawError {
  const issue = error.issues[0];
  // An unknown key is reported on its map with the key's name in `keys`: point at that key.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = keys.length ? [...issue.path, keys[0]] : issue.path;
  return new LawError(source.at(path), `${issue.path.join('.') || '(file)'}: ${issue.message}`);
}
