import { useId, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { AllowedAction, Ticket, Workflow } from '../api/types';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { SchemaForm } from '../forms/SchemaForm';
import { TextNote } from '../forms/TextNote';
import { useI18n } from '../i18n';
import { stateTone } from '../lib/workflow';

/** What a person had entered in a step's form when the ticket changed under them. */
export interface StepDraft {
  action: string;
  data: Record<string, unknown>;
  comment: string;
}

interface Props {
  ticket: Ticket;
  workflow: Workflow | undefined;
  actions: AllowedAction[];
  /** The step went through (`updated`: the ticket after it): reload and say so. */
  onDone: (action: AllowedAction, updated: Ticket) => void;
  /** The ticket changed first (LINLI_ERR_VERSION_CONFLICT): reload and explain; `draft` is what was entered, to offer again. */
  onConflict: (draft: StepDraft) => void;
  /**
   * Entries kept from before a conflict. When the step is still possible on
   * the reloaded ticket (a reminder or a whistle only added to its history),
   * its form opens again with them; nobody types a report twice.
   */
  draft?: StepDraft | null;
  /** The reporter's own steps on their portal: no "let the reporter see this" choice, the step's default holds. */
  asReporter?: boolean;
}

/** The steps I may take now; choosing one opens its generated form. */
export function ActionPanel({ ticket, workflow, actions, onDone, onConflict, draft, asReporter }: Props) {
  const { t, lang } = useI18n();
  const kept = draft && actions.some((a) => a.name === draft.action) ? draft : null;
  const [open, setOpen] = useState<string | null>(kept?.action ?? null);
  const [comment, setComment] = useState(kept?.comment ?? '');
  const [commentError, setCommentError] = useState(false);
  // Who reads what this step records: the step's default until staff choose otherwise.
  const [shareWithResident, setShareWithResident] = useState<boolean | null>(null);
  const commentId = useId();
  const title = (a: AllowedAction) => (lang === 'en' && a.titleEn ? a.titleEn : a.title);
  const action = actions.find((a) => a.name === open);

  if (!actions.length) return null;
  // Steps that turn a request away (不予受理) go last and never look like the main way forward.
  const declines = (a: AllowedAction) => stateTone(workflow, a.to) === 'muted';
  const ordered = [...actions.filter((a) => !declines(a)), ...actions.filter(declines)];

  async function submit(a: AllowedAction, data: Record<string, unknown>) {
    if (a.commentRequired && !comment.trim()) {
      setCommentError(true);
      document.getElementById(commentId)?.focus();
      return;
    }
    let updated: Ticket;
    try {
      updated = await api<Ticket>(`/api/tickets/${ticket.id}/transitions`, {
        body: {
          action: a.name,
          version: ticket.version,
          ...(a.form ? { data } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(shareWithResident !== null && a.visibility ? { visibility: shareWithResident ? 'public' : 'internal' } : {}),
        },
      });
    } catch (e) {
      // Only a real concurrent change is a conflict; a rule's refusal (even a 409) is shown with its own words.
      if (e instanceof ApiError && e.code === 'LINLI_ERR_VERSION_CONFLICT') {
        onConflict({ action: a.name, data, comment });
        return;
      }
      throw e;
    }
    setOpen(null);
    setComment('');
    setShareWithResident(null);
    onDone(a, updated);
  }

  return (
    <section className="card action-card" aria-labelledby="actions-title">
      <h2 id="actions-title" className="card-title">
        {t('ticket.actions')}
      </h2>
      {!action && (
        <div className="action-buttons">
          {ordered.map((a, i) => (
            <button key={a.name} type="button" className={`btn ${declines(a) ? 'btn-secondary btn-decline' : i === 0 ? 'btn-primary' : 'btn-secondary'}`} onClick={() => setOpen(a.name)}>
              {title(a)}
              <Icon name="chevronRight" size={16} />
            </button>
          ))}
        </div>
      )}
      {action && (
        <div className="action-form">
          <p className="action-form-title">
            <span className="muted">{t('ticket.step')}</span> {title(action)}
          </p>
          {kept && action.name === kept.action && (
            <Notice tone="info" title={t('ticket.draftKept')} />
          )}
          <SchemaForm key={action.name} formId={action.form} context={{ ticket }} initialData={kept && action.name === kept.action ? kept.data : undefined} known={ticket.data} onSubmit={(data) => submit(action, data)} submitLabel={t('ticket.submitStep', { action: title(action) })} onCancel={() => setOpen(null)}>
            <TextNote
              id={commentId}
              label={t('ticket.comment')}
              required={action.commentRequired}
              maxLength={5000}
              value={comment}
              onChange={(v) => {
                setComment(v);
                setCommentError(false);
              }}
              placeholder={action.commentRequired ? t('ticket.commentRequired') : t('ticket.commentOptional')}
              error={commentError ? t('ticket.commentMissing') : undefined}
            />
            {action.visibility && ticket.reporterId !== null && !asReporter && (
              <label className="check-row visibility-toggle">
                <input type="checkbox" checked={shareWithResident ?? action.visibility === 'public'} onChange={(e) => setShareWithResident(e.target.checked)} />
                <span>
                  {t('visibility.share')}
                  <span className="field-hint">{t('visibility.shareHint')}</span>
                </span>
              </label>
            )}
          </SchemaForm>
        </div>
      )}
    </section>
  );
}

