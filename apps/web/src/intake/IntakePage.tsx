import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
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
import { homeOf, isResidentOnly } from '../resident/portal';
import { mayFile } from '../lib/workflow';
import { asksForPin, defaultPlace, intakeWording, offeredAt, placesFor } from './intake';

interface Props {
  /**
   * Where the page was opened: the residents' portal (我要反映) keeps them
   * there after filing, with the way to follow it; the app's 上报 tab opens
   * the new ticket.
   */
  entry: 'portal' | 'app';
}

/**
 * The one intake page, for residents and staff alike. It offers only the
 * workflows the person's roles may start (and that are offered at the chosen
 * place), each in its own `intake` words: what kind of matter, where (the
 * org types it is filed at, in the person's reach, their own preselected; a
 * map pin if it asks for one), then its intake form, its submit button and its
 * message once filed. Staff also see each workflow's name, the word they use.
 */
export function IntakePage({ entry }: Props) {
  const { t, pick } = useI18n();
  const me = useMe();
  const dep = useDeployment();
  const navigate = useNavigate();
  const [workflowId, setWorkflowId] = useState('');
  const [orgId, setOrgId] = useState('');
  const [point, setPoint] = useState<LatLng | null>(null);
  const [filed, setFiled] = useState<{ ticket: Ticket; message: string } | null>(null);
  const placeId = useId();

  const resident = dep.ready && isResidentOnly(me, dep.roles);
  const home = dep.ready ? homeOf(me, dep.org) : undefined;
  const mine = useMemo(() => dep.workflows.filter((w) => mayFile(w, me.roles)), [dep.workflows, me]);
  // The kinds offered where I chose (the server checks both again); before a place is chosen, all of mine.
  const kinds = useMemo(() => {
    const attrs = dep.orgAttributes(dep.org(orgId)?.key);
    return mine.filter((w) => !orgId || offeredAt(w, attrs));
  }, [dep, mine, orgId]);
  const wf = kinds.find((w) => w.id === workflowId);
  const places = useMemo(() => (wf ? placesFor(wf, me.roles, dep.orgs) : []), [wf, me, dep.orgs]);

  // Start from the obvious: the only kind (or the first offered everywhere), and where I live or work.
  useEffect(() => {
    // A kind not offered at the place now chosen (an elevator retrofit outside old compounds) is let go.
    if (workflowId && !kinds.some((w) => w.id === workflowId)) return setWorkflowId('');
    if (!workflowId && kinds.length) setWorkflowId(kinds.length === 1 ? kinds[0]!.id : (kinds.find((w) => !w.offerWhere)?.id ?? kinds[0]!.id));
  }, [kinds, workflowId]);
  useEffect(() => {
    if (!orgId && dep.ready && !workflowId && home) setOrgId(home.id);
  }, [dep.ready, home, orgId, workflowId]);
  // A kind filed elsewhere (a building, a compound only): move the place to the one that fits.
  useEffect(() => {
    if (wf && !places.some((o) => o.id === orgId)) setOrgId(defaultPlace(places, dep.org(orgId) ?? home));
  }, [wf, places, orgId, home, dep]);

  if (dep.error) return <div className="page"><ErrorNotice error={dep.error} onRetry={dep.reload} /></div>;
  if (!dep.ready) return <Loading />;
  const words = wf ? intakeWording(wf, t, pick) : null;
  const placeTypes = [...new Set(places.map((o) => o.type))];
  const placeLabel = placeTypes.map((type) => pick(dep.orgType(type)?.title) || type).join(' / ') || t('new.place');

  if (filed) {
    return (
      <div className="page page-narrow portal">
        <Notice tone="success" title={filed.message} />
        <div className="portal-done">
          <Link to={resident ? `/me/requests/${filed.ticket.id}` : `/tickets/${filed.ticket.id}`} className="btn btn-primary btn-big">
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
    <div className={`page page-narrow ${entry === 'portal' ? 'portal' : ''}`}>
      <header className="page-head">
        <div>
          <h1>{entry === 'portal' ? t('portal.report') : t('new.title')}</h1>
          {entry === 'app' && <p className="page-sub">{t('new.subtitle')}</p>}
        </div>
      </header>

      <section className="card step-card" aria-labelledby="intake-kind">
        <h2 id="intake-kind" className="step-title">
          <span className="step-no" aria-hidden="true">1</span>
          {t('new.kind')}
        </h2>
        {kinds.length ? (
          <div className="choice-list" role="radiogroup" aria-labelledby="intake-kind">
            {kinds.map((w) => {
              const k = intakeWording(w, t, pick);
              const name = pick(w.title);
              return (
                <label key={w.id} className={`choice ${workflowId === w.id ? 'chosen' : ''}`}>
                  <input type="radio" name="kind" value={w.id} checked={workflowId === w.id} onChange={() => setWorkflowId(w.id)} />
                  <span className="choice-text">
                    <span className="choice-title">
                      {k.title}
                      {/* Staff speak of workflows by name (网格诉求); residents never need it. */}
                      {!resident && name !== k.title && <span className="chip-note"> {name}</span>}
                    </span>
                    {k.hint && <span className="choice-desc">{k.hint}</span>}
                  </span>
                </label>
              );
            })}
          </div>
        ) : (
          <p className="muted">{t('new.nothing')}</p>
        )}
      </section>

      <section className="card step-card" aria-labelledby="intake-where">
        <h2 id="intake-where" className="step-title">
          <span className="step-no" aria-hidden="true">2</span>
          {words?.where ?? t('new.place')}
        </h2>
        {wf && asksForPin(wf) && <PinPicker key={wf.id} value={point} onChange={setPoint} label={words?.where ?? t('new.place')} />}
        <div className="field">
          <label htmlFor={placeId}>
            {placeLabel}
            <span className="req" aria-hidden="true">*</span>
          </label>
          <OrgSelect id={placeId} orgs={dep.orgs} value={orgId} onChange={setOrgId} filter={(o) => places.some((p) => p.id === o.id)} required disabled={!wf} />
          <p className="field-hint">{t('new.placeHint')}</p>
        </div>
      </section>

      <section className="card step-card" aria-labelledby="intake-details">
        <h2 id="intake-details" className="step-title">
          <span className="step-no" aria-hidden="true">3</span>
          {t('new.details')}
        </h2>
        {wf && words && orgId ? (
          <SchemaForm
            key={wf.id}
            formId={wf.intakeForm}
            submitLabel={words.submit}
            onSubmit={async (data) => {
              const withPin = point && asksForPin(wf) ? { point } : {};
              const ticket = await api<Ticket>('/api/tickets', { body: { workflow: wf.id, orgId, data, ...withPin } });
              if (entry === 'app') return void navigate(`/tickets/${ticket.id}`, { state: { created: words.success } });
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
