import { useMemo } from 'react';
import { cached } from '../api/cache';
import { api } from '../api/client';
import { useDeployment } from '../api/useDeployment';
import { useLoad } from '../api/useApi';
import { useSession } from '../auth/session';
import { mayFile } from '../lib/workflow';
import { asResident, navFor, pluginNav, type NavAudience, type NavItem } from './nav';
import { useIsAdmin } from './useIsAdmin';
import { useIsResident } from './useIsResident';

interface MenuHints {
  staff: boolean;
  reports: boolean;
}

/** What the server says of me for the menu (`GET /api/me/menu`); both false until it answers. */
export function useMenuHints(): MenuHints {
  const { me } = useSession();
  // Cached for the session (cleared at logout): every row's buttons ask, one request answers.
  const hints = useLoad(me ? `menu:${me.id}` : null, () => cached('menu', () => api<MenuHints>('/api/me/menu')));
  return hints.data ?? noHints;
}

const noHints: MenuHints = { staff: false, reports: false };

/**
 * The menu as this person should see it: core pages for their audiences,
 * plugin pages for their roles. A resident and a 城管 officer get different
 * lists, and nobody gets an entry that would always be empty for them.
 */
export function useMenu(): { core: NavItem[]; plugins: NavItem[] } {
  const { config, me } = useSession();
  const admin = useIsAdmin();
  const resident = useIsResident();
  const dep = useDeployment();
  const hints = useMenuHints();
  return useMemo(() => {
    const audiences = new Set<NavAudience>();
    if (admin) audiences.add('admin');
    if (hints.staff) audiences.add('staff');
    if (hints.reports) audiences.add('reports');
    if (me && dep.workflows.some((w) => mayFile(w, me.roles))) audiences.add('file');
    const core = navFor(audiences);
    return { core: resident ? asResident(core) : core, plugins: pluginNav(config, me, hints.staff) };
  }, [admin, resident, hints, me, dep.workflows, config]);
}
