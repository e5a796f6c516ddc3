import type { AppConfig, LocalizedText, Me } from '../api/types';
import type { IconName } from '../components/Icon';

export interface NavItem {
  to: string;
  /** An i18n key, or text from a plugin in both languages. */
  label: string | LocalizedText;
  icon: IconName;
  /** Shown in the phone's bottom bar (the rest sit behind "more"). */
  primary?: boolean;
  group?: LocalizedText;
  /** Only for people holding an administrator role. */
  adminOnly?: boolean;
  /** Only for residents (every role sees only their own tickets): their portal. */
  residentOnly?: boolean;
  /** Not for residents (the map of everyone's tickets). */
  staffOnly?: boolean;
}

export const coreNav: NavItem[] = [
  { to: '/queue', label: 'nav.queue', icon: 'inbox', primary: true },
  { to: '/new', label: 'nav.new', icon: 'plus', primary: true },
  { to: '/dashboard', label: 'nav.dashboard', icon: 'chart', primary: true },
  { to: '/me', label: 'nav.portal', icon: 'user', residentOnly: true },
  { to: '/map', label: 'nav.map', icon: 'pin', staffOnly: true },
  { to: '/inbox', label: 'nav.inbox', icon: 'bell' },
  { to: '/reports', label: 'nav.reports', icon: 'flag' },
  { to: '/orgs', label: 'nav.orgs', icon: 'tree' },
  { to: '/workflows', label: 'nav.workflows', icon: 'flow' },
  { to: '/admin/people', label: 'nav.people', icon: 'user', adminOnly: true },
  { to: '/admin/open311', label: 'nav.open311', icon: 'puzzle', adminOnly: true },
  { to: '/account', label: 'nav.account', icon: 'user' },
];

/** The core menu a person sees: administration pages only for administrators; the portal for residents, the map for staff. */
export const navFor = (admin: boolean, resident = false): NavItem[] =>
  coreNav.filter((n) => (admin || !n.adminOnly) && (resident ? !n.staffOnly : !n.residentOnly));

/** Whether a page, widget or action declared for `roles` is for this person (no roles: for everyone signed in). */
export function visibleTo(me: Pick<Me, 'roles'> | null | undefined, declared: { roles?: string[] | undefined }): boolean {
  if (!declared.roles?.length) return true;
  return !!me?.roles.some((r) => declared.roles!.includes(r.role));
}

/** Every page a plugin declares, does not hide and shows to one of my roles: plugins reach the menu without an edit to the app. */
export function pluginNav(config: AppConfig | null, me: Pick<Me, 'roles'> | null | undefined): NavItem[] {
  return (config?.plugins ?? []).flatMap((p) =>
    (p.web?.pages ?? [])
      .filter((page) => !page.hidden && visibleTo(me, page))
      .map((page) => ({ to: `/p/${p.name}/${page.id}`, label: page.title, icon: page.kind === 'form' ? 'plus' : 'grid', group: p.title }) satisfies NavItem),
  );
}
