import { ApiError } from '../api/client';
import { forget } from '../api/cache';
import { errorTitle } from '../components/ErrorNotice';

/** A grid as `GET /api/admin/grids` lists it: what it covers and who works it. */
export interface AdminGrid {
  id: string;
  key: string;
  name: string;
  orgId: string;
  orgName: string;
  covers: { id: string; name: string; type: string; path: string; deactivated: boolean }[];
  members: { grantId: string; personId: string; name: string; role: string; disabled: boolean }[];
}

/**
 * What an administrator reads when a change is refused. The server's
 * refusals (a role above their own, an org still in use, a move the tree
 * does not allow) say what to do, in the person's language: show them as
 * they are; everything else reads as the app's usual error titles.
 */
export function refusalText(err: Error, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (err instanceof ApiError && [403, 409, 422].includes(err.status) && err.code.startsWith('LINLI_ERR_') && err.code !== 'LINLI_ERR_FORBIDDEN') return err.message;
  return errorTitle(err, t);
}

/** After a change to the tree or the grids, the other pages (pickers, 组织网格) load them afresh. */
export function structureChanged(): void {
  forget('orgs', 'grids');
}
