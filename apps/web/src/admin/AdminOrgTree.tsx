import type { Org } from '../api/types';
import { useI18n } from '../i18n';
import { orgName } from '../lib/orgs';

export interface AdminNode {
  org: Org;
  /** Levels first, then side organizations, each in creation order. */
  children: AdminNode[];
}

/** The administered subtrees as trees: an org whose parent is not listed is the top of one. */
export function adminForest(orgs: readonly Org[]): AdminNode[] {
  const nodes = new Map(orgs.map((o) => [o.id, { org: o, children: [] } as AdminNode]));
  const roots: AdminNode[] = [];
  for (const o of orgs) {
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(o.id)!);
  }
  const order = (a: AdminNode, b: AdminNode) => (a.org.kind === b.org.kind ? Number(a.org.id) - Number(b.org.id) : a.org.kind === 'level' ? -1 : 1);
  for (const n of nodes.values()) n.children.sort(order);
  return roots;
}

interface Props {
  node: { org: Org; children: readonly Props['node'][] };
  chosen: string | null;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
  typeTitle: (o: Org) => string;
}

/** One branch of an org tree (the org page's and the administration's): a disclosure button (aria-expanded) and the org's own button, marked 已停用 when deactivated. */
export function OrgTreeNode({ node, chosen, expanded, onToggle, onSelect, typeTitle }: Props) {
  const { t, lang } = useI18n();
  const active = chosen === node.org.id;
  const open = expanded.has(node.org.id);
  const listId = `org-tree-${node.org.id}`;
  return (
    <li>
      <div className="tree-row">
        {node.children.length ? (
          <button type="button" className="tree-toggle" aria-expanded={open} aria-controls={listId} aria-label={t('orgs.expand', { name: orgName(node.org, lang) })} onClick={() => onToggle(node.org.id)} />
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <button type="button" className={`tree-item ${active ? 'active' : ''}`} aria-current={active ? 'true' : undefined} onClick={() => onSelect(node.org.id)}>
          <span className="tree-name">{orgName(node.org, lang)}</span>
          <span className="tree-type">
            {typeTitle(node.org)}
            {node.org.deactivated && ` · ${t('orgAdmin.deactivated')}`}
          </span>
        </button>
      </div>
      {open && (
        <ul id={listId}>
          {node.children.map((c) => (
            <OrgTreeNode key={c.org.id} node={c} chosen={chosen} expanded={expanded} onToggle={onToggle} onSelect={onSelect} typeTitle={typeTitle} />
          ))}
        </ul>
      )}
    </li>
  );
}
