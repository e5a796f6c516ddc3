import { Link } from 'react-router';
import { LangSwitch } from '../app/Layout';
import { useMenu } from '../app/useMenu';
import { useSession } from '../auth/session';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';

/** The phone's full menu: everything that does not fit in the bottom bar. */
export function MorePage() {
  const { me, logout } = useSession();
  const { t, pick } = useI18n();
  const { core, plugins } = useMenu();
  const items = [...core.filter((n) => !n.primary), ...plugins];
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('nav.more')}</h1>
      </header>
      <section className="card me-card">
        <span className="avatar" aria-hidden="true">
          {me?.name.slice(0, 1)}
        </span>
        <div>
          <p className="me-name">{me?.name}</p>
          <p className="muted">{me?.roles.map((r) => r.gridName ?? r.orgName).filter((v, i, a) => a.indexOf(v) === i).join('、')}</p>
        </div>
      </section>
      <ul className="menu-list card">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="menu-link">
              <Icon name={item.icon} />
              <span className="menu-label">
                {typeof item.label === 'string' ? t(item.label) : pick(item.label)}
                {item.group && <span className="menu-group">{pick(item.group)}</span>}
              </span>
              <Icon name="chevronRight" size={18} className="menu-chevron" />
            </Link>
          </li>
        ))}
      </ul>
      <div className="card menu-actions">
        <LangSwitch />
        <button type="button" className="btn btn-secondary" onClick={() => void logout()}>
          <Icon name="logout" size={18} />
          {t('nav.logout')}
        </button>
      </div>
    </div>
  );
}
