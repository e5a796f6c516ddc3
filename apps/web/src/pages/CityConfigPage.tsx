import { useId, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { FormDoc, LocalizedText, Workflow } from '../api/types';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { SchemaForm } from '../forms/SchemaForm';
import { useI18n } from '../i18n';
import { WorkflowDiagram } from '../workflows/WorkflowDiagram';

/** What `GET /api/admin/effective-config` answers: the city as it runs (linli check --print-effective, without people). */
interface EffectiveCity {
  title: LocalizedText;
  overridden: { forms: string[]; workflows: string[] };
  forms: (FormDoc & { source: string })[];
  workflows: (Workflow & { source: string })[];
  warnings: { path: string; message: string; expected?: string }[];
  [section: string]: unknown;
}

/**
 * For implementers (administrators): the effective city after the config's
 * overrides — warnings such as a calendar that has run out, each workflow's
 * diagram, a preview of each form that validates as one types (nothing is
 * saved), and the whole effective config as JSON. Read-only: the config file
 * is the one place a city is changed.
 */
export function CityConfigPage() {
  const { t, pick } = useI18n();
  const city = useLoad('effective-config', () => api<EffectiveCity>('/api/admin/effective-config'));
  const [workflowId, setWorkflowId] = useState('');
  const [formId, setFormId] = useState('');
  const [checked, setChecked] = useState(0);
  const wfField = useId();
  const formField = useId();
  if (city.error) return <div className="page"><ErrorNotice error={city.error} onRetry={city.reload} /></div>;
  if (!city.data) return <Loading />;
  const c = city.data;
  const wf = c.workflows.find((w) => w.id === workflowId) ?? c.workflows[0];
  const form = c.forms.find((f) => f.id === formId) ?? c.forms.find((f) => f.id === wf?.intakeForm) ?? c.forms[0];
  const changed = (kind: 'forms' | 'workflows', id: string | undefined) => (id && c.overridden[kind].includes(id) ? <span className="tag">{t('cityConfig.overridden')}</span> : null);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('cityConfig.title')}</h1>
          <p className="page-sub">{t('cityConfig.subtitle')}</p>
        </div>
      </header>

      <section className="card" aria-labelledby="setup-warnings">
        <h2 id="setup-warnings" className="card-title">{t('cityConfig.warnings')}</h2>
        {c.warnings.length === 0 ? (
          <p className="muted">{t('cityConfig.noWarnings')}</p>
        ) : (
          c.warnings.map((w) => (
            <Notice key={`${w.path}:${w.message}`} tone="warning" title={w.path}>
              {w.message}
              {w.expected && <> — {w.expected}</>}
            </Notice>
          ))
        )}
      </section>

      <section className="card workflow-card" aria-labelledby="setup-workflow">
        <h2 id="setup-workflow" className="card-title">{t('cityConfig.workflow')}</h2>
        <div className="field">
          <label htmlFor={wfField}>{t('cityConfig.workflow')}</label>
          <select id={wfField} value={wf?.id ?? ''} onChange={(e) => setWorkflowId(e.target.value)}>
            {c.workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {pick(w.title)} ({w.id})
              </option>
            ))}
          </select>
        </div>
        {wf && (
          <>
            <p className="muted">
              {wf.source} {changed('workflows', wf.id)}
            </p>
            <WorkflowDiagram workflow={wf} />
            <p className="diagram-hint">{t('workflows.swipe')}</p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="setup-form">
        <h2 id="setup-form" className="card-title">{t('cityConfig.preview')}</h2>
        <div className="field">
          <label htmlFor={formField}>{t('cityConfig.form')}</label>
          <select
            id={formField}
            value={form?.id ?? ''}
            onChange={(e) => {
              setFormId(e.target.value);
              setChecked(0);
            }}
          >
            {c.forms.map((f) => (
              <option key={f.id} value={f.id}>
                {pick(f.title)} ({f.id})
              </option>
            ))}
          </select>
        </div>
        {form && (
          <>
            <p className="muted">
              {form.source} {changed('forms', form.id)}
            </p>
            {checked > 0 && <Notice tone="success" title={t('cityConfig.valid')} />}
            <SchemaForm key={form.id} formId={form.id} liveValidate submitLabel={t('cityConfig.check')} onSubmit={async () => setChecked((n) => n + 1)} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="setup-effective">
        <h2 id="setup-effective" className="card-title">{t('cityConfig.effective')}</h2>
        <p className="muted">
          <Link to="/workflows">{t('workflows.title')}</Link>
        </p>
        <details>
          <summary>{t('cityConfig.effective')}</summary>
          <pre className="json-view">{JSON.stringify(c, null, 2)}</pre>
        </details>
      </section>
    </div>
  );
}
