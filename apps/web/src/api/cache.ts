import { api } from './client';
import type { FormDoc, Grid, Org, OrgType, Page, RoleInfo, Workflow } from './types';

/**
 * Things that do not change while the app runs (the deployment's workflows,
 * forms, roles, the org tree): fetched once per session and shared. A failed
 * fetch is forgotten so the next call retries.
 */
const cache = new Map<string, Promise<unknown>>();

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Forget some entries: an administrator changed the org tree or the grids, so the next page loads them afresh. */
export function forget(...keys: string[]): void {
  for (const k of keys) cache.delete(k);
}

/** Forget everything (on logout: the next person may see a different tree). */
export function clearCache(): void {
  cache.clear();
}

async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api<Page<T>>(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const loadOrgs = () => cached('orgs', () => allPages<Org>('/api/orgs'));
export const loadGrids = () => cached('grids', () => allPages<Grid>('/api/grids'));
export const loadWorkflows = () => cached('workflows', async () => (await api<{ items: Workflow[] }>('/api/workflows')).items);
export const loadRoles = () => cached('roles', () => api<{ roles: RoleInfo[]; orgTypes: OrgType[]; orgAttributes?: Record<string, Record<string, string>> }>('/api/roles'));
export const loadForm = (id: string) => cached(`form:${id}`, () => api<FormDoc>(`/api/forms/${encodeURIComponent(id)}`));
