import type { Queryable } from '../../server/db.ts';
import type { Locale } from '../../shared/i18n/messages.ts';
import type { AuthUser, Permission } from '../auth/roles.ts';
import { type Scope, resolveScope } from '../auth/scope.ts';

/**
 * The inbox (hộp việc, issue 12 §7): what waits for the signed-in user, with counts and deadlines. Each module
 * above registers a source at module load (dossiers: to receive, appraise, fix; evaluations: to decide; …); the
 * inbox asks them all. A source counts in SQL within the user's scope and returns its first items by due date.
 */
export interface InboxItem {
  kind: string;
  entity: string;
  entityId: number;
  title: string;
  unitId: number | null;
  unitName: string | null;
  /** The deadline (a working-day count already applied, calendar module), or null when there is none. */
  dueOn: string | null;
  overdue: boolean;
  /** App path of the item, e.g. `/dossiers/12`. */
  link: string;
}

export interface InboxGroup {
  kind: string;
  /** What the group is, in both languages (the web shows `kind` when absent). */
  label?: Record<Locale, string>;
  count: number;
  overdue: number;
  /** The first items (at most 50) by due date, those without one last. */
  items: InboxItem[];
}

export type InboxSource = (q: Queryable, user: AuthUser, scopeFor: (permission: Permission) => Promise<Scope>) => Promise<InboxGroup | InboxGroup[]>;

export const INBOX_ITEMS_PER_GROUP = 50;

const sources = new Map<string, InboxSource>();

/** Registers a source of the inbox under a name (once; the same function again is a no-op). */
export function registerInboxSource(name: string, source: InboxSource): void {
  const known = sources.get(name);
  if (known && known !== source) throw new Error(`Inbox source ${name} is registered twice`);
  sources.set(name, source);
}

export interface InboxGroupView extends InboxGroup {
  source: string;
}

/**
 * Every source's groups for a user (empty groups left out), the scopes resolved once per permission. A source
 * that fails is reported to `onError` and left out: one module's bug does not empty everyone's inbox.
 */
export async function inboxOf(q: Queryable, user: AuthUser, onError: (source: string, error: unknown) => void): Promise<InboxGroupView[]> {
  const scopes = new Map<Permission, Promise<Scope>>();
  const scopeFor = (p: Permission) => {
    let s = scopes.get(p);
    if (!s) scopes.set(p, (s = resolveScope(q, user, p)));
    return s;
  };
  const out: InboxGroupView[] = [];
  // One after the other: on PGlite there is one connection anyway, and a server's pool serves other requests.
  for (const [name, source] of sources) {
    try {
      const result = await source(q, user, scopeFor);
      for (const g of Array.isArray(result) ? result : [result]) {
        if (g.count > 0) out.push({ ...g, source: name, items: sortItems(g.items).slice(0, INBOX_ITEMS_PER_GROUP) });
      }
    } catch (error) {
      onError(name, error);
    }
  }
  return out;
}

const sortItems = (items: InboxItem[]) => [...items].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.entityId - b.entityId);
