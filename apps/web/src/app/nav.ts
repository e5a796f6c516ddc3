import type { AppConfig, LocalizedText, Me } from '../api/types';
import type { IconName } from '../components/Icon';

/**
 * Who a core page is for. The server answers the person-specific parts
 * (`GET /api/me/menu`); the rest follows from roles and workflows. Absent:
 * everyone signed in.
 */
export type NavAudience = 'staff' | 'reports' | 'admin' | 'file';

export interface NavItem {
  to: string;
  /** An i18n key, or text from a plugin in both languages. */
  label: string | LocalizedText;
  icon: IconName;
  /** Shown in the phone's bottom bar (the rest sit behind "more"). */
  primary?: boolean;
  group?: LocalizedText;
  for?: NavAudience;
}

export const coreNav: NavItem[] = [
  { to: '/queue', label: 'nav.queue', icon: 'inbox', primary: true },
  { to: '/new', label: 'nav.new', icon: 'plus', primary: true, for: 'file' },
  { to: '/dashboard', label: 'nav.dashboard', icon: 'chart', primary: true, for: 'staff' },
  { to: '/map', label: 'nav.map', icon: 'pin', for: 'staff' },
  { to: '/inbox', label: 'nav.inbox', icon: 'bell', for: 'staff' },
  { to: '/reports', label: 'nav.reports', icon: 'flag', for: 'reports' },
  { to: '/orgs', label: 'nav.orgs', icon: 'tree', for: 'staff' },
  { to: '/workflows', label: 'nav.workflows', icon: 'flow', for: 'staff' },
  { to: '/admin/people', label: 'nav.people', icon: 'user', for: 'admin' },
  { to: '/admin/orgs', label: 'nav.orgAdmin', icon: 'tree', for: 'admin' },
  { to: '/admin/grids', label: 'nav.gridAdmin', icon: 'grid', for: 'admin' },
  { to: '/admin/registrations', label: 'nav.registrations', icon: 'user', for: 'admin' },
  { to: '/admin/open311', label: 'nav.open311', icon: 'puzzle', for: 'admin' },
  { to: '/account', label: 'nav.account', icon: 'user' },
];

/** The core menu a person sees: only the pages for one of the audiences they belong to (until known, the ones for everyone). */
export const navFor = (audiences: ReadonlySet<NavAudience>): NavItem[] => coreNav.filter((n) => !n.for || audiences.has(n.for));

/** A resident's menu: their portal (我的, with 我要反映) where staff have the queue. */
export const asResident = (items: NavItem[]): NavItem[] => items.map((n) => (n.to === '/queue' ? { ...n, to: '/me', label: 'nav.portal', icon: 'user' as const } : n));

/** Whether a page, widget or action declared for `roles` (or for staff only) is for this person (nothing declared: for everyone signed in). */
export function visibleTo(me: Pick<Me, 'roles'> | null | undefined, declared: { roles?: string[] | undefined; staffOnly?: boolean | undefined }, staff: boolean): boolean {
  if (declared.staffOnly && !staff) return false;
  if (!declared.roles?.length) return true;
  return !!me?.roles.some((r) => declared.roles!.includes(r.role));
}

/** Every page a plugin declares, does not hide and shows to one of my roles: plugins reach the menu without an edit to the app. */
export function pluginNav(config: AppConfig | null, me: Pick<Me, 'roles'> | null | undefined, staff: boolean): NavItem[] {
  return (config?.plugins ?? []).flatMap((p) =>
    (p.web?.pages ?? [])
      .filter((page) => !page.hidden && visibleTo(me, page, staff))
      .map((page) => ({ to: `/p/${p.name}/${page.id}`, label: page.title, icon: page.kind === 'form' ? 'plus' : 'grid', group: p.title }) satisfies NavItem),
  );
}

/** The plugin pages offered on a resident's portal (`portal: true`) to my roles: what a resident does in a practice, one tap from home. */
export function portalPages(config: AppConfig | null, me: Pick<Me, 'roles'> | null | undefined): NavItem[] {
  return (config?.plugins ?? []).flatMap((p) =>
    (p.web?.pages ?? [])
      .filter((page) => page.portal && !page.hidden && visibleTo(me, page, false))
      .map((page) => ({ to: `/p/${p.name}/${page.id}`, label: page.title, icon: page.kind === 'form' ? 'plus' : 'grid', group: p.title }) satisfies NavItem),
  );
}
