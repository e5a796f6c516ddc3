import type { Grid, Org, Person } from '../api/types';
import { useDeployment } from '../api/useDeployment';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { EmptyState, Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { orgName } from '../lib/orgs';

interface Props {
  org: Org;
  typeTitle: (o: Org) => string;
  side: Org[];
  grids: Grid[];
  people: Person[];
  peopleLoading: boolean;
  peopleError: Error | undefined;
  onPick: (id: string) => void;
}

/** One org: the side organizations attached to it, its grids, and who holds which role there. */
export function OrgDetail({ org, typeTitle, side, grids, people, peopleLoading, peopleError, onPick }: Props) {
  const { t, lang, pick } = useI18n();
  const dep = useDeployment();
  const roleTitle = (id: string) => pick(dep.role(id)?.title) || id;
  return (
    <section className="card org-detail" aria-labelledby="org-title" aria-live="polite">
      <p className="muted">{typeTitle(org)}</p>
      <h2 id="org-title" className="org-title">
        {orgName(org, lang)}
      </h2>

      {side.length > 0 && (
        <>
          <h3 className="section-title">{t('orgs.side')}</h3>
          <ul className="chip-list">
            {side.map((s) => (
              <li key={s.id}>
                <button type="button" className="chip" onClick={() => onPick(s.id)}>
                  {orgName(s, lang)}
                  <span className="chip-note">{typeTitle(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="section-title">{t('orgs.grids')}</h3>
      {grids.length === 0 ? (
        <p className="muted">{t('orgs.noGrids')}</p>
      ) : (
        <ul className="grid-list">
          {grids.map((g) => (
            <li key={g.id} className="grid-item">
              <span className="grid-icon" aria-hidden="true">
                <Icon name="grid" size={18} />
              </span>
              <div>
                <p className="grid-name">{g.name}</p>
                <p className="muted">{t('orgs.covers', { list: g.covers.map((c) => c.name).join('、') })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3 className="section-title">{t('orgs.people')}</h3>
      {peopleError && <ErrorNotice error={peopleError} />}
      {peopleLoading && <Loading />}
      {!peopleLoading && !peopleError && people.length === 0 && <EmptyState icon="user" title={t('orgs.noPeople')} />}
      {people.length > 0 && (
        <ul className="people-list">
          {people.map((p) => (
            <li key={p.id} className="person">
              <span className="avatar" aria-hidden="true">
                {p.name.slice(0, 1)}
              </span>
              <div className="person-text">
                <p className="person-name">
                  {p.name}
                  {p.phone && <span className="person-phone">{p.phone}</span>}
                </p>
                <ul className="role-list">
                  {p.roles.map((r) => (
                    <li key={r.id} className="role-tag">
                      {roleTitle(r.role)}
                      <span className="role-at">@ {r.gridName ?? r.orgName}</span>
                    </li>
                  ))}
                </ul>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
