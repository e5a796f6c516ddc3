import { loadRoles } from '../api/cache';
import { useLoad } from '../api/useApi';
import { useSession } from '../auth/session';

/** Whether the logged-in person holds a role the deployment marks as administrator (the server decides what they may do; this only shapes the menu). */
export function useIsAdmin(): boolean {
  const { me } = useSession();
  const roles = useLoad(me ? 'roles' : null, loadRoles);
  return !!me && me.roles.some((r) => roles.data?.roles.find((d) => d.id === r.role)?.admin);
}
