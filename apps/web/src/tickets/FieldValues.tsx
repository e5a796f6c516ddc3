import { loadForm } from '../api/cache';
import type { FormDoc } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { enumLabel, fieldTitle, orderedFields, schemaAt, widgetOf } from '../forms/fields';
import { fenToYuan } from '../forms/widgets/MoneyWidget';
import { useI18n } from '../i18n';
import { orgName } from '../lib/orgs';
import { formatDate, formatDateTime } from '../lib/time';

export function useFormDoc(formId: string | null | undefined) {
  return useLoad<FormDoc>(formId ?? null, () => loadForm(formId!));
}

function Photos({ ids }: { ids: unknown[] }) {
  const { t } = useI18n();
  return (
    <ul className="photo-grid photo-grid-sm">
      {ids.map((id, i) => (
        <li key={String(id)} className="photo-tile">
          <a href={`/api/attachments/${encodeURIComponent(String(id))}`} target="_blank" rel="noreferrer">
            <img src={`/api/attachments/${encodeURIComponent(String(id))}`} alt={t('photos.alt', { n: i + 1 })} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Data of a form shown read-only, each value under its field's title. Values
 * are rendered as text (React escapes them): whatever a resident typed is
 * shown, never interpreted.
 */
export function FieldValues({ formId, data }: { formId: string | null | undefined; data: Record<string, unknown> | null }) {
  const { t, lang } = useI18n();
  const dep = useDeployment();
  const form = useFormDoc(formId);
  if (!data || Object.keys(data).length === 0) return null;
  const doc = form.data;
  // A field the form hides (an id the plugin links by) is not for people to read.
  const keys = (doc ? [...orderedFields(doc).filter((k) => k in data), ...Object.keys(data).filter((k) => !orderedFields(doc).includes(k))] : Object.keys(data)).filter(
    (k) => !doc || widgetOf(doc, k) !== 'hidden',
  );

  function show(key: string, value: unknown) {
    const widget = doc ? widgetOf(doc, key) : undefined;
    const schema = doc ? schemaAt(doc.schema, `/${key}`) : undefined;
    if ((widget === 'photos' || key === 'photos') && Array.isArray(value)) return value.length ? <Photos ids={value} /> : <span className="muted">{t('common.none')}</span>;
    if (widget === 'org' && typeof value === 'string') return orgName(dep.org(value), lang) || value;
    // A money field holds integer fen: shown as the yuan people typed, never as the raw number.
    if (widget === 'money' && typeof value === 'number') return `¥${fenToYuan(value)}`;
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : doc ? enumLabel(doc, `/${key}`, v, lang) : String(v))).join(lang === 'en' ? ', ' : '、');
    if (value && typeof value === 'object') return <code className="json">{JSON.stringify(value)}</code>;
    if (typeof value === 'string' && schema?.format === 'date-time') return formatDateTime(value, lang);
    if (typeof value === 'string' && schema?.format === 'date') return formatDate(value, lang);
    return doc ? enumLabel(doc, `/${key}`, value ?? '', lang) : String(value ?? '');
  }

  return (
    <dl className="values">
      {keys.map((key) => (
        <div key={key} className={`values-row ${doc && widgetOf(doc, key) === 'textarea' ? 'values-long' : ''}`}>
          <dt>{doc ? fieldTitle(doc, `/${key}`, lang) : key}</dt>
          <dd>{show(key, data[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
