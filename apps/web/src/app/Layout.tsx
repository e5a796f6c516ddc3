import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { setLang, useI18n } from '../i18n';
import { useUnread } from '../escalations/useUnread';
import type { NavItem } from './nav';
import { useMenu, useMenuHints } from './useMenu';

function NavLabel({ item }: { item: NavItem }) {
  const { t, pick } = useI18n();
  return <>{typeof item.label === 'string' ? t(item.label) : pick(item.label)}</>;
}

export function LangSwitch() {
  const { t, lang } = useI18n();
  return (
    <button type="button" className="icon-btn lang-switch" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} aria-label={t('nav.switchLanguage')}>
      <Icon name="globe" size={18} />
      <span>{lang === 'en' ? '中文' : 'EN'}</span>
    </button>
  );
}

/** The frame of every page after login: header with the city's name, side menu on wide screens, bottom bar on phones. */
export function Layout() {
  const { config, me, logout } = useSession();
  const { t, pick } = useI18n();
  const location = useLocation();
  const { core, plugins } = useMenu();
  const { staff } = useMenuHints();
  const tabs = core.filter((n) => n.primary);
  const groups = [...new Map(plugins.map((p) => [pick(p.group), p.group])).values()];
  // A ticket page belongs to the queue tab; everything outside the primary tabs to "more".
  const inQueue = location.pathname.startsWith('/tickets/') || location.pathname.startsWith('/me/requests/');
  const unread = useUnread(location.pathname);
  const moreActive = !inQueue && !tabs.some((n) => location.pathname.startsWith(n.to));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label={t('nav.home')}>
          <span className="brand-mark" aria-hidden="true">
            邻
          </span>
          <span className="brand-text">
            <span className="brand-title">{pick(config?.title) || t('app.name')}</span>
            <span className="brand-sub">{t('app.tagline')}</span>
          </span>
        </NavLink>
        <div className="topbar-actions">
          {/* Staff get reminders and whistles; anyone else sees the bell only once something arrives for them. */}
          {(staff || unread > 0) && (
            <NavLink to="/inbox" className="icon-btn topbar-bell" aria-label={t('inbox.bell', { count: unread })}>
              <Icon name="bell" size={20} />
              {unread > 0 && (
                <span className="bell-count" aria-hidden="true">
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </NavLink>
          )}
          <LangSwitch />
          <span className="topbar-user" title={me?.username}>
            <Icon name="user" size={18} />
            <span className="topbar-user-name">{me?.name}</span>
          </span>
          <button type="button" className="icon-btn topbar-logout" onClick={() => void logout()} aria-label={t('nav.logout')}>
            <Icon name="logout" size={18} />
            <span className="hide-sm">{t('nav.logout')}</span>
          </button>
        </div>
      </header>

      <div className="frame">
        <nav className="sidenav" aria-label={t('nav.main')}>
          <ul>
            {core.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="sidenav-link">
                  <Icon name={item.icon} />
                  <NavLabel item={item} />
                </NavLink>
              </li>
            ))}
          </ul>
          {groups.map((g) => (
            <div key={pick(g)} className="sidenav-group">
              <p className="sidenav-heading">{pick(g)}</p>
              <ul>
                {plugins
                  .filter((p) => pick(p.group) === pick(g))
                  .map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} className="sidenav-link">
                        <Icon name={item.icon} />
                        <NavLabel item={item} />
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>

        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>

      <nav className="tabbar" aria-label={t('nav.main')}>
        {tabs.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === '/me'} className={({ isActive }) => `tabbar-link ${isActive || (inQueue && (item.to === '/queue' || item.to === '/me')) ? 'active' : ''}`}>
              <Icon name={item.icon} size={22} />
              <span>
                <NavLabel item={item} />
              </span>
            </NavLink>
          ))}
        <NavLink to="/more" className={`tabbar-link ${moreActive ? 'active' : ''}`}>
          <Icon name="more" size={22} />
          <span>{t('nav.more')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
