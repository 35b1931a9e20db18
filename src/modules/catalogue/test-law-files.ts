/**
 * Tests only: a copy of the law's data files with planted edits, in a temporary directory, and the line each
 * planted text is on, so that a test can hold an error to the line it must name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { onTestFinished } from 'vitest';

type LawFile = 'catalogue.yaml' | 'rule-sets.yaml';
const DATA = new URL('./data/', import.meta.url);

export interface PlantedLaw {
  /** The directory to pass to loadCatalogue. */
  dir: URL;
  /** The 1-based line of the first occurrence of a text in a planted file. */
  lineOf: (file: LawFile, text: string) => number;
}

/** Copies both files, replacing the first occurrence of each `from` (which must exist) with `to`; call it inside a test. */
export function plantLaw(edits: { file: LawFile; from: string; to: string }[]): PlantedLaw {
  const path = mkdtempSync(join(tmpdir(), 'vinhdanh-law-'));
  onTestFinished(() => rmSync(path, { recursive: true, force: true })); // loadCatalogue reads it at once; gone with the test
  const texts: Record<LawFile, string> = {
    'catalogue.yaml': readFileSync(new URL('catalogue.yaml', DATA), 'utf8'),
    'rule-sets.yaml': readFileSync(new URL('rule-sets.yaml', DATA), 'utf8'),
  };
  for (const e of edits) {
    const at = texts[e.file].indexOf(e.from);
    if (at < 0) throw new Error(`plantLaw: "${e.from}" is not in ${e.file}`);
    texts[e.file] = texts[e.file].slice(0, at) + e.to + texts[e.file].slice(at + e.from.length);
  }
  for (const [file, text] of Object.entries(texts)) writeFileSync(join(path, file), text);
  return {
    dir: pathToFileURL(`${path}/`),
    lineOf: (file, text) => {
      const at = texts[file].indexOf(text);
      if (at < 0) throw new Error(`plantLaw: "${text}" is not in ${file}`);
      return texts[file].slice(0, at).split('\n').length;
    },
  };
}
