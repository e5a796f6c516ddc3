import { Link } from 'react-router';
import type { Workflow } from '../api/types';
import { useDeployment } from '../api/useDeployment';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { fromStates } from '../lib/workflow';
import { useRuleNames, WorkflowDiagram } from '../workflows/WorkflowDiagram';

function StepTable({ workflow }: { workflow: Workflow }) {
  const { t, pick, lang } = useI18n();
  const ruleNames = useRuleNames();
  const state = (id: string) => pick(workflow.states.find((s) => s.id === id)?.title) || id;
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <details className="steps">
      <summary>{t('workflows.steps', { count: workflow.transitions.length })}</summary>
      <table className="table table-stack">
        <thead>
          <tr>
            <th scope="col">{t('workflows.col.step')}</th>
            <th scope="col">{t('workflows.col.from')}</th>
            <th scope="col">{t('workflows.col.to')}</th>
            <th scope="col">{t('workflows.col.who')}</th>
          </tr>
        </thead>
        <tbody>
          {workflow.transitions.map((tr) => (
            <tr key={tr.name}>
              <th scope="row" data-label={t('workflows.col.step')}>
                {pick(tr.title)}
                {tr.commentRequired && <span className="tag">{t('workflows.needsComment')}</span>}
              </th>
              <td data-label={t('workflows.col.from')}>{fromStates(tr.from).map(state).join(sep)}</td>
              <td data-label={t('workflows.col.to')}>{state(tr.to)}</td>
              <td data-label={t('workflows.col.who')}>{ruleNames(workflow, tr.name).join(sep)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Every workflow of the deployment drawn as a state diagram, with its steps and who may take them. */
export function WorkflowsPage() {
  const { t, pick } = useI18n();
  const { config, me } = useSession();
  const dep = useDeployment();
  const admin = me?.roles.some((r) => dep.role(r.role)?.admin) === true;
  const sourceName = (source: string) => {
    const plugin = /^plugin "(.+)"$/.exec(source)?.[1];
    const title = plugin && config?.plugins.find((p) => p.name === plugin)?.title;
    return title ? t('workflows.fromPlugin', { name: pick(title) }) : plugin ? t('workflows.fromPlugin', { name: plugin }) : t('workflows.fromConfig');
  };
  if (dep.error) return <div className="page"><ErrorNotice error={dep.error} onRetry={dep.reload} /></div>;
  if (!dep.ready) return <Loading />;
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('workflows.title')}</h1>
          <p className="page-sub">{t('workflows.subtitle')}</p>
          {admin && (
            <p>
              <Link to="/city-config">{t('workflows.setupLink')}</Link>
            </p>
          )}
        </div>
      </header>
      <div className="legend" aria-hidden="true">
        <span className="legend-item legend-initial">{t('workflows.legend.initial')}</span>
        <span className="legend-item legend-state">{t('workflows.legend.state')}</span>
        <span className="legend-item legend-terminal">{t('workflows.legend.terminal')}</span>
      </div>
      {dep.workflows.map((w) => (
        <section key={w.id} className="card workflow-card" aria-labelledby={`wf-${w.id}`}>
          <header className="workflow-head">
            <h2 id={`wf-${w.id}`} className="card-title">
              {pick(w.title)}
            </h2>
            {w.source && <span className="tag">{sourceName(w.source)}</span>}
          </header>
          {w.description && <p className="muted">{pick(w.description)}</p>}
          <WorkflowDiagram workflow={w} />
          <p className="diagram-hint">{t('workflows.swipe')}</p>
          <StepTable workflow={w} />
        </section>
      ))}
    </div>
  );
}
