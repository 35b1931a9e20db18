/**
 * Reward money (NĐ 152/2025 Art 49–54): coefficient × the base salary in force on the decision date, rounded up to
 * tens of thousands (a setting: the press often quotes unrounded figures), households 1.5 × the individual amount,
 * and the rule for awards that coincide. The periods of the base salary, the decree and the article holding each
 * award's coefficient are data (catalogue.yaml `meta`).
 */
import { type Catalogue, catalogue as defaultCatalogue } from '../catalogue/catalogue.ts';
import { type Settings, defaultSettings } from '../catalogue/settings.ts';
import type { SubjectKind } from './contract.ts';

export interface MoneyOptions {
  settings?: Partial<Settings> | Record<string, unknown>;
  catalogue?: Catalogue;
}

export interface RewardAmount {
  award: string;
  subjectKind: SubjectKind;
  coefficient: number;
  baseSalary: number;
  raw: number;
  amount: number;
  rounding: string;
  basis: string;
}

/** The base salary in force on a date (a period whose decree is unconfirmed reads its amount from a setting). */
export function baseSalaryOn(date: string, opts: MoneyOptions = {}): { amount: number; basis: string } | null {
  const cat = opts.catalogue ?? defaultCatalogue();
  const settings = { ...defaultSettings(), ...opts.settings } as Settings;
  const row = cat.baseSalaries.find((b) => b.from <= date && (b.to === null || date <= b.to));
  if (!row) return null;
  if (row.setting) return { amount: Number(settings[row.setting]), basis: row.basis };
  return { amount: row.amount, basis: row.basis };
}

/** The article of the decree that holds an award's coefficient (catalogue.yaml: by code, else by kind), with the
 *  clause and point the award's legal basis cites, e.g. "Điều 50 khoản 1 điểm d". */
function coefficientArticle(cat: Catalogue, award: string): string {
  const def = cat.byCode.get(award);
  const { articleByCode, articleByKind, decree } = cat.money;
  const n = articleByCode.get(award) ?? articleByKind[def?.kind ?? 'title'];
  const m = def?.legalBasis.match(new RegExp(`${decree.citedAs} Art ${n}((?:\\([^)]+\\))*)`));
  const parts = m?.[1] ? [...m[1].matchAll(/\(([^)]+)\)/g)].map((x) => x[1]) : [];
  const clause = parts[0] && /^\d+$/.test(parts[0]) ? ` khoản ${parts[0]}` : '';
  const point = parts[1] ? ` điểm ${parts[1]}` : '';
  return `Điều ${n}${clause}${point}`;
}

/** The coefficient of an award for a subject kind; households get the setting's multiple of the individual one. */
function coefficientOf(cat: Catalogue, settings: Settings, award: string, kind: SubjectKind): number | null {
  const def = cat.byCode.get(award);
  if (!def) return null;
  if (kind === 'household') {
    const individual = def.coefficient.individual;
    if (individual !== undefined && def.kind === 'form') return individual * Number(settings.household_multiplier);
    return def.coefficient.household ?? null;
  }
  return def.coefficient[kind] ?? null;
}

/**
 * The money for one award, or null when the catalogue gives no amount (e.g. city titles, medals).
 * @example rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2026-12-20' })?.amount // 760000
 */
export function rewardAmount(args: { award: string; subjectKind: SubjectKind; decisionDate: string }, opts: MoneyOptions = {}): RewardAmount | null {
  const key = `${args.award}|${args.subjectKind}|${args.decisionDate}`;
  const memo = opts.settings ? memoOf(opts.catalogue ?? defaultCatalogue(), opts.settings) : undefined;
  if (memo?.has(key)) return memo.get(key) ?? null;
  const out = computeAmount(args, opts);
  memo?.set(key, out);
  return out;
}

// Amounts depend only on (award, kind, date), the catalogue and the settings object: discovery asks the same
// questions millions of times. Keyed by both objects (another catalogue, e.g. a test's, has other amounts).
const amountCache = new WeakMap<Catalogue, WeakMap<object, Map<string, RewardAmount | null>>>();
function memoOf(cat: Catalogue, settings: object): Map<string, RewardAmount | null> {
  let bySettings = amountCache.get(cat);
  if (!bySettings) amountCache.set(cat, (bySettings = new WeakMap()));
  let memo = bySettings.get(settings);
  if (!memo) bySettings.set(settings, (memo = new Map()));
  return memo;
}

function computeAmount(args: { award: string; subjectKind: SubjectKind; decisionDate: string }, opts: MoneyOptions): RewardAmount | null {
  const cat = opts.catalogue ?? defaultCatalogue();
  const settings = { ...defaultSettings(), ...opts.settings } as Settings;
  const coefficient = coefficientOf(cat, settings, args.award, args.subjectKind);
  const base = baseSalaryOn(args.decisionDate, opts);
  if (coefficient === null || !base) return null;
  // Work in whole đồng to keep 0.3 × 2,530,000 exact.
  const raw = Math.round(coefficient * base.amount);
  const rounding = String(settings.money_rounding);
  const amount = rounding === 'ceil_to_10000' ? Math.ceil(raw / 10_000) * 10_000 : raw;
  const household = args.subjectKind === 'household' ? `; hộ gia đình bằng ${String(Number(settings.household_multiplier)).replace('.', ',')} lần mức cá nhân` : '';
  const { decree } = cat.money;
  return { award: args.award, subjectKind: args.subjectKind, coefficient, baseSalary: base.amount, raw, amount, rounding, basis: `${decree.name}, ${coefficientArticle(cat, args.award)}; Điều ${decree.methodArticle} (cách tính); lương cơ sở theo ${base.basis}${household}` };
}

export interface ConcurrentItem {
  award: string;
  subjectKind: SubjectKind;
  decisionDate: string;
  periodFrom: number;
  periodTo: number;
}

/**
 * Which amounts are paid when awards coincide (NĐ 152 Art 49): different achievement periods → each is paid;
 * titles for the same period → only the highest; a title and a form at the same time → both.
 */
export function concurrentRewards(items: ConcurrentItem[], opts: MoneyOptions = {}): { award: string; amount: number; paid: boolean; reasonVi: string; reasonEn: string }[] {
  const cat = opts.catalogue ?? defaultCatalogue();
  const amounts = items.map((i) => rewardAmount(i, opts)?.amount ?? 0);
  return items.map((item, i) => {
    const kind = cat.byCode.get(item.award)?.kind;
    const rival = items.findIndex((other, j) => {
      if (j === i || cat.byCode.get(other.award)?.kind !== kind || kind === 'form') return false;
      const samePeriod = other.periodFrom === item.periodFrom && other.periodTo === item.periodTo;
      return samePeriod && (amounts[j] > amounts[i] || (amounts[j] === amounts[i] && j < i));
    });
    if (kind !== 'form' && rival >= 0) {
      const name = cat.byCode.get(items[rival].award)?.nameVi ?? items[rival].award;
      return { award: item.award, amount: amounts[i], paid: false, reasonVi: `Cùng thời gian thành tích với ${name} (mức cao hơn): chỉ nhận mức tiền thưởng cao nhất`, reasonEn: `Same achievement period as ${items[rival].award} (higher): only the highest amount is paid` };
    }
    return { award: item.award, amount: amounts[i], paid: true, reasonVi: 'Được nhận tiền thưởng', reasonEn: 'Paid' };
  });
}
