import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Ticket } from '../api/types';
import { useDeployment } from '../api/useDeployment';
import { useMe } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { OrgSelect } from '../components/OrgSelect';
import { SchemaForm } from '../forms/SchemaForm';
import { useI18n } from '../i18n';
import type { LatLng } from '../map/geo';
import { PinPicker } from '../map/PinPicker';
import { mayFile } from '../lib/workflow';
import { homeOf, intakeWording } from './portal';

/**
 * 我要反映: what kind of problem (in the workflows' own intake words, never
 * their names or ids), where (the phone's position or a pin; the compound or
 * building where the resident lives, preselected), then the intake form with
 * photos from the camera.
 */
export function ReportPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const dep = useDeployment();
  const [workflowId, setWorkflowId] = useState('');
  const [orgId, setOrgId] = useState('');
  const [point, setPoint] = useState<LatLng | null>(null);
  const [filed, setFiled] = useState<{ ticket: Ticket; message: string } | null>(null);
  const placeId = useId();

  const home = dep.ready ? homeOf(me, dep.org) : undefined;
  useEffect(() => {
    if (!orgId && home) setOrgId(home.id);
  }, [home, orgId]);
  // The kinds my roles may file, offered where I chose (the server checks both again).
  const kinds = useMemo(() => {
    const attrs = dep.orgAttributes(dep.org(orgId)?.key);
    return dep.workflows.filter((w) => mayFile(w, me.roles) && Object.entries(w.offerWhere ?? {}).every(([k, v]) => v.includes(attrs[k] ?? '')));
  }, [dep, me, orgId]);
  useEffect(() => {
    if (kinds.length === 1 && workflowId !== kinds[0]!.id) setWorkflowId(kinds[0]!.id);
  }, [kinds, workflowId]);

  if (dep.error) return <div className="page"><ErrorNotice error={dep.error} onRetry={dep.reload} /></div>;
  if (!dep.ready) return <Loading />;
  const wf = kinds.find((w) => w.id === workflowId);
  const words = wf ? intakeWording(wf, t, pick) : null;

  if (filed) {
    return (
      <div className="page page-narrow portal">
        <Notice tone="success" title={filed.message} />
        <div className="portal-done">
          <Link to={`/me/requests/${filed.ticket.id}`} className="btn btn-primary btn-big">
            {t('portal.follow')}
          </Link>
          <Link to="/me" className="btn btn-secondary" onClick={() => setFiled(null)}>
            {t('portal.back')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="page page-narrow portal">
      <header className="page-head">
        <h1>{t('portal.report')}</h1>
      </header>

      <section className="card step-card" aria-labelledby="report-kind">
        <h2 id="report-kind" className="step-title">
          <span className="step-no" aria-hidden="true">1</span>
          {t('portal.kind')}
        </h2>
        <div className="choice-list" role="radiogroup" aria-labelledby="report-kind">
          {kinds.map((w) => {
            const k = intakeWording(w, t, pick);
            return (
              <label key={w.id} className={`choice ${workflowId === w.id ? 'chosen' : ''}`}>
                <input type="radio" name="kind" value={w.id} checked={workflowId === w.id} onChange={() => setWorkflowId(w.id)} />
                <span className="choice-text">
                  <span className="choice-title">{k.title}</span>
                  {k.hint && <span className="choice-desc">{k.hint}</span>}
                </span>
              </label>
            );
          })}
        </div>
      </section>

      <section className="card step-card" aria-labelledby="report-where">
        <h2 id="report-where" className="step-title">
          <span className="step-no" aria-hidden="true">2</span>
          {words?.where ?? t('portal.where')}
        </h2>
        <PinPicker value={point} onChange={setPoint} label={words?.where ?? t('portal.where')} />
        <div className="field">
          <label htmlFor={placeId}>
            {t('portal.place')}
            <span className="req" aria-hidden="true">*</span>
          </label>
          <OrgSelect id={placeId} orgs={dep.orgs} value={orgId} onChange={setOrgId} filter={(o) => o.type === 'compound' || o.type === 'building'} required />
          <p className="field-hint">{t('portal.placeHint')}</p>
        </div>
      </section>

      <section className="card step-card" aria-labelledby="report-details">
        <h2 id="report-details" className="step-title">
          <span className="step-no" aria-hidden="true">3</span>
          {t('portal.details')}
        </h2>
        {wf && words && orgId ? (
          <SchemaForm
            key={wf.id}
            formId={wf.intakeForm}
            submitLabel={words.submit}
            onSubmit={async (data) => {
              const ticket = await api<Ticket>('/api/tickets', { body: { workflow: wf.id, orgId, data, ...(point ? { point } : {}) } });
              setFiled({ ticket, message: words.success });
              window.scrollTo(0, 0);
            }}
          />
        ) : (
          <p className="muted">{t('new.pickFirst')}</p>
        )}
      </section>
    </div>
  );
}
