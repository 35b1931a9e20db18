import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { childrenOf, concurrencesOf, nomineesOf, partsOf } from './repo-children.ts';
import { type DossierWorld, api, dossierIn, makeDossierWorld } from './test-dossiers.ts';

let ctx: TestContext;
let w: DossierWorld;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeDossierWorld(ctx.db);
});
afterAll(() => ctx.close());

// A workflow step reads a dossier's nominees, parts and concurrences in one statement; its guards and the dossier's
// page must see exactly what the three separate reads give (ids, dates, the parts' times as the driver formats them).
it('reads the nominees, parts and concurrences of a dossier in one statement, as the separate reads give them', async () => {
  const d = await dossierIn(ctx.db, ctx.app, w, 'appraisal', { nominees: 2 });
  const asked = await api(ctx.app).send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/concurrences`, { version: d.version, agency: 'Công an thành phố Hà Nội' });
  expect(asked.statusCode, asked.body).toBeLessThan(300);
  const one = await childrenOf(ctx.db, d.id);
  expect(one.nominees).toHaveLength(2);
  expect(one.parts.length).toBeGreaterThan(2);
  expect(one.concurrences).toHaveLength(1);
  expect(one).toEqual({ nominees: await nomineesOf(ctx.db, d.id), parts: await partsOf(ctx.db, d.id), concurrences: await concurrencesOf(ctx.db, d.id) });
  expect(one.parts[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});
