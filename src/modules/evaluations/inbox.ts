import { cityToday } from '../../shared/clock.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { registerInboxSource } from '../notifications/inbox.ts';
import type { InboxItem } from '../notifications/inbox.ts';
import { inScope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { findUnit } from '../org/repo.ts';
import { proposalsWaiting } from './repo.ts';
import { submittedRegistrations } from './registrations.ts';

// What waits for the signed-in user in this module (the inbox, notifications/inbox.ts): ratings proposed and
// awaiting the head's decision (evaluation.decide over the deciding unit), one item per unit and year; and
// registrations submitted to the level above (registration.approve over the registering unit's superior).
// Ratings are due by a day of December of their year (setting `ratings_due_day_in_december`: the city's year-end
// dossiers leave units by 10/12, and the review needs the ratings first); registrations have no deadline the app
// knows (dueOn null).

registerInboxSource('evaluations', async (q, _user, scopeFor) => {
  const decide = await scopeFor('evaluation.decide');
  const waiting = decide.all || decide.unitIds.length ? await proposalsWaiting(q, decide.all ? null : decide.unitIds) : [];
  const names = await latestUnitNames(q, waiting.map((w) => w.groupUnitId));
  const dueDay = waiting.length ? Number((await currentSettings(q)).ratings_due_day_in_december ?? 5) : 5;
  const today = cityToday();
  const dueOf = (year: number) => `${year}-12-${String(dueDay).padStart(2, '0')}`;
  const items: InboxItem[] = waiting.map((w) => ({
    kind: 'evaluation.to_decide', entity: 'org_unit', entityId: w.groupUnitId, unitId: w.groupUnitId, unitName: names.get(w.groupUnitId) ?? null,
    title: `${w.count} xếp loại năm ${w.year} chờ quyết định`, dueOn: dueOf(w.year), overdue: today > dueOf(w.year), link: `/evaluations?unitId=${w.groupUnitId}&year=${w.year}`,
  })).sort((a, b) => (a.dueOn as string).localeCompare(b.dueOn as string));
  // Counts are of ratings (one item is a unit's year): overdue ones too.
  const ratings = {
    kind: 'evaluation.to_decide', label: { vi: 'Xếp loại chờ quyết định', en: 'Ratings awaiting my decision' },
    count: waiting.reduce((n, w) => n + w.count, 0), overdue: waiting.filter((w) => today > dueOf(w.year)).reduce((n, w) => n + w.count, 0), items,
  };

  const approve = await scopeFor('registration.approve');
  const submitted = approve.all || approve.unitIds.length ? await submittedRegistrations(q, approve.all ? null : approve.unitIds) : [];
  const mine = [];
  for (const r of submitted) {
    const parent = (await findUnit(q, r.unitId))?.parentId ?? null;
    if (parent === null ? approve.all : inScope(approve, parent)) mine.push(r);
  }
  const regNames = await latestUnitNames(q, mine.map((r) => r.unitId));
  const regItems: InboxItem[] = mine.map((r) => ({
    kind: 'registration.to_approve', entity: 'emulation_registration', entityId: r.id, unitId: r.unitId, unitName: regNames.get(r.unitId) ?? null,
    title: `Đăng ký thi đua năm ${r.year} (${r.items.length} danh hiệu)`, dueOn: null, overdue: false, link: `/registrations?unitId=${r.unitId}&year=${r.year}`,
  }));
  const registrations = { kind: 'registration.to_approve', label: { vi: 'Đăng ký thi đua chờ duyệt', en: 'Registrations awaiting my approval' }, count: regItems.length, overdue: 0, items: regItems };
  return [ratings, registrations];
});
