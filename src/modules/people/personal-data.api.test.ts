import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { importFile, readXlsx } from '../imports/test-helpers.ts';

// Personal data (Decree 13/2023): CCCD and birth date masked in lists, pages and exports; full values are an audited read.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
let unit: number;
let person: { id: number; nationalId: string };
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true }); // uploads are parsed by a pg-boss job
  w = await makeWorld(ctx.db);
  unit = await makeUnit(ctx.db, { parentId: w.a, name: 'Trạm Y tế Dữ Liệu' });
  person = await makePerson(ctx.db, { unitId: unit, fullName: 'Hà Thị Riêng Tư', gender: 'female', birthDate: '1975-04-30' });
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url });
/** The masked form, written out from its definition: province code, six stars, last three digits. */
const maskOf = (cccd: string) => `${cccd.slice(0, 3)}******${cccd.slice(9)}`;
const auditRows = (actorId: number, action: string) =>
  ctx.db.query<{ entity_id: string | null; org_unit_id: number | null; after: Record<string, unknown> }>('select entity_id, org_unit_id, after from audit_log where actor_id = $1 and action = $2 order by id', [actorId, action]);

describe('lists and pages show CCCD and birth date masked', () => {
  it('a viewer gets the masked CCCD and the birth year in GET /people, flagged as masked', async () => {
    const res = await get(w.viewerA.cookie, `/api/v1/people?unitId=${unit}`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item).toMatchObject({ id: person.id, nationalId: maskOf(person.nationalId), birthDate: '1975', personalDataMasked: true });
    expect(res.body).not.toContain(person.nationalId);
    expect(res.body).not.toContain('1975-04-30');
  });

  it('a viewer gets them masked on the person page, with no way to reveal', async () => {
    const body = (await get(w.viewerA.cookie, `/api/v1/people/${person.id}`)).json();
    expect(body).toMatchObject({ nationalId: maskOf(person.nationalId), birthDate: '1975', personalDataMasked: true, actions: { canEdit: false, canRevealPersonalData: false } });
  });

  it('an officer sees them masked too by default, and may reveal them', async () => {
    const body = (await get(w.officerA.cookie, `/api/v1/people/${person.id}`)).json();
    expect(body).toMatchObject({ nationalId: maskOf(person.nationalId), birthDate: '1975', actions: { canEdit: true, canRevealPersonalData: true } });
  });

  it('a full CCCD finds the person for a viewer (answer masked); a prefix finds them only for a reader who may see the number', async () => {
    const full = (await get(w.viewerA.cookie, `/api/v1/people?q=${person.nationalId}`)).json().items;
    expect(full.map((p: { id: number; nationalId: string }) => [p.id, p.nationalId])).toEqual([[person.id, maskOf(person.nationalId)]]);
    const prefix = person.nationalId.slice(0, 10);
    expect((await get(w.viewerA.cookie, `/api/v1/people?unitId=${unit}&q=${prefix}`)).json().items).toEqual([]);
    expect((await get(w.officerA.cookie, `/api/v1/people?unitId=${unit}&q=${prefix}`)).json().items.map((p: { id: number }) => p.id)).toEqual([person.id]);
  });

  it('the audit log shows CCCD and birth date masked, also to a reader who may see them', async () => {
    const res = await get(w.board.cookie, `/api/v1/audit?entity=person&entityId=${person.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].after.nationalId).toBe(maskOf(person.nationalId));
    expect(res.body).not.toContain(person.nationalId);
    const file = await get(w.board.cookie, `/api/v1/exports/audit?entity=person&entityId=${person.id}`);
    const { rows } = await readXlsx(file.rawPayload);
    expect(JSON.stringify(rows)).toContain(maskOf(person.nationalId));
    expect(JSON.stringify(rows)).not.toContain(person.nationalId);
  });
});

describe('revealing one person is an audited read', () => {
  const url = (id: number) => `/api/v1/people/${id}/personal-data`;

  it('an officer in scope gets the full values, and one audit entry names the person (not the values)', async () => {
    const before = (await auditRows(w.officerA.id, 'person.read_personal_data')).length;
    const res = await get(w.officerA.cookie, url(person.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: person.id, nationalId: person.nationalId, birthDate: '1975-04-30', personalDataMasked: false });
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = await auditRows(w.officerA.id, 'person.read_personal_data');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ entity_id: String(person.id), org_unit_id: unit });
    expect(JSON.stringify(rows.at(-1)?.after)).not.toContain(person.nationalId);
  });

  it('out of scope: 404 and nothing audited', async () => {
    const res = await get(w.officerA.cookie, url(w.personB.id));
    expect(res.statusCode).toBe(404);
    expect((await auditRows(w.officerA.id, 'person.read_personal_data')).map((r) => r.entity_id)).not.toContain(String(w.personB.id));
  });

  it('a viewer: 403, whoever the person is', async () => {
    expect((await get(w.viewerA.cookie, url(person.id))).statusCode).toBe(403);
    expect(await auditRows(w.viewerA.id, 'person.read_personal_data')).toEqual([]);
  });

  it('a person who moved out of the officer\'s units stays visible as history but their data is refused (403, like edits)', async () => {
    const mover = await makePerson(ctx.db, { unitId: unit, fullName: 'Đinh Văn Chuyển Đi' });
    const moved = await call(ctx.app, w.board.cookie, { method: 'POST', url: `/api/v1/people/${mover.id}/transfers`, payload: { version: 1, unitId: w.b1, position: 'Y sĩ', category: 'public_employee', isLeader: false, fromDate: '2026-01-01' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await get(w.officerA.cookie, `/api/v1/people/${mover.id}`)).json().actions.canRevealPersonalData).toBe(false);
    expect((await get(w.officerA.cookie, url(mover.id))).statusCode).toBe(403);
    expect((await get(w.board.cookie, url(mover.id))).json().nationalId).toBe(mover.nationalId);
  });
});

describe('a masked value is never saved', () => {
  it('a PATCH carrying the masked CCCD is refused naming the field, and nothing changes', async () => {
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Mai Văn Không Đổi' });
    const shown = (await get(w.officerA.cookie, `/api/v1/people/${p.id}`)).json();
    const res = await call(ctx.app, w.officerA.cookie, { method: 'PATCH', url: `/api/v1/people/${p.id}`, payload: { version: shown.version, nationalId: shown.nationalId, fullName: 'Mai Văn Đã Đổi' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PERSONAL_DATA_MASKED', details: { field: 'nationalId' } });
    expect(res.json().error.message).toContain('dạng che');
    const [row] = await ctx.db.query<{ national_id: string; full_name: string; version: number }>('select national_id, full_name, version from person where id = $1', [p.id]);
    expect(row).toEqual({ national_id: p.nationalId, full_name: 'Mai Văn Không Đổi', version: 1 });
  });

  it('a PATCH carrying the masked birth date (the year) is refused naming the field', async () => {
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Mai Thị Năm Sinh', birthDate: '1985-05-05' });
    const res = await call(ctx.app, w.officerA.cookie, { method: 'PATCH', url: `/api/v1/people/${p.id}`, payload: { version: 1, birthDate: '1985' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['birthDate']);
    expect((await ctx.db.query<{ birth_date: string }>('select birth_date from person where id = $1', [p.id]))[0].birth_date).toBe('1985-05-05');
  });
});

describe('exports', () => {
  it('a viewer\'s people export holds masked CCCDs and birth years, and audits nothing', async () => {
    const res = await get(w.viewerA.cookie, `/api/v1/exports/people?unitId=${unit}`);
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    const row = rows.find((r) => r[1] === 'Hà Thị Riêng Tư') as unknown[];
    expect(row.slice(0, 4)).toEqual([maskOf(person.nationalId), 'Hà Thị Riêng Tư', 'Nữ', '1975']);
    expect(JSON.stringify(rows)).not.toContain(person.nationalId);
    expect(await auditRows(w.viewerA.id, 'people.export_personal_data')).toEqual([]);
  });

  it('an officer\'s export holds the full values and writes one audit entry with the filter and the row count', async () => {
    const officer = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: w.a }]);
    const res = await get(officer.cookie, `/api/v1/exports/people?unitId=${unit}`);
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    const row = rows.find((r) => r[1] === 'Hà Thị Riêng Tư') as unknown[];
    expect(row[0]).toBe(person.nationalId);
    expect(row[3]).toEqual(new Date('1975-04-30T00:00:00Z'));
    const entries = await auditRows(officer.id, 'people.export_personal_data');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ org_unit_id: unit, after: { filter: { unitId: unit }, rowCount: rows.length } });
  });

  it('a masked export imported back is refused row by row, saying the number is masked', async () => {
    const file = (await get(w.viewerA.cookie, `/api/v1/exports/people?unitId=${unit}`)).rawPayload;
    const job = await importFile(ctx.app, w.officerA.cookie, 'people', file);
    expect(job.status).toBe('invalid');
    const onCccd = job.errors.filter((e) => e.column === 'Số CCCD');
    expect(onCccd.length).toBeGreaterThan(0);
    expect(onCccd.every((e) => e.rule === 'personal_data_masked')).toBe(true);
    expect(onCccd[0].message).toContain('dạng che');
  });

  it('discovery\'s export shows no CCCD or birth date, masked or not', async () => {
    const p = await makePerson(ctx.db, { unitId: unit, fullName: 'Lý Văn Phát Hiện', fromDate: '2018-01-01' });
    await ctx.db.query("insert into person_year_rating (person_id, year, rating, unit_id) values ($1, 2025, 'good', $2)", [p.id, unit]);
    const query = `unitId=${unit}&year=2025&asOf=2026-01-10&award=advanced_worker`;
    const hits = (await get(w.viewerA.cookie, `/api/v1/discovery?${query}`)).json();
    expect(hits.rows.map((r: { personId: number }) => r.personId)).toContain(p.id);
    expect(JSON.stringify(hits)).not.toMatch(/\d{3}(\*{6}|\d{6})\d{3}/);
    const file = await get(w.viewerA.cookie, `/api/v1/discovery/export.xlsx?${query}`);
    expect(file.statusCode).toBe(200);
    const cells = JSON.stringify((await readXlsx(file.rawPayload)).rows);
    expect(cells).toContain('Lý Văn Phát Hiện');
    expect(cells).not.toMatch(/\d{3}(\*{6}|\d{6})\d{3}/);
    expect(cells).not.toContain('1985-05-05');
  });
});
