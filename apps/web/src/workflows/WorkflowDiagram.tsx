import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { Workflow } from '../api/types';
import { useDeployment } from '../api/useDeployment';
import { useI18n } from '../i18n';
import { describeTimeLimit } from '../lib/time';
import { font, layoutWorkflow, shortRoleList, smoothPath } from './layout';

/** Who may take a step, in words: role titles, or "the reporter" for rules without a role. */
export function useRuleNames() {
  const { t, pick } = useI18n();
  const dep = useDeployment();
  return (wf: Workflow, transition: string): string[] => {
    const tr = wf.transitions.find((x) => x.name === transition);
    return [...new Set((tr?.allow ?? []).map((r) => (r.role ? pick(dep.role(r.role)?.title) || r.role : t(`workflows.scope.${r.scope}`))))];
  };
}

/** A workflow as a state diagram in SVG: states as boxes with their time limits, steps as arrows labelled with who may take them. */
export function WorkflowDiagram({ workflow }: { workflow: Workflow }) {
  const { t, pick, lang } = useI18n();
  const ruleNames = useRuleNames();
  const dep = useDeployment();
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const sep = lang === 'en' ? ', ' : '、';
  const d = useMemo(
    () =>
      layoutWorkflow(
        workflow,
        (sid) => {
          const s = workflow.states.find((x) => x.id === sid)!;
          const limit = describeTimeLimit(s.timeLimit, lang);
          return { title: pick(s.title), note: limit ? t('workflows.limit', { limit }) : null };
        },
        (name) => {
          const tr = workflow.transitions.find((x) => x.name === name)!;
          return { title: pick(tr.title), roles: shortRoleList(ruleNames(workflow, name), (n) => t('workflows.moreRoles', { count: n }), sep, 1) };
        },
      ),
    // The layout depends on the texts: the language, and role titles once they have loaded.
    [workflow, lang, dep.roles.length],
  );

  // On a narrow screen the drawing scrolls sideways: start with the initial state in view.
  const frame = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = frame.current;
    const start = d.nodes.find((n) => n.initial);
    if (el && start && el.scrollWidth > el.clientWidth) el.scrollLeft = Math.max(0, start.x - el.clientWidth / 2);
  }, [d]);

  return (
    <div className="diagram-wrap" ref={frame} tabIndex={0} role="group" aria-label={t('workflows.diagramOf', { name: pick(workflow.title) })}>
      <svg className="diagram" viewBox={`0 0 ${d.width} ${d.height}`} width={d.width} height={d.height} role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{t('workflows.diagramOf', { name: pick(workflow.title) })}</title>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
          </marker>
        </defs>
        {d.edges.map((e) => (
          <g key={e.key} className="diagram-edge">
            <path d={smoothPath(e.points)} fill="none" stroke="#94a3b8" strokeWidth={1.6} markerEnd={`url(#${id}-arrow)`} />
            <rect x={e.labelX - e.labelWidth / 2} y={e.labelY - e.labelHeight / 2} width={e.labelWidth} height={e.labelHeight} rx={6} fill="#fff" fillOpacity={0.92} />
            <text x={e.labelX} y={e.labelY - (e.roles ? 5 : -4)} textAnchor="middle" fontSize={font.edge} fontWeight={600} fill="#1e3a8a">
              {e.title}
            </text>
            {e.roles && (
              <text x={e.labelX} y={e.labelY + 11} textAnchor="middle" fontSize={font.roles} fill="#64748b">
                {e.roles}
              </text>
            )}
          </g>
        ))}
        {d.nodes.map((n) => (
          <g key={n.id} className={`diagram-node ${n.terminal ? 'is-terminal' : ''} ${n.initial ? 'is-initial' : ''}`}>
            <rect x={n.x - n.width / 2} y={n.y - n.height / 2} width={n.width} height={n.height} rx={12} fill={n.initial ? '#eff6ff' : n.terminal ? '#f0fdf4' : '#fff'} stroke={n.initial ? '#2563eb' : n.terminal ? '#16a34a' : '#cbd5e1'} strokeWidth={n.initial ? 2 : 1.5} />
            {n.terminal && <rect x={n.x - n.width / 2 + 3} y={n.y - n.height / 2 + 3} width={n.width - 6} height={n.height - 6} rx={9} fill="none" stroke="#16a34a" strokeWidth={1} />}
            <text x={n.x} y={n.y + (n.note ? -4 : 5)} textAnchor="middle" fontSize={font.node} fontWeight={600} fill="#0f172a">
              {n.title}
            </text>
            {n.note && (
              <text x={n.x} y={n.y + 15} textAnchor="middle" fontSize={font.note} fill="#b45309">
                {n.note}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}
