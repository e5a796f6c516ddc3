import type { AppConfig, LocalizedText } from '../api/types';
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
}

export const coreNav: NavItem[] = [
  { to: '/queue', label: 'nav.queue', icon: 'inbox', primary: true },
  { to: '/new', label: 'nav.new', icon: 'plus', primary: true },
  { to: '/dashboard', label: 'nav.dashboard', icon: 'chart', primary: true },
  { to: '/inbox', label: 'nav.inbox', icon: 'bell' },
  { to: '/reports', label: 'nav.reports', icon: 'flag' },
  { to: '/orgs', label: 'nav.orgs', icon: 'tree' },
  { to: '/workflows', label: 'nav.workflows', icon: 'flow' },
  { to: '/admin/people', label: 'nav.people', icon: 'user', adminOnly: true },
  { to: '/account', label: 'nav.account', icon: 'user' },
];

/** The core menu a person sees: administration pages only for administrators. */
export const navFor = (admin: boolean): NavItem[] => coreNav.filter((n) => admin || !n.adminOnly);

/** Every page a plugin declares and does not hide: plugins reach the menu without an edit to the app. */
export function pluginNav(config: AppConfig | null): NavItem[] {
  return (config?.plugins ?? []).flatMap((p) =>
    (p.web?.pages ?? []).filter((page) => !page.hidden).map((page) => ({ to: `/p/${p.name}/${page.id}`, label: page.title, icon: page.kind === 'form' ? 'plus' : 'grid', group: p.title }) satisfies NavItem),
  );
}
