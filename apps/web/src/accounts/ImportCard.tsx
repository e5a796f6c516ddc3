import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { errorTitle } from '../components/ErrorNotice';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';

interface ImportResult {
  dryRun: boolean;
  counts: Record<string, Record<string, number> | number>;
  preview: string[];
  notes: string[];
}

/** A sheet the city's import takes (the core's and the enabled plugins'), as /api/admin/import/sheets lists them. */
interface SheetInfo {
  id: string;
  name: { 'zh-CN': string; en: string };
  columns: { title: { 'zh-CN': string; en: string }; required: boolean }[];
}

const typeOf = (name: string) => (/\.csv$/i.test(name) ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

/**
 * A roster (.xlsx or .csv, the template of `npx linli export --template`)
 * checked first (试运行: every problem by cell, or what would change), then
 * imported all or nothing.
 */
export function ImportCard({ onImported }: { onImported: () => void }) {
  const { t, pick } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<{ path: string; message: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  useEffect(() => {
    api<{ items: SheetInfo[] }>('/api/admin/import/sheets').then(
      (r) => setSheets(r.items),
      (e: Error) => setError(errorTitle(e, t)),
    );
  }, [t]);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProblems(null);
    try {
      const body = new Blob([file], { type: typeOf(file.name) });
      const r = await api<ImportResult>(`/api/admin/import?dryRun=${dryRun}&name=${encodeURIComponent(file.name)}`, { body });
      setResult(r);
      if (!dryRun) onImported();
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError && e.code === 'LINLI_ERR_IMPORT_INVALID') setProblems(e.details);
      else setError(errorTitle(e as Error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card">
      <summary className="card-title">{t('importer.title')}</summary>
      <p className="muted">{t('importer.hint')}</p>
      {sheets.length > 0 && (
        <div className="import-sheets">
          <p className="muted">{t('importer.sheets')}</p>
          <ul className="import-list">
            {sheets.map((s) => (
              <li key={s.id}>
                <strong>{pick(s.name)}</strong>：{s.columns.map((c) => `${pick(c.title)}${c.required ? '*' : ''}`).join('、')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor="import-file">{t('importer.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
            setProblems(null);
          }}
        />
      </div>
      <div className="person-actions">
        <button type="button" className="btn btn-secondary" disabled={!file || busy} onClick={() => void send(true)}>
          {t('importer.dryRun')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!file || busy || !result?.dryRun} onClick={() => void send(false)}>
          {t('importer.run')}
        </button>
      </div>
      {error && <Notice tone="error" title={error} />}
      {problems && (
        <Notice tone="error" title={t('importer.problems', { count: problems.length })}>
          <ul className="import-list">
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {result && (
        <Notice tone={result.dryRun ? 'info' : 'success'} title={result.dryRun ? t('importer.preview', { count: result.preview.length }) : t('importer.done', { count: result.preview.length })}>
          <ul className="import-list">
            {result.preview.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
      {result && result.notes.length > 0 && (
        <Notice tone="info" title={t('importer.notes', { count: result.notes.length })}>
          <ul className="import-list">
            {result.notes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
    </details>
  );
}
