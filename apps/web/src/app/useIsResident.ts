import { loadRoles } from '../api/cache';
import { useLoad } from '../api/useApi';
import { useSession } from '../auth/session';
import { isResidentOnly } from '../resident/portal';

/** Whether the logged-in person uses Linli as a resident (every role sees only their own tickets): the menu shows their portal, not the queue and map. */
export function useIsResident(): boolean {
  const { me } = useSession();
  const roles = useLoad(me ? 'roles' : null, loadRoles);
  return !!me && !!roles.data && isResidentOnly(me, roles.data.roles);
}
