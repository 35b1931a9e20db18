/**
 * Quotas (hạn mức): caps per award, unit and year, checked on a batch of proposals together with what was
 * already awarded. Pure: the caller passes the caps, the batch and the counts already used.
 */
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';

export interface QuotaCap {
  id: number | null;
  award: string;
  awardName: string;
  /** null = the whole city. */
  unitId: number | null;
  unitName: string | null;
  /** null = every year. */
  year: number | null;
  max: number;
  basis: string;
}

export interface QuotaItem {
  award: string;
  year: number;
  /** The subject's unit and all its ancestors, so that a cap on a parent unit counts it. */
  unitChain: number[];
}

export interface QuotaViolation {
  capId: number | null;
  award: string;
  awardName: string;
  unitId: number | null;
  unitName: string | null;
  year: number;
  max: number;
  used: number;
  proposed: number;
  count: number;
  basis: string;
  messageVi: string;
  messageEn: string;
}

/**
 * The caps the catalogue itself sets: a city title's yearly maximum city-wide (catalogue.yaml `quota.per_year`, e.g.
 * QĐ 71/2025 of Hà Nội: ten Công dân Thủ đô ưu tú a year), at the value of the setting that may replace it.
 */
export function catalogueCaps(cat: Catalogue, settings: Settings): QuotaCap[] {
  const out: QuotaCap[] = [];
  for (const a of cat.awards) {
    const cap = a.yearlyCap;
    if (!cap) continue;
    const max = cap.setting !== null && settings[cap.setting] !== undefined ? Number(settings[cap.setting]) : cap.max;
    out.push({ id: null, award: a.code, awardName: a.nameVi, unitId: null, unitName: null, year: null, max, basis: cap.basis });
  }
  return out;
}

const applies = (cap: QuotaCap, item: QuotaItem) => cap.award === item.award && (cap.year === null || cap.year === item.year) && (cap.unitId === null || item.unitChain.includes(cap.unitId));

/**
 * Every cap the batch would exceed, per year.
 * @param used awards already given under a cap in a year (decided or already approved)
 * @example checkQuotas(items, [{ award: 'outstanding_capital_citizen', max: 10, … }], () => 3)
 */
export function checkQuotas(items: QuotaItem[], caps: QuotaCap[], used: (cap: QuotaCap, year: number) => number): QuotaViolation[] {
  const out: QuotaViolation[] = [];
  for (const cap of caps) {
    const byYear = new Map<number, number>();
    for (const item of items) if (applies(cap, item)) byYear.set(item.year, (byYear.get(item.year) ?? 0) + 1);
    for (const [year, proposed] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const already = used(cap, year);
      const count = already + proposed;
      if (count <= cap.max) continue;
      const where = cap.unitName ? ` tại ${cap.unitName}` : '';
      const whereEn = cap.unitName ? ` in ${cap.unitName}` : '';
      out.push({
        capId: cap.id, award: cap.award, awardName: cap.awardName, unitId: cap.unitId, unitName: cap.unitName, year, max: cap.max, used: already, proposed, count, basis: cap.basis,
        messageVi: `Vượt hạn mức ${cap.awardName}${where} năm ${year}: tối đa ${cap.max}, đã có ${already}, đề nghị thêm ${proposed} (${cap.basis})`,
        messageEn: `Over the cap for ${cap.award}${whereEn} in ${year}: at most ${cap.max}, ${already} already, ${proposed} more proposed (${cap.basis})`,
      });
    }
  }
  return out;
}
