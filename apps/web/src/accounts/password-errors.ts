import { ApiError } from '../api/client';

/** Words for a refused new password: the server names the reason in details[0].expected (too-short, common, username). */
export function passwordProblem(e: unknown, t: (k: string, o?: Record<string, unknown>) => string, min: number): string | null {
  if (!(e instanceof ApiError) || e.code !== 'LINLI_ERR_WEAK_PASSWORD') return null;
  const reason = e.details[0]?.expected ?? 'too-short';
  return t(`setup.weak.${reason}`, { min });
}
