import type { Db } from '../server/db.ts';

export interface SeedResult {
  password: string;
  accounts: { username: string; role: string; unit: string }[];
}

/** People in the demo city: 20,000 unless `DEMO_PEOPLE` says otherwise (browser tests use a smaller city). */
export function demoPeopleCount(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.DEMO_PEOPLE);
  return env.DEMO_PEOPLE && Number.isInteger(n) && n > 0 ? n : 20_000;
}

/** Seeds the demo city when the database has no unit yet; returns the demo accounts. */
export async function seedIfEmpty(db: Db, log: (msg: string) => void): Promise<SeedResult | null> {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from org_unit');
  if (n > 0) return null;
  const { seedDemoCity } = await import('./demo-city.ts');
  return seedDemoCity(db, { people: demoPeopleCount(), log });
}
