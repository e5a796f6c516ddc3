import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { WebPage } from '../api/types';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { SchemaForm } from '../forms/SchemaForm';
import { useI18n } from '../i18n';
import { formatCell, pluginUrl, rowHref } from './format';

type Context = NonNullable<Extract<WebPage, { kind: 'form' }>['context']>;

/** The declared context of a form page: what the form is about, labelled, above it. */
function FormContextCard({ plugin, context, params }: { plugin: string; context: Context; params: Record<string, string> }) {
  const { pick, lang } = useI18n();
  const url = pluginUrl(plugin, context.source, params);
  const data = useLoad(url, (signal) => api<Record<string, unknown>>(url, { signal }));
  if (data.error) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return null;
  return (
    <div className="card form-context">
      <dl className="values">
        {context.fields.map((f) => (
          <div key={f.field} className="values-row">
            <dt>{pick(f.title)}</dt>
            <dd>{formatCell(data.data![f.field], f.format, lang)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A plugin's form page: its registered form, posted to the plugin's route; then on to `next`. */
export function FormPage({ plugin, page, params }: { plugin: string; page: Extract<WebPage, { kind: 'form' }>; params: Record<string, string> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
    {page.context && <FormContextCard plugin={plugin} context={page.context} params={params} />}
    <div className="card">
      <SchemaForm
        key={`${page.id}?${new URLSearchParams(params).toString()}`}
        formId={page.form}
        context={{ params }}
        submitLabel={t('plugin.submit')}
        onCancel={() => navigate(-1)}
        onSubmit={async (data) => {
          const answer = await api<{ notice?: unknown } | null>(pluginUrl(plugin, page.submit, params), { body: data });
          const next = rowHref(page.next, plugin, params);
          // What else the change did, as the route says it (a committee seat that ended with an owner's removal).
          const notice = typeof answer?.notice === 'string' && answer.notice ? answer.notice : '';
          navigate(next ?? '/queue', { state: { flash: notice ? `${t('plugin.saved')}：${notice}` : t('plugin.saved') } });
        }}
      />
    </div>
    </>
  );
}
