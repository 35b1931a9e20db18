import { SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import { createCluster, setYear } from '../modules/clusters/commands.ts';
import type { Db } from '../server/db.ts';

// Hà Nội's emulation clusters and blocks (hanoi.md §1.4), kept small. Before 1 Jul 2025 (year 2024): 5 cụm of the 30
// districts and 22 khối of city units (QĐ 1615/QĐ-UBND, 26/3/2024) [C]; which district sat in which cụm is not public,
// so the grouping below is INVENTED (six districts each, in code order). Khối 9 is known [C]: Health (head), Education,
// Culture & Sports, Labour–Invalids–Social Affairs (merged into Home Affairs in 2025, stood in by Sở Nội vụ here),
// Science & Technology. The other khối's members are INVENTED from the demo's departments; khối without a demo
// department have no members. After 1 Jul 2025 (year 2025): "Cụm thi đua số 2" of 11 wards, head Hai Bà Trưng,
// deputy Hoàng Mai [C]; the khối continue with the same members (INVENTED, the 5405/QĐ-UBND lists are not public).

const CITY = 'HN';
const SHEET = 'hn_cluster_2025';
const KHOI_9 = { head: 'S14', members: ['S14', 'S13', 'S11', 'S03', 'S10'] };
const OTHER_DEPTS = ['S01', 'S02', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'S12', 'S15', 'S16'];
const CUM_2_WARDS = ['00256', '00331', '00292', '00283', '00301', '00322', '00337', '00340', '00328', '00316', '00643'];

/** Writes the demo clusters and blocks through the module's commands (audited as the system); returns their ids. */
export async function seedDemoClusters(db: Db, unitIds: Map<string, number>): Promise<number[]> {
  const unit = (code: string) => unitIds.get(code);
  const city = unit(CITY);
  if (city === undefined) return [];
  const scope = { all: true } as const;
  const ids: number[] = [];
  await db.tx(async (q) => {
    const make = async (kind: 'cluster' | 'block', name: string, invented: boolean, years: { year: number; members: (number | undefined)[] }[]) => {
      const id = await createCluster(q, SYSTEM_ACTOR, scope, { kind, name, authorityUnitId: city, sheetId: SHEET, flagCount: 1, meritCount: 2, invented });
      ids.push(id);
      let version = 1;
      for (const y of years) {
        const members = y.members.filter((m): m is number => m !== undefined);
        if (members.length < 2) continue;
        await setYear(q, SYSTEM_ACTOR, scope, id, y.year, { version, memberUnitIds: members, headUnitId: members[0], deputyUnitId: members[1] });
        version += 1;
      }
    };
    // Before the 2025 reform: 5 cụm of districts (grouping invented).
    const districts = Array.from({ length: 30 }, (_, i) => unit(`D${String(i + 1).padStart(2, '0')}`));
    for (let c = 0; c < 5; c++) await make('cluster', `Cụm thi đua số ${c + 1} (quận, huyện; trước 01/7/2025)`, true, [{ year: 2024, members: districts.slice(c * 6, c * 6 + 6) }]);
    // 22 khối: khối 9 as reported; the rest invented from the demo departments.
    for (let k = 1; k <= 22; k++) {
      const codes = k === 9 ? KHOI_9.members : OTHER_DEPTS.slice(2 * (k - 1), 2 * k);
      const members = codes.map(unit);
      await make('block', `Khối thi đua số ${k}`, k !== 9, [{ year: 2024, members }, { year: 2025, members }]);
    }
    // After the reform: the ward cluster reported in 2025.
    await make('cluster', 'Cụm thi đua số 2 (phường, từ 01/7/2025)', false, [{ year: 2025, members: CUM_2_WARDS.map(unit) }]);
  });
  return ids;
}
