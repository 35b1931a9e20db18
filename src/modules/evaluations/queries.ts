import type { Queryable } from '../../server/db.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { capSettings, groupCaps } from './decide.ts';
import * as repo from './repo.ts';
import { schemes } from './schemes.ts';

/**
 * A unit's ratings page for a year: its people's evaluations and the collectives it decides, each with a name,
 * and the cap counter of every peer group (decided ratings, plus the excellent ones still proposed).
 */
export async function unitEvaluations(q: Queryable, unitId: number, year: number) {
  const list = await repo.evaluationsOfUnit(q, unitId, year);
  const people = new Map((await peopleWithOpenEmployment(q, list.flatMap((e) => (e.personId ? [e.personId] : [])))).map((p) => [p.id, p.full_name]));
  const units = await latestUnitNames(q, list.filter((e) => !e.personId).map((e) => e.unitId));
  const items = list.map((e) => ({ ...e, subjectName: (e.personId ? people.get(e.personId) : units.get(e.unitId)) ?? '' }));
  const groups = [...new Map(list.map((e) => [`${e.groupUnitId}|${e.subjectKind}|${e.peerGroup}`, { groupUnitId: e.groupUnitId, year, subjectKind: e.subjectKind, peerGroup: e.peerGroup }])).values()];
  const members = await repo.evaluationsOfGroups(q, groups);
  const { before } = await groupCaps(q, members);
  const proposed = new Map<string, number>();
  for (const e of members) {
    if (e.status !== 'decided' && e.proposedRating === 'excellent') {
      const key = `${e.groupUnitId}|${e.year}|${e.subjectKind}|${e.peerGroup}`;
      proposed.set(key, (proposed.get(key) ?? 0) + 1);
    }
  }
  const caps = [...before.entries()].map(([key, g]) => ({
    groupUnitId: g.groupUnitId, subjectKind: g.subjectKind, peerGroup: g.peerGroup, schemeId: g.schemeId, outstanding: g.outstanding, basis: g.basis,
    ...g.count, proposedExcellent: proposed.get(key) ?? 0,
  }));
  return { items, caps, capBase: (await capSettings(q)).base };
}

/** The schemes as the score-sheet modal shows them. */
export function schemesView() {
  return {
    items: schemes().map((s) => ({
      id: s.id, nameVi: s.name_vi, nameEn: s.name_en, legalBasis: s.legal_basis, effectiveFrom: s.effective_from, effectiveTo: s.effective_to, scaleMax: s.scale_max,
      bands: s.bands.map((b) => ({ rating: b.rating, minScore: b.min_score })),
      sheet: s.sheet.map((g) => ({ code: g.code, nameVi: g.name_vi, nameEn: g.name_en, max: g.max, children: g.children.map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en, max: c.max })) })),
      vetoes: s.vetoes.map((v) => ({ id: v.id, nameVi: v.name_vi, nameEn: v.name_en, subjects: v.subjects, basis: v.basis })),
      cap: s.cap ? { pct: s.cap.pct, outstandingPct: s.cap.outstanding_pct, basis: s.cap.basis } : null,
    })),
  };
}
