import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Org, RoleInfo } from '../api/types';
import { Notice } from '../components/Notice';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { isUnder } from '../lib/orgs';
import { refusalText, structureChanged, type AdminGrid } from './admin-api';
import { PersonSearch, type FoundPerson } from './PersonSearch';

interface Props {
  grid: AdminGrid;
  /** The orgs the administrator administers (the cover picker offers those under the grid's org). */
  orgs: readonly Org[];
  /** Roles held at a grid (网格长, 专职网格员…). */
  gridRoles: readonly RoleInfo[];
  onChanged: () => void;
}

/** One grid: rename it, the compounds and buildings it covers, and its members with their roles. */
export function GridCard({ grid, orgs, gridRoles, onChanged }: Props) {
  const { t, pick } = useI18n();
  const [name, setName] = useState(grid.name);
  const [cover, setCover] = useState('');
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const [role, setRole] = useState(gridRoles[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const home = orgs.find((o) => o.id === grid.orgId);
  const roleTitle = (id: string) => pick(gridRoles.find((r) => r.id === id)?.title) || id;
  const prefix = `grid-${grid.id}`;

  async function run(e: FormEvent | null, call: () => Promise<string>) {
    e?.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      setDone(await call());
      structureChanged();
      onChanged();
    } catch (err) {
      setProblem(refusalText(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="card-title">
        {grid.name}
        <span className="card-title-note">{grid.orgName}</span>
      </h2>
      {problem && <Notice tone="error" title={problem} />}
      {done && !problem && <Notice tone="success" title={done} />}

      <h3 className="section-title">{t('gridAdmin.covers')}</h3>
      {grid.covers.length === 0 ? (
        <p className="muted">{t('gridAdmin.noCovers')}</p>
      ) : (
        <ul className="chip-list" aria-label={t('gridAdmin.covers')}>
          {grid.covers.map((c) => (
            <li key={c.id}>
              <span className="chip">
                {c.name}
                <button
                  type="button"
                  className="link-btn"
                  aria-label={t('gridAdmin.uncover', { name: c.name })}
                  disabled={busy}
                  onClick={() =>
                    void run(null, async () => {
                      await api(`/api/admin/grids/${grid.id}/covers/${c.id}`, { method: 'DELETE' });
                      return t('gridAdmin.uncovered', { name: c.name });
                    })
                  }
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {home && (
        <form
          className="row-actions"
          noValidate
          onSubmit={(e) =>
            void run(e, async () => {
              const org = orgs.find((o) => o.id === cover);
              await api(`/api/admin/grids/${grid.id}/covers`, { body: { orgId: cover } });
              setCover('');
              return t('gridAdmin.covered', { name: org?.name ?? '' });
            })
          }
        >
          <label className="visually-hidden" htmlFor={`${prefix}-cover`}>
            {t('gridAdmin.addCover')}
          </label>
          <OrgSelect
            id={`${prefix}-cover`}
            orgs={orgs}
            value={cover}
            onChange={setCover}
            emptyLabel={t('gridAdmin.chooseCover')}
            filter={(o) => o.kind === 'level' && o.id !== home.id && isUnder(o, home) && !grid.covers.some((c) => c.id === o.id)}
          />
          <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !cover}>
            {t('gridAdmin.addCover')}
          </button>
        </form>
      )}

      <h3 className="section-title">{t('gridAdmin.members')}</h3>
      {grid.members.length === 0 ? (
        <p className="muted">{t('gridAdmin.noMembers')}</p>
      ) : (
        <ul className="menu-list" aria-label={t('gridAdmin.members')}>
          {grid.members.map((m) => (
            <li key={m.grantId} className="person-row">
              <span className="menu-label">
                <strong>{m.name}</strong> <span className="muted">{roleTitle(m.role)}</span>
                {m.disabled && <span className="chip">{t('people.disabled')}</span>}
              </span>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                aria-label={t('gridAdmin.removeMember', { name: m.name })}
                disabled={busy}
                onClick={() =>
                  void run(null, async () => {
                    await api(`/api/people/${m.personId}/roles/${m.grantId}`, { method: 'DELETE' });
                    return t('gridAdmin.removed', { name: m.name });
                  })
                }
              >
                {t('gridAdmin.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        onSubmit={(e) =>
          void run(e, async () => {
            await api(`/api/people/${person!.id}/roles`, { body: { role, gridId: grid.id } });
            const who = person!.name;
            setPerson(null);
            return t('gridAdmin.added', { name: who, role: roleTitle(role) });
          })
        }
      >
        <div className="field">
          <label htmlFor={`${prefix}-person`}>{t('gridAdmin.addMember')}</label>
          <PersonSearch id={`${prefix}-person`} chosen={person} onChoose={setPerson} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-role`}>{t('people.role')}</label>
          <select id={`${prefix}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
            {gridRoles.map((r) => (
              <option key={r.id} value={r.id}>
                {pick(r.title)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || !person || !role}>
          {t('gridAdmin.addMemberButton')}
        </button>
      </form>

      <details className="grid-rename">
        <summary>{t('gridAdmin.rename')}</summary>
        <form
          className="row-actions"
          noValidate
          onSubmit={(e) =>
            void run(e, async () => {
              await api(`/api/admin/grids/${grid.id}`, { method: 'PATCH', body: { name: name.trim() } });
              return t('gridAdmin.renamed', { name: name.trim() });
            })
          }
        >
          <label className="visually-hidden" htmlFor={`${prefix}-name`}>
            {t('gridAdmin.newName', { name: grid.name })}
          </label>
          <input id={`${prefix}-name`} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !name.trim() || name.trim() === grid.name}>
            {t('orgAdmin.saveName')}
          </button>
        </form>
      </details>
    </section>
  );
}
