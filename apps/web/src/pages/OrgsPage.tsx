import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { loadGrids } from '../api/cache';
import type { Grid, Org, Page, Person } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { useMe } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { OrgTreeNode } from '../admin/AdminOrgTree';
import { buildOrgTree, homeOrgId, isUnder } from '../lib/orgs';
import { OrgDetail } from '../orgs/OrgDetail';

/** The city's structure: the org tree with its side organizations, and for the chosen org its grids and people. */
export function OrgsPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const dep = useDeployment();
  const grids = useLoad('grids', loadGrids);
  const people = useLoad('people', async () => {
    const all: Person[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Person> = await api<Page<Person>>(`/api/people?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  });
  const [selected, setSelected] = useState<string | null>(null);
  const tree = useMemo(() => buildOrgTree(dep.orgs), [dep.orgs]);
  const chosen = dep.org(selected ?? homeOrgId(me, dep.orgs) ?? dep.orgs[0]?.id);
  // Open at first: the top of the tree and the way down to my own org.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const expanded = useMemo(() => {
    const open = new Set(dep.orgs.filter((o) => o.depth < 1 || (chosen && isUnder(chosen, o) && o.id !== chosen.id)).map((o) => o.id));
    for (const id of toggled) {
      if (open.has(id)) open.delete(id);
      else open.add(id);
    }
    return open;
    // Only the first choice decides the initial path; later clicks go through `toggled`.
  }, [dep.orgs, toggled]);
  const toggle = (id: string) =>
    setToggled((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (dep.error) return <div className="page"><ErrorNotice error={dep.error} onRetry={dep.reload} /></div>;
  if (!dep.ready) return <Loading />;

  const typeTitle = (o: Org) => pick(dep.orgType(o.type)?.title) || o.type;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('orgs.title')}</h1>
          <p className="page-sub">{t('orgs.subtitle', { count: dep.orgs.length, grids: grids.data?.length ?? 0 })}</p>
        </div>
      </header>
      <div className="split">
        <section className="card tree-card" aria-labelledby="tree-title">
          <h2 id="tree-title" className="card-title">
            {t('orgs.tree')}
          </h2>
          <ul className="tree">
            {tree.map((n) => (
              <OrgTreeNode key={n.org.id} node={n} chosen={chosen?.id ?? null} expanded={expanded} onToggle={toggle} onSelect={setSelected} typeTitle={typeTitle} />
            ))}
          </ul>
        </section>
        {chosen && (
          <OrgDetail
            org={chosen}
            typeTitle={typeTitle}
            side={dep.orgs.filter((o) => o.parentId === chosen.id && o.kind === 'side')}
            grids={(grids.data ?? []).filter((g: Grid) => g.orgId === chosen.id || g.covers.some((c) => c.id === chosen.id))}
            people={(people.data ?? []).filter((p) => p.roles.some((r) => r.orgId === chosen.id || (dep.org(r.orgId)?.parentId === chosen.id && dep.org(r.orgId)?.kind === 'side')))}
            peopleLoading={people.loading}
            peopleError={people.error}
            onPick={setSelected}
          />
        )}
      </div>
    </div>
  );
}
