import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Ticket } from '../api/types';
import { useDeployment } from '../api/useDeployment';
import { useMe } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { OrgSelect } from '../components/OrgSelect';
import { SchemaForm } from '../forms/SchemaForm';
import { useI18n } from '../i18n';
import { mayFile } from '../lib/workflow';

/**
 * File a request: choose the kind of matter (a workflow), the place (a
 * compound, usually one's own), then fill in the workflow's intake form,
 * photos included.
 */
export function NewRequestPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const dep = useDeployment();
  const navigate = useNavigate();
  const [workflowId, setWorkflowId] = useState('');
  const [orgId, setOrgId] = useState('');
  const orgFieldId = useId();

  // Only the kinds of matter my roles may file (the server checks the place too).
  const mine = useMemo(() => dep.workflows.filter((w) => mayFile(w, me.roles)), [dep.workflows, me]);
  // Start from the obvious choices: the only workflow, and the compound where my role is.
  useEffect(() => {
    if (!workflowId && mine.length) setWorkflowId(mine.find((w) => !w.offerWhere)?.id ?? mine[0]!.id);
  }, [mine, workflowId]);
  useEffect(() => {
    if (orgId || !dep.orgs.length) return;
    const mine = me.roles.map((r) => dep.org(r.orgId)).find((o) => o?.type === 'compound');
    if (mine) setOrgId(mine.id);
  }, [dep.orgs, me, orgId]);

  if (dep.error) return <div className="page"><ErrorNotice error={dep.error} onRetry={dep.reload} /></div>;
  if (!dep.ready) return <Loading />;
  const compounds = dep.orgs.filter((o) => o.type === 'compound');
  // A workflow may be offered only where the org's attributes fit (offerWhere: an elevator retrofit in old compounds).
  const attrs = dep.orgAttributes(dep.org(orgId)?.key);
  const offered = mine.filter((w) => !orgId || Object.entries(w.offerWhere ?? {}).every(([k, values]) => values.includes(attrs[k] ?? '')));
  const wf = offered.find((w) => w.id === workflowId) ? dep.workflow(workflowId) : undefined;

  return (
    <div className="page page-narrow">
      <header className="page-head">
        <div>
          <h1>{t('new.title')}</h1>
          <p className="page-sub">{t('new.subtitle')}</p>
        </div>
      </header>

      <section className="card step-card" aria-labelledby="step-kind">
        <h2 id="step-kind" className="step-title">
          <span className="step-no" aria-hidden="true">1</span>
          {t('new.kind')}
        </h2>
        <div className="choice-list" role="radiogroup" aria-labelledby="step-kind">
          {offered.map((w) => (
            <label key={w.id} className={`choice ${workflowId === w.id ? 'chosen' : ''}`}>
              <input type="radio" name="workflow" value={w.id} checked={workflowId === w.id} onChange={() => setWorkflowId(w.id)} />
              <span className="choice-text">
                <span className="choice-title">{pick(w.title)}</span>
                {w.description && <span className="choice-desc">{pick(w.description)}</span>}
              </span>
            </label>
          ))}
        </div>
      </section>

      <section className="card step-card" aria-labelledby="step-place">
        <h2 id="step-place" className="step-title">
          <span className="step-no" aria-hidden="true">2</span>
          {t('new.place')}
        </h2>
        <div className="field">
          <label htmlFor={orgFieldId}>
            {t('new.compound')}
            <span className="req" aria-hidden="true">*</span>
          </label>
          <OrgSelect id={orgFieldId} orgs={dep.orgs} value={orgId} onChange={setOrgId} filter={(o) => (compounds.length ? o.type === 'compound' : o.kind === 'level')} required />
          <p className="field-hint">{t('new.placeHint')}</p>
        </div>
      </section>

      <section className="card step-card" aria-labelledby="step-form">
        <h2 id="step-form" className="step-title">
          <span className="step-no" aria-hidden="true">3</span>
          {t('new.details')}
        </h2>
        {wf && orgId ? (
          <SchemaForm
            key={wf.id}
            formId={wf.intakeForm}
            submitLabel={t('new.submit')}
            onSubmit={async (data) => {
              const ticket = await api<Ticket>('/api/tickets', { body: { workflow: wf.id, orgId, data } });
              navigate(`/tickets/${ticket.id}`, { state: { created: true } });
            }}
          />
        ) : (
          <p className="muted">{t('new.pickFirst')}</p>
        )}
      </section>
    </div>
  );
}
