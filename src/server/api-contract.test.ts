import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource, openApiDocument } from '../../scripts/gen-api.ts';

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

describe('one contract with the web app', () => {
  it('web/src/api-types.ts is what the server schemas generate (else: npm run gen:api)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await apiTypesSource();
    // A diff of 2,000+ lines helps nobody: say which lines differ first, then fail.
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const first = b.findIndex((line, i) => line !== a[i]);
    expect(first === -1 && a.length === b.length, `web/src/api-types.ts is stale from line ${first + 1} ("${b[first]?.trim()}"): run npm run gen:api`).toBe(true);
  });

  it('every route declares what it answers on success (JSON schema or file type)', async () => {
    const doc = await openApiDocument();
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        const ok = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
        if (ok.length === 0 || ok.some(([, r]) => !r.content || Object.keys(r.content).length === 0)) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
