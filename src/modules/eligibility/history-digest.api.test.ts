import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, makeUnit } from '../../../tests/support/factories.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import type { Db, Queryable } from '../../server/db.ts';
import { createRng } from '../../seed/random.ts';
import { cccdPrefix } from '../../shared/cccd.ts';
import { defaultSettings } from '../catalogue/settings.ts';
import { discover, type DiscoveryHit } from './discovery.ts';
import { fetchDigestDoc, historiesFromDigests, refreshStaleHistories } from './history-digest.ts';
import { unitNames } from './history-sql.ts';
import { buildPersonHistories } from './history.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const RATINGS = ['excellent', 'good', 'completed', 'not_completed'];
const TITLES = ['advanced_worker', 'grassroots_emulation_fighter', 'ministerial_provincial_emulation_fighter'];
const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * People with every kind of fact the loaders filter: corrections, withdrawals before and after the dates we
 * read on, transfers (ending the first job, with or without a gap) and future jobs, discipline served, ongoing and withdrawn, leave across years, awards decided
 * later, open and closed review cases. Deterministic (seeded).
 */
async function makeVariedPeople(q: Db, units: number[], count: number): Promise<number[]> {
  const rng = createRng(20261204);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const home = rng.pick(units);
    const gender = rng.chance(0.5) ? 'female' : 'male';
    // Born 1959, numbered in order: no other test makes such CCCDs (the PostgreSQL test database is shared by files).
    const nationalId = `${cccdPrefix('001', gender, 1959)}${String(i + 1).padStart(6, '0')}`;
    const p = (await makePerson(q, { unitId: home, fullName: `Người Đối Chiếu ${i}`, gender, birthDate: '1959-06-01', nationalId, fromDate: day(rng.int(2012, 2021), rng.int(1, 12), rng.int(1, 28)) })).id;
    ids.push(p);
    const run = (sql: string, params: unknown[]) => q.query(sql, [p, ...params]);
    if (rng.chance(0.3)) {
      const from = day(rng.int(2024, 2027), rng.int(1, 12), 1);
      // A second job: beside the first, after a transfer that ends it, or after a gap (a new recruitment).
      const end = rng.pick([null, from, day(Number(from.slice(0, 4)) - 1, 3, 1)]);
      if (end) await run('update employment set to_date = $2 where person_id = $1', [end]);
      await run("insert into employment (person_id, unit_id, position, category, is_leader, from_date) values ($1, $2, 'Phó phòng', 'public_employee', true, $3)", [rng.pick(units), from]);
    }
    for (let y = 2016; y <= 2026; y++) {
      if (rng.chance(0.15)) continue;
      const [r] = await q.query<{ id: number }>('insert into person_year_rating (person_id, year, rating) values ($1, $2, $3) returning id', [p, y, rng.pick(RATINGS)]);
      if (rng.chance(0.1)) await run('insert into person_year_rating (person_id, year, rating, corrects_id) values ($1, $2, $3, $4)', [y, rng.pick(RATINGS), r.id]);
      if (rng.chance(0.05)) await run('insert into person_year_rating (person_id, year, rating) values ($1, $2, $3)', [y, rng.pick(RATINGS)]);
      if (rng.chance(0.6)) {
        const revoked = rng.chance(0.15) ? day(rng.int(2023, 2027), rng.int(1, 12), 1) : null;
        const [t] = await q.query<{ id: number }>('insert into person_title (person_id, year, title_code, revoked_on) values ($1, $2, $3, $4) returning id', [p, y, rng.pick(TITLES), revoked]);
        if (rng.chance(0.08)) await run('insert into person_title (person_id, year, title_code, corrects_id) values ($1, $2, $3, $4)', [y, rng.pick(TITLES), t.id]);
      }
      if (rng.chance(0.2)) await run("insert into person_initiative (person_id, year, name, scope, used_for_award, revoked_on) values ($1, $2, 'Sáng kiến số hoá', $3, $4, $5)", [y, rng.pick(['grassroots', 'ministerial_provincial', 'national']), rng.chance(0.3) ? 'advanced_worker' : null, rng.chance(0.1) ? day(2025, 6, 1) : null]);
      if (rng.chance(0.05)) await run("insert into person_science_project (person_id, year, name, scope, accepted) values ($1, $2, 'Đề tài cấp cơ sở', 'grassroots', $3)", [y, rng.chance(0.7)]);
    }
    if (rng.chance(0.3)) {
      const from = day(rng.int(2017, 2026), rng.int(1, 12), rng.int(1, 28));
      const to = rng.chance(0.3) ? null : day(Number(from.slice(0, 4)) + rng.int(1, 2), rng.int(1, 12), 1);
      await run('insert into person_discipline (person_id, level, from_date, to_date, revoked_on) values ($1, $2, $3, $4, $5)', [rng.pick(['reprimand', 'warning']), from, to, rng.chance(0.2) ? day(2025, 3, 1) : null]);
    }
    if (rng.chance(0.3)) {
      const y = rng.int(2017, 2026);
      await run('insert into person_leave (person_id, kind, from_date, to_date) values ($1, $2, $3, $4)', [rng.pick(['maternity', 'unpaid', 'sick', 'training', 'injury']), day(y, rng.int(1, 12), 1), day(y + rng.int(1, 2), rng.int(1, 12), 1)]);
    }
    if (rng.chance(0.4)) {
      const end = rng.int(2018, 2025);
      await run("insert into award_record (person_id, form_code, award_type, decision_no, decision_date, period_from, period_to, revoked_on) values ($1, $2, $3, $4, $5, $6, $7, $8)", [
        rng.pick(['ministerial_provincial_certificate_of_merit', 'prime_minister_certificate_of_merit', 'ministerial_provincial_certificate_of_merit']),
        rng.chance(0.8) ? 'merit' : 'sudden', rng.chance(0.5) ? `${i}/QĐ-UBND` : null, day(end + 1, rng.int(1, 12), rng.int(1, 28)), end - 1, end, rng.chance(0.1) ? day(2025, 9, 1) : null]);
    }
    if (rng.chance(0.15)) {
      const opened = day(rng.int(2024, 2026), rng.int(1, 12), 1);
      await run("insert into review_case (person_id, kind, opened_on, closed_on) values ($1, 'complaint', $2, $3)", [opened, rng.chance(0.5) ? null : day(Number(opened.slice(0, 4)) + 1, 1, 15)]);
    }
  }
  return ids;
}

async function viaDigests(q: Queryable, ids: number[], asOf: string, fromYear: number) {
  await refreshStaleHistories(q);
  const units = (await q.query<{ id: number }>('select id from org_unit')).map((r) => r.id);
  return historiesFromDigests(await fetchDigestDoc(q, ids), { asOf, fromYear }, await unitNames(q, units, asOf));
}

describe('history digests', () => {
  let units: number[];
  let people: number[];
  beforeAll(async () => {
    const top = await makeUnit(db, { name: 'Sở Đối Chiếu' });
    units = [top, await makeUnit(db, { parentId: top, name: 'Phòng Một' }), await makeUnit(db, { parentId: top, name: 'Phòng Hai' })];
    people = await makeVariedPeople(db, units, 60);
  });

  it('give exactly the histories the loaders read, on every date and from every first year', async () => {
    for (const asOf of ['2019-06-30', '2023-12-31', '2025-01-15', '2025-12-15', '2026-10-05', '2028-01-01']) {
      for (const fromYear of [1945, 2021]) {
        const expected = await buildPersonHistories(db, people, { asOf, fromYear });
        expect(expected).toHaveLength(people.length);
        expect(await viaDigests(db, people, asOf, fromYear), `asOf ${asOf}, from ${fromYear}`).toEqual(expected);
      }
    }
  });

  it('follow every kind of write: insert, correction, withdrawal, deletion, a new name', async () => {
    const p = people[0];
    const asOf = '2025-12-15';
    const same = async () => expect(await viaDigests(db, [p], asOf, 1945)).toEqual(await buildPersonHistories(db, [p], { asOf, fromYear: 1945 }));
    const [r] = await db.query<{ id: number }>("insert into person_year_rating (person_id, year, rating) values ($1, 2025, 'excellent') returning id", [p]);
    await same();
    await db.query("insert into person_year_rating (person_id, year, rating, corrects_id) values ($1, 2025, 'not_completed', $2)", [p, r.id]);
    await same();
    await db.query("update person_title set revoked_on = '2025-06-01' where person_id = $1", [p]);
    await same();
    await db.query('delete from person_leave where person_id = $1', [p]);
    await db.query("insert into review_case (person_id, kind, opened_on) values ($1, 'press_report', '2025-11-01')", [p]);
    await same();
    await db.query("update person set full_name = 'Người Đổi Tên', version = version + 1 where id = $1", [p]);
    const [h] = await viaDigests(db, [p], asOf, 1945);
    expect(h).toMatchObject({ name: 'Người Đổi Tên', input: { subject: { underReview: true } } });
    await same();
  });

  it('are rebuilt when one is missing, so nobody drops out of discovery', async () => {
    await refreshStaleHistories(db);
    await db.query('delete from person_history_digest where person_id = $1', [people[1]]);
    const doc = await fetchDigestDoc(db, [people[1], people[2]]);
    expect(doc.split('\n').map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([people[1], people[2]]);
  });

  it('let discovery see a rating written just before it runs', async () => {
    const unit = await makeUnit(db, { parentId: units[0], name: 'Tổ Mới Ghi' });
    const p = (await makePerson(db, { unitId: unit, fullName: 'Phan Văn Vừa Ghi', fromDate: '2016-01-01' })).id;
    const filter = { unitIds: [unit], year: 2025, asOf: '2026-01-10', subject: 'individual' as const };
    const run = async () => {
      const hits: DiscoveryHit[] = [];
      await discover(db, filter, { settings: defaultSettings(), onHit: (h) => hits.push(h) });
      return hits.filter((h) => h.personId === p && h.status === 'eligible').map((h) => h.award);
    };
    expect(await run()).not.toContain('advanced_worker');
    await db.query("insert into person_year_rating (person_id, year, rating) values ($1, 2025, 'good')", [p]);
    expect(await run()).toContain('advanced_worker');
  });

  it.runIf(process.env.DB_TARGET === 'postgres')('never take a change a writer has not committed yet (PostgreSQL)', async () => {
    const p = people[3];
    await refreshStaleHistories(db);
    const ratingOf = async () => (await viaDigests(db, [p], '2027-12-31', 1945))[0].input.years?.find((y) => y.year === 2027)?.rating ?? null;
    expect(await ratingOf()).toBeNull();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => undefined;
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    // A committed change already waits in the log when the writer starts: the refresh that consumes it must not
    // swallow the writer's change too.
    await db.query("insert into person_initiative (person_id, year, name, scope) values ($1, 2026, 'Chờ làm mới', 'grassroots')", [p]);
    const writer = db.tx(async (q) => {
      await q.query("insert into person_year_rating (person_id, year, rating) values ($1, 2027, 'excellent')", [p]);
      written();
      await held;
    });
    await wrote;
    // The writer's log entry is not visible yet: a refresh now cannot consume it.
    expect(await ratingOf()).toBeNull();
    release();
    await writer;
    expect(await ratingOf()).toBe('excellent');
  });
});
