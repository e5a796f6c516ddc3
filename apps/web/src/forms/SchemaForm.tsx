import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { errorTitle } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { detailsToErrorSchema } from './errors';
import { localizedUiSchema } from './fields';
import { makeTransformErrors, makeTranslateString, templates } from './theme';
import { useForm } from './useForm';
import type { FormContext } from './context';
import { LookupWidget } from './widgets/LookupWidget';
import { MoneyWidget } from './widgets/MoneyWidget';
import { OrgWidget } from './widgets/OrgWidget';
import { PhotosWidget } from './widgets/PhotosWidget';

const widgets = { photos: PhotosWidget, org: OrgWidget, lookup: LookupWidget, money: MoneyWidget };
const noBlankItems = { arrayMinItems: { populate: 'never' } } as const;

export interface SchemaFormProps {
  /** The form to render; null renders only `children` (a step without a form, e.g. a comment). */
  formId: string | null;
  initialData?: Record<string, unknown>;
  /** Sends the data; throw the ApiError to have it shown (422 details land at their fields). */
  onSubmit: (data: Record<string, unknown>) => Promise<void>;
  submitLabel: string;
  onCancel?: () => void;
  /** Extra inputs after the generated fields (a comment box). */
  children?: ReactNode;
  /** Shows the form's own title as a heading. */
  showTitle?: boolean;
  /** The ticket of the step, the page's parameters: what pickers filter by and prefill from. */
  context?: FormContext;
  /**
   * Values already known (the ticket's fields): a field of this form with the
   * same name starts with its value (梳理 confirms the category the resident
   * chose), so nobody retypes what is known. Ignored when `initialData` is given.
   */
  known?: Record<string, unknown>;
  /** Validate as the person types (form previews), not only on submit. */
  liveValidate?: boolean;
}

/**
 * A generated form with the app's theme: client-side validation from the
 * precompiled validator, the server's 422 field errors shown at their fields,
 * and the typed data kept on any failure (the form stays mounted and
 * controlled), so a dropped connection costs nobody their text.
 */
export function SchemaForm({ formId, initialData, onSubmit, submitLabel, onCancel, children, showTitle, context, known, liveValidate }: SchemaFormProps) {
  const { t, lang, pick } = useI18n();
  const loaded = useForm(formId);
  const [data, setData] = useState<Record<string, unknown>>(initialData ?? {});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [problem, setProblem] = useState<{ tone: 'error' | 'warning'; title: string; body?: string; invalid?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const idPrefix = `f${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const transformErrors = useMemo(() => makeTransformErrors(t), [t]);
  const translateString = useMemo(() => makeTranslateString(t), [t]);
  const loadedForm = loaded.data?.form;
  useEffect(() => {
    if (!loadedForm || initialData || !known) return;
    const fields = (loadedForm.schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
    const start = Object.fromEntries(Object.entries(known).filter(([k, v]) => k in fields && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')));
    if (Object.keys(start).length) setData((d) => ({ ...start, ...d }));
    // Once, when the form arrives: later edits are the person's.
  }, [loadedForm]);
  const uiSchema = useMemo(() => (loaded.data ? (localizedUiSchema(loaded.data.form, lang) as UiSchema) : undefined), [loaded.data, lang]);
  // A lookup may follow another field of the form (`{form.<field>}`): the context carries what is filled in now.
  const formContext = useMemo(() => ({ ...context, form: data }), [context, data]);

  async function send(formData: Record<string, unknown>) {
    setBusy(true);
    setProblem(null);
    setExtraErrors(undefined);
    try {
      await onSubmit(formData);
    } catch (e) {
      const err = e as Error;
      if (err instanceof ApiError && err.status === 422 && err.details.length) {
        // Details about this form's fields go to the fields; the rest (a rule of the
        // practice, like a missing party at a meeting) must still be read, in the notice.
        const fields = new Set(Object.keys((loaded.data?.form.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}));
        // '/body/data/x' (request validation) and '/data/x' (a plugin's rule about a step's data) both mean field x.
        const fieldOf = (path: string) => path.replace(/^(\/body)?(\/data)?(?=\/|$)/, '').split('/').filter(Boolean)[0];
        const atFields = err.details.filter((d) => fields.has(fieldOf(d.path) ?? ''));
        const elsewhere = [...new Set(err.details.filter((d) => !atFields.includes(d)).map((d) => d.message))];
        if (atFields.length) setExtraErrors(detailsToErrorSchema(atFields));
        const body = elsewhere.filter((m) => m !== err.message).join(' ');
        // A rule's message already shown at its field is not repeated in the notice.
        const shownAtFields = new Set(atFields.map((d) => d.message));
        const summary = shownAtFields.has(err.message) ? '' : err.message;
        setProblem({ tone: 'error', title: atFields.length ? t('form.fixFields') : err.message, body: atFields.length ? [summary, body].filter(Boolean).join(' ') || undefined : body || undefined, invalid: atFields.length > 0 });
      } else if (err instanceof ApiError && err.network) {
        setProblem({ tone: 'warning', title: t('errors.network'), body: t('form.kept') });
      } else {
        setProblem({ tone: 'error', title: errorTitle(err, t), body: err instanceof ApiError && err.status === 422 ? undefined : t('form.kept') });
      }
    } finally {
      setBusy(false);
    }
  }

  const buttons = (
    <div className="form-actions">
      {onCancel && (
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy || (formId !== null && !loaded.data)}>
        {busy ? t('form.sending') : submitLabel}
      </button>
    </div>
  );
  const notice = problem && (
    <Notice tone={problem.tone} title={problem.title}>
      {problem.body}
    </Notice>
  );

  if (formId === null) {
    return (
      <form
        className="schema-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send({});
        }}
      >
        {notice}
        {children}
        {buttons}
      </form>
    );
  }
  if (loaded.error) return <Notice tone="error" title={errorTitle(loaded.error, t)} />;
  if (!loaded.data || !uiSchema) return <Loading />;
  const { form, validator } = loaded.data;
  return (
    <div className="schema-form">
      {showTitle && <h2 className="form-title">{pick(form.title)}</h2>}
      {notice}
      <Form
        schema={form.schema as RJSFSchema}
        uiSchema={uiSchema}
        validator={validator}
        formData={data}
        onChange={(e) => {
          setData((e.formData ?? {}) as Record<string, unknown>);
          // The "fix the marked fields" note goes once they are being fixed; a network warning stays.
          setProblem((p) => (p?.invalid ? null : p));
        }}
        onSubmit={(e) => void send((e.formData ?? {}) as Record<string, unknown>)}
        onError={() => setProblem({ tone: 'error', title: t('form.fixFields'), invalid: true })}
        extraErrors={extraErrors}
        showErrorList={false}
        liveValidate={liveValidate === true}
        noHtml5Validate
        // A required list (photos, minItems 1) starts empty: RJSF would fill it with blank items that render as a broken photo and fail validation.
        experimental_defaultFormStateBehavior={noBlankItems}
        focusOnFirstError
        templates={templates}
        widgets={widgets}
        transformErrors={transformErrors}
        translateString={translateString}
        idPrefix={idPrefix}
        formContext={formContext}
        disabled={busy}
      >
        {children}
        {buttons}
      </Form>
    </div>
  );
}
