import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { loadRoles } from '../api/cache';
import type { Org } from '../api/types';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { orgName } from '../lib/orgs';
import { adminForest, OrgTreeNode } from '../admin/AdminOrgTree';
import { OrgActions } from '../admin/OrgActions';

/**
 * The org tree an administrator keeps: only the subtrees they administer
 * (GET /api/admin/orgs), deactivated orgs included and marked. Choosing an
 * org opens what can be done to it: rename, add an org under it, move it,
 * deactivate or re-activate it.
 */
export function AdminOrgsPage() {
  const { t, lang, pick } = useI18n();
  const orgs = useLoad('admin-orgs', () => api<{ items: Org[] }>('/api/admin/orgs'));
  const roles = useLoad('roles', loadRoles);
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** Branches the administrator opened or closed; until they touch one, each administered top is open. */
  const [opened, setOpened] = useState<ReadonlySet<string> | null>(null);
  const list = orgs.data?.items ?? [];
  const forest = useMemo(() => adminForest(list), [list]);
  const expanded = useMemo(() => opened ?? new Set(forest.map((n) => n.org.id)), [opened, forest]);
  const toggle = (id: string) =>
    setOpened((prev) => {
      const next = new Set(prev ?? forest.map((n) => n.org.id));
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (orgs.error) return <div className="page"><ErrorNotice error={orgs.error} onRetry={orgs.reload} /></div>;
  if (!orgs.data || !roles.data) return <Loading />;

  const orgTypes = roles.data.orgTypes;
  const typeTitle = (o: Org) => pick(orgTypes.find((ty) => ty.id === o.type)?.title) || o.type;
  const selected = list.find((o) => o.id === chosen);
  const select = (id: string) => {
    setChosen(id);
    setDone(null);
    // On a phone the panel sits under the tree: bring it into view.
    requestAnimationFrame(() => document.getElementById('org-admin')?.scrollIntoView({ block: 'start' }));
  };
  /** After a change: reload, and open the way down to what was changed or added (`parentId`: where it now hangs). */
  const changed = (id: string, parentId: string | null, message: string) => {
    orgs.reload();
    setChosen(id);
    setDone(message);
    const parent = list.find((o) => o.id === parentId);
    if (parent) setOpened((prev) => new Set([...(prev ?? forest.map((n) => n.org.id)), ...parent.path.split('/').filter(Boolean)]));
  };

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('orgAdmin.title')}</h1>
          <p className="page-sub">{t('orgAdmin.scope', { list: forest.map((n) => orgName(n.org, lang)).join('、') })}</p>
        </div>
      </header>
      <div className="split">
        <section className="card tree-card" aria-labelledby="admin-tree-title">
          <h2 id="admin-tree-title" className="card-title">
            {t('orgAdmin.tree')}
          </h2>
          <p className="muted">{t('orgAdmin.pick')}</p>
          <ul className="tree">
            {forest.map((n) => (
              <OrgTreeNode key={n.org.id} node={n} chosen={chosen} expanded={expanded} onToggle={toggle} onSelect={select} typeTitle={typeTitle} />
            ))}
          </ul>
        </section>
        {selected && <OrgActions org={selected} orgs={list} orgTypes={orgTypes} typeTitle={typeTitle} onChanged={changed} done={done} />}
      </div>
    </div>
  );
}
