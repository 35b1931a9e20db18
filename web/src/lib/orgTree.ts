import { useQuery } from '@tanstack/react-query';
import { compareVietnamese, foldVietnamese } from '../../../src/shared/vietnamese.ts';
import { get } from '../api.ts';
import type { TreeResponse, Unit } from '../types.ts';

/** The flat unit list as of a date (the user's scope). */
export function useOrgTree(asOf: string) {
  return useQuery({ queryKey: ['org-tree', asOf], queryFn: () => get<TreeResponse>('/org/tree', { asOf }), staleTime: 30_000 });
}

export interface UnitNode { unit: Unit; children: UnitNode[] }

/** Builds the tree client-side; units whose parent is outside the list become roots. Children sorted in Vietnamese order. */
export function buildTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, { unit: u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareVietnamese(a.unit.name, b.unit.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Ids of units matching a folded query, plus their ancestors (to keep the path visible). */
export function matchingIds(units: Unit[], query: string): { visible: Set<number>; matches: Set<number> } | null {
  const q = foldVietnamese(query);
  if (!q) return null;
  const byId = new Map(units.map((u) => [u.id, u]));
  const matches = new Set<number>();
  const visible = new Set<number>();
  for (const u of units) {
    if (foldVietnamese(u.name).includes(q) || u.code.toLowerCase().includes(q) || (u.shortName && foldVietnamese(u.shortName).includes(q))) {
      matches.add(u.id);
      let cur: Unit | undefined = u;
      while (cur && !visible.has(cur.id)) {
        visible.add(cur.id);
        cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
      }
    }
  }
  return { visible, matches };
}

/** TreeSelect data: value = unit id. */
export interface SelectNode { value: number; title: string; key: number; children?: SelectNode[] }
export function toSelectData(nodes: UnitNode[]): SelectNode[] {
  return nodes.map((n) => ({ value: n.unit.id, key: n.unit.id, title: n.unit.name, children: n.children.length ? toSelectData(n.children) : undefined }));
}

/** Accent-insensitive filter for TreeSelect and Select. */
export const foldFilter = (input: string, title: unknown) => foldVietnamese(String(title ?? '')).includes(foldVietnamese(input));
