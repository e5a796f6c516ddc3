import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Org, OrgType } from '../api/types';
import { Notice } from '../components/Notice';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import { isUnder, orgName } from '../lib/orgs';
import { refusalText, structureChanged } from './admin-api';

interface Props {
  org: Org;
  /** Every org the administrator administers (the move picker offers only these). */
  orgs: readonly Org[];
  orgTypes: readonly OrgType[];
  typeTitle: (o: Org) => string;
  /** After a change: reload the tree and show `id` (the org, or a child just added) under `parentId`. */
  onChanged: (id: string, parentId: string | null, message: string) => void;
  /** What the last change did, shown until another org is chosen. */
  done: string | null;
}

/** Which types of org may hang under `parent`: the levels whose config names its type, and every side organization. */
export function childTypes(parent: Org, orgTypes: readonly OrgType[]): OrgType[] {
  if (parent.kind === 'side') return [];
  return orgTypes.filter((t) => t.kind === 'side' || (t.parents ?? []).includes(parent.type));
}

/** Whether `org` may be moved under `to` (the server says why not, this only narrows the picker). */
function mayHangUnder(org: Org, to: Org, orgTypes: readonly OrgType[]): boolean {
  if (to.deactivated || isUnder(to, org) || to.id === org.parentId) return false;
  if (org.kind === 'side') return to.kind === 'level';
  return (orgTypes.find((t) => t.id === org.type)?.parents ?? []).includes(to.type);
}

/** What an administrator does to one org: rename it, add an org under it, move it, deactivate or re-activate it. */
export function OrgActions({ org, orgs, orgTypes, typeTitle, onChanged, done }: Props) {
  const { t, lang, pick } = useI18n();
  const [name, setName] = useState(org.name);
  const [child, setChild] = useState({ type: '', name: '' });
  const [parentId, setParentId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setName(org.name);
    setChild({ type: '', name: '' });
    setParentId('');
    setProblem(null);
  }, [org.id, org.name]);

  const types = childTypes(org, orgTypes);
  const parent = orgs.find((o) => o.id === org.parentId);

  async function run(e: FormEvent | null, call: () => Promise<{ message: string; show: string; under: string | null }>) {
    e?.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { message, show, under } = await call();
      structureChanged();
      onChanged(show, under, message);
    } catch (err) {
      setProblem(refusalText(err as Error, t));
    } finally {
      setBusy(false);
    }
  }

  const rename = (e: FormEvent) =>
    run(e, async () => {
      await api<Org>(`/api/admin/orgs/${org.id}`, { method: 'PATCH', body: { name: name.trim() } });
      return { message: t('orgAdmin.renamed', { name: name.trim() }), show: org.id, under: org.parentId };
    });
  const add = (e: FormEvent) =>
    run(e, async () => {
      const created = await api<Org>('/api/orgs', { body: { parentId: org.id, type: child.type, name: child.name.trim() } });
      return { message: t('orgAdmin.added', { name: created.name, parent: orgName(org, lang) }), show: created.id, under: org.id };
    });
  const move = (e: FormEvent) =>
    run(e, async () => {
      const res = await api<{ org: Org; ticketsMoved: number; gridsLeft: string[] }>(`/api/admin/orgs/${org.id}/move`, { body: { parentId } });
      const moved = t('orgAdmin.moved', { name: orgName(org, lang), parent: orgName(orgs.find((o) => o.id === parentId), lang), count: res.ticketsMoved });
      return { message: res.gridsLeft.length ? `${moved}${t('orgAdmin.gridsLeft', { list: res.gridsLeft.join('、') })}` : moved, show: org.id, under: parentId };
    });
  const toggleActive = () => {
    if (!org.deactivated && !window.confirm(t('orgAdmin.confirmDeactivate', { name: orgName(org, lang) }))) return;
    void run(null, async () => {
      await api<Org>(`/api/admin/orgs/${org.id}/${org.deactivated ? 'reactivate' : 'deactivate'}`, { body: {} });
      return { message: t(org.deactivated ? 'orgAdmin.reactivated' : 'orgAdmin.deactivatedNow', { name: orgName(org, lang) }), show: org.id, under: org.parentId };
    });
  };

  return (
    <section className="card org-detail" aria-labelledby="org-admin-title" id="org-admin">
      <p className="muted">
        {typeTitle(org)}
        {parent && ` · ${t('orgAdmin.under', { name: orgName(parent, lang) })}`}
      </p>
      <h2 id="org-admin-title" className="org-title">
        {orgName(org, lang)}
        {org.deactivated && <span className="tag">{t('orgAdmin.deactivated')}</span>}
      </h2>
      {problem && <Notice tone="error" title={problem} />}
      {done && !problem && <Notice tone="success" title={done} />}

      <form onSubmit={rename} noValidate>
        <h3 className="section-title">{t('orgAdmin.rename')}</h3>
        <div className="field">
          <label htmlFor="org-name">{t('orgAdmin.name')}</label>
          <input id="org-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-secondary" disabled={busy || !name.trim() || name.trim() === org.name}>
          {t('orgAdmin.saveName')}
        </button>
      </form>

      {types.length > 0 && !org.deactivated && (
        <form onSubmit={add} noValidate>
          <h3 className="section-title">{t('orgAdmin.addChild')}</h3>
          <div className="field">
            <label htmlFor="child-type">{t('orgAdmin.childType')}</label>
            <select id="child-type" value={child.type} onChange={(e) => setChild({ ...child, type: e.target.value })}>
              <option value="">{t('common.choose')}</option>
              {types.map((ty) => (
                <option key={ty.id} value={ty.id}>
                  {pick(ty.title) || ty.id}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="child-name">{t('orgAdmin.childName')}</label>
            <input id="child-name" value={child.name} onChange={(e) => setChild({ ...child, name: e.target.value })} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy || !child.type || !child.name.trim()}>
            {t('orgAdmin.add')}
          </button>
        </form>
      )}

      {org.parentId && parent && (
        <form onSubmit={move} noValidate>
          <h3 className="section-title">{t('orgAdmin.move')}</h3>
          <p className="muted" id="move-hint">
            {t('orgAdmin.moveHint')}
          </p>
          <div className="field">
            <label htmlFor="move-to">{t('orgAdmin.moveTo')}</label>
            <OrgSelect id="move-to" orgs={orgs} value={parentId} onChange={setParentId} filter={(o) => mayHangUnder(org, o, orgTypes)} describedBy="move-hint" />
          </div>
          <button type="submit" className="btn btn-secondary" disabled={busy || !parentId}>
            {t('orgAdmin.moveButton')}
          </button>
        </form>
      )}

      {org.parentId && parent && (
        <>
          <h3 className="section-title">{org.deactivated ? t('orgAdmin.reactivate') : t('orgAdmin.deactivate')}</h3>
          <p className="muted">{org.deactivated ? t('orgAdmin.reactivateHint') : t('orgAdmin.deactivateHint')}</p>
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={toggleActive}>
            {org.deactivated ? t('orgAdmin.reactivate') : t('orgAdmin.deactivate')}
          </button>
        </>
      )}
    </section>
  );
}
