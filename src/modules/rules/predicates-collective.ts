/**
 * Predicates over a collective's members and facts in the year under review (Law Art 25–28): the share of members
 * holding a title, every member completing their tasks, at least N members holding a title, no member
 * disciplined at level L or above, and the collective's own facts (led its cluster, exceeded its targets). Every
 * count of `collective` is optional (the contract): an unknown one that decides answers review, naming it.
 */
import { z } from 'zod';
import { DISCIPLINE_RANK, type DisciplineLevel } from './contract.ts';
import type { Facts } from './facts.ts';
import { DISCIPLINE_EN, DISCIPLINE_VI } from './text.ts';
import { INF, type PredicateOutcome, met, predicate, review, titleName, unmet, yearOf, zAward, zLevel, zTimes } from './vocabulary.ts';

/** A collective's member statistics are read for the year under review only: discovery loads no other year's
 *  (HistoryOptions.memberStatsFrom); a criterion over other years' members must change that first. */
function collectiveOf(f: Facts) {
  return yearOf(f, f.year)?.collective;
}
const noCollectiveData = (f: Facts) => review(() => [`${f.year}: chưa có số liệu thành viên của tập thể`, `${f.year}: no member figures for the collective`]);
const noMemberCount = (f: Facts) => review(() => [`${f.year}: chưa có tổng số thành viên của tập thể`, `${f.year}: the collective's number of members is unknown`]);

/** The count of members holding a title, or the outcome to answer when it is unknown. */
function membersWith(f: Facts, title: string): { members: number | undefined; have: number } | PredicateOutcome {
  const c = collectiveOf(f);
  if (!c) return noCollectiveData(f);
  if (c.memberTitles === undefined) return review(() => [`${f.year}: chưa có số thành viên đạt danh hiệu`, `${f.year}: members' titles unknown`]);
  return { members: c.members, have: c.memberTitles[title] ?? 0 };
}

/** At least `pct` % of the members hold a title (Law Art 28(1)(c): 70 % Advanced workers). */
export const memberShare = predicate({ title: zAward, pct: z.number().min(0).max(100).default(70) }, (f, p) => {
  const m = membersWith(f, p.title);
  if ('status' in m) return m;
  const { have, members } = m;
  if (members === undefined) return noMemberCount(f);
  const { pct, title } = p;
  const share = members > 0 ? (100 * have) / members : 0;
  const needCount = Math.ceil((pct * members) / 100 - 1e-9);
  const shareText = (Math.round(share * 10) / 10).toString().replace('.', ',');
  const nameVi = titleName(f, title, 'vi');
  const nameEn = titleName(f, title, 'en');
  if (members > 0 && have >= needCount) return met(() => [`${f.year}: ${have}/${members} thành viên (${shareText}%) đạt ${nameVi}, từ ${pct}% trở lên`, `${f.year}: ${have} of ${members} members (${share.toFixed(1)}%) are ${nameEn}, at least ${pct}%`]);
  const gap = Math.max(1, needCount - have);
  return unmet(gap, () => [`${f.year}: ${have}/${members} thành viên (${shareText}%) đạt ${nameVi}, dưới ${pct}%`, `${f.year}: ${have} of ${members} members (${share.toFixed(1)}%) are ${nameEn}, under ${pct}%`, `Thêm ${gap} thành viên đạt ${nameVi} (cần ${needCount}/${members})`, `${gap} more member(s) with ${nameEn} (${needCount} of ${members} needed)`]);
}, (p) => [p.title]);

/** Every member completed their tasks (Law Art 27(1)(c)). */
export const membersCompletedAll = predicate({}, (f) => {
  const c = collectiveOf(f);
  if (!c) return noCollectiveData(f);
  if (c.membersCompletedTasks === undefined) return review(() => [`${f.year}: chưa có số thành viên hoàn thành nhiệm vụ`, `${f.year}: the number of members who completed their tasks is unknown`]);
  if (c.members === undefined) return noMemberCount(f);
  const members = c.members;
  if (members > 0 && c.membersCompletedTasks >= members) return met(() => [`${f.year}: 100% thành viên (${members}/${members}) hoàn thành nhiệm vụ`, `${f.year}: all ${members} members completed their tasks`]);
  const gap = Math.max(1, members - c.membersCompletedTasks);
  return unmet(gap, () => [`${f.year}: ${c.membersCompletedTasks}/${members} thành viên hoàn thành nhiệm vụ, chưa đủ 100%`, `${f.year}: ${c.membersCompletedTasks} of ${members} members completed their tasks, not 100%`, 'Toàn bộ thành viên hoàn thành nhiệm vụ', 'Every member completing their tasks']);
});

/** At least `min` members hold a title (Law Art 27(1)(c): a grassroots emulation fighter). */
export const memberTitleCount = predicate({ title: zAward, min: zTimes.default(1) }, (f, p) => {
  const m = membersWith(f, p.title);
  if ('status' in m) return m;
  const { have } = m;
  const need = p.min;
  const nameVi = titleName(f, p.title, 'vi');
  const nameEn = titleName(f, p.title, 'en');
  if (have >= need) return met(() => [`${f.year}: ${have} thành viên đạt ${nameVi}`, `${f.year}: ${have} member(s) are ${nameEn}`]);
  const missing: [string, string] = [`${need - have} thành viên đạt ${nameVi}`, `${need - have} member(s) with ${nameEn}`];
  if (have === 0) return unmet(need, () => [`${f.year}: không có thành viên đạt ${nameVi}`, `${f.year}: no member is ${nameEn}`, ...missing]);
  return unmet(need - have, () => [`${f.year}: ${have} thành viên đạt ${nameVi}, cần ${need}`, `${f.year}: ${have} member(s) are ${nameEn}, ${need} needed`, ...missing]);
}, (p) => [p.title]);

/** No member disciplined at `level` or above (Law Art 28(1)(c): a warning). */
export const noMemberDisciplined = predicate({ level: zLevel }, (f, p) => {
  const c = collectiveOf(f);
  if (!c) return noCollectiveData(f);
  if (c.membersDisciplined === undefined) return review(() => [`${f.year}: chưa có số thành viên bị kỷ luật`, `${f.year}: members' discipline unknown`]);
  const floor = DISCIPLINE_RANK[p.level];
  const hits = Object.entries(c.membersDisciplined).filter(([lvl, n]) => n > 0 && (DISCIPLINE_RANK[lvl as DisciplineLevel] ?? 0) >= floor);
  const levelVi = DISCIPLINE_VI[p.level];
  const levelEn = DISCIPLINE_EN[p.level];
  if (hits.length === 0) return met(() => [`${f.year}: không có thành viên bị kỷ luật từ ${levelVi} trở lên`, `${f.year}: no member disciplined at ${levelEn} or above`]);
  const list = hits.map(([lvl, n]) => `${n} ${DISCIPLINE_VI[lvl as DisciplineLevel] ?? lvl}`).join(', ');
  const listEn = hits.map(([lvl, n]) => `${n} ${DISCIPLINE_EN[lvl as DisciplineLevel] ?? lvl}`).join(', ');
  return unmet(INF, () => [`${f.year}: có thành viên bị kỷ luật (${list})`, `${f.year}: members disciplined (${listEn})`]);
});

/** The collective's own facts of the year: it led its emulation cluster/block, it exceeded its targets. */
const FACTS = { ledCluster: ['dẫn đầu cụm, khối thi đua', 'led its emulation cluster/block', 'lead its emulation cluster/block'], exceededTargets: ['hoàn thành vượt mức các chỉ tiêu, nhiệm vụ', 'exceeded its targets and tasks', 'exceed its targets and tasks'] } as const;
export const collectiveFact = predicate({ fact: z.enum(['ledCluster', 'exceededTargets']) }, (f, p) => {
  const [vi, en, enNot] = FACTS[p.fact];
  const v = collectiveOf(f)?.[p.fact];
  if (v === undefined) return review(() => [`${f.year}: chưa rõ có ${vi} hay không`, `${f.year}: unknown whether it ${en}`]);
  return v ? met(() => [`${f.year}: ${vi}`, `${f.year}: ${en}`]) : unmet(INF, () => [`${f.year}: không ${vi}`, `${f.year}: did not ${enNot}`]);
});
