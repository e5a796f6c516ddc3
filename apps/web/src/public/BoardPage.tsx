import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/useApi';
import { LangSwitch } from '../app/Layout';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { BoardSection } from './BoardSection';
import type { Board } from './types';

/**
 * The public notice board 公示栏 (no login): the city's, or one community's
 * at /board/<orgId>. Its sections come from the server (the core's figures
 * and what each enabled plugin declares public), so the app names no plugin.
 */
export function BoardPage() {
  const { orgId } = useParams();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const url = `/api/public/board${orgId ? `?orgId=${encodeURIComponent(orgId)}` : ''}`;
  const { data, error, loading, reload } = useLoad(url, (signal) => api<Board>(url, { signal }));
  return (
    <div className="page page-narrow board">
      <header className="page-head">
        <div>
          <div className="eyebrow">{data ? pick(data.city) : ''}</div>
          <h1>{data ? t('board.title', { place: data.place.type === 'city' ? t('board.city') : data.place.name }) : t('board.heading')}</h1>
          <p className="page-sub">{t('board.sub')}</p>
        </div>
        <div className="head-actions">
          <LangSwitch />
        </div>
      </header>
      {loading && <Loading />}
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {data && (
        <>
          <div className="field board-place">
            <label htmlFor="board-place">{t('board.choose')}</label>
            <select id="board-place" value={orgId ?? ''} onChange={(e) => navigate(e.target.value ? `/board/${e.target.value}` : '/board')}>
              <option value="">{t('board.city')}</option>
              {data.communities.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          {data.sections.map((s) => (
            <BoardSection key={s.source} section={s} />
          ))}
          <p className="page-sub board-foot">
            {t('board.privacy')} <Link to="/login">{t('board.staff')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
