import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { Notice } from './Notice';

/** Turns any error into words a person can act on, with a retry when there is something to retry. */
export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Notice
      tone="error"
      title={errorTitle(error, t)}
      action={
        onRetry && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )
      }
    >
      {error instanceof ApiError && !error.network && error.status >= 500 ? t('errors.server') : null}
    </Notice>
  );
}

export function errorTitle(error: Error, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.network) return t('errors.network');
  if (error.status === 401) return t('errors.unauthenticated');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 413) return t('errors.tooLarge');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status >= 500) return t('errors.serverTitle');
  return error.message;
}
