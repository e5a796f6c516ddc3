import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { Icon } from '../components/Icon';
import { EmptyState } from '../components/Loading';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { FormPage } from '../plugins/FormPage';
import { HtmlPage } from '../plugins/HtmlPage';
import { TablePage } from '../plugins/TablePage';

/** Any page a plugin declares in GET /api/config, drawn by kind: the app needs no edit for a new plugin. */
export function PluginPage() {
  const { plugin = '', page: pageId = '' } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { config } = useSession();
  const { t, pick } = useI18n();
  const info = config?.plugins.find((p) => p.name === plugin);
  const page = info?.web?.pages?.find((p) => p.id === pageId);
  const params = Object.fromEntries(search.entries());
  const flash = (location.state as { flash?: string } | null)?.flash;

  if (!config) return null;
  if (!info || !page) {
    return (
      <div className="page">
        <EmptyState icon="puzzle" title={t('plugin.missing')} />
      </div>
    );
  }
  return (
    <div className="page">
      {page.hidden && (
        <nav className="crumbs" aria-label={t('nav.breadcrumb')}>
          <button type="button" className="link-btn" onClick={() => navigate(-1)}>
            <Icon name="chevronLeft" size={16} />
            {t('common.back')}
          </button>
        </nav>
      )}
      <header className="page-head">
        <div>
          <p className="eyebrow">{pick(info.title)}</p>
          <h1>{pick(page.title)}</h1>
        </div>
      </header>
      {flash && <Notice tone="success" title={flash} />}
      {page.kind === 'table' && <TablePage plugin={plugin} page={page} params={params} />}
      {page.kind === 'html' && <HtmlPage plugin={plugin} page={page} params={params} />}
      {page.kind === 'form' && <FormPage plugin={plugin} page={page} params={params} />}
    </div>
  );
}
