import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { WebPage } from '../api/types';
import { SchemaForm } from '../forms/SchemaForm';
import { useI18n } from '../i18n';
import { pluginUrl, rowHref } from './format';

/** A plugin's form page: its registered form, posted to the plugin's route; then on to `next`. */
export function FormPage({ plugin, page, params }: { plugin: string; page: Extract<WebPage, { kind: 'form' }>; params: Record<string, string> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="card">
      <SchemaForm
        key={`${page.id}?${new URLSearchParams(params).toString()}`}
        formId={page.form}
        context={{ params }}
        submitLabel={t('plugin.submit')}
        onCancel={() => navigate(-1)}
        onSubmit={async (data) => {
          await api(pluginUrl(plugin, page.submit, params), { body: data });
          const next = rowHref(page.next, plugin, params);
          navigate(next ?? '/queue', { state: { flash: t('plugin.saved') } });
        }}
      />
    </div>
  );
}
