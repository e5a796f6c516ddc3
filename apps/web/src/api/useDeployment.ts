import { useMemo } from 'react';
import { loadOrgs, loadRoles, loadWorkflows } from './cache';
import type { Org, OrgType, RoleInfo, Workflow } from './types';
import { useLoad } from './useApi';

/** The deployment's workflows, org tree and roles: loaded once, looked up by id everywhere. */
export function useDeployment() {
  const workflows = useLoad('workflows', loadWorkflows);
  const orgs = useLoad('orgs', loadOrgs);
  const roles = useLoad('roles', loadRoles);
  return useMemo(
    () => ({
      workflows: workflows.data ?? [],
      orgs: orgs.data ?? [],
      roles: roles.data?.roles ?? [],
      orgTypes: roles.data?.orgTypes ?? [],
      /** The org's attributes (config orgAttributes: compound type…), inherited from the orgs above. */
      orgAttributes: (key: string | undefined): Record<string, string> => (key ? roles.data?.orgAttributes?.[key] : undefined) ?? {},
      workflow: (id: string): Workflow | undefined => workflows.data?.find((w) => w.id === id),
      org: (id: string | null | undefined): Org | undefined => (id ? orgs.data?.find((o) => o.id === id) : undefined),
      role: (id: string): RoleInfo | undefined => roles.data?.roles.find((r) => r.id === id),
      orgType: (id: string): OrgType | undefined => roles.data?.orgTypes.find((o) => o.id === id),
      ready: !!workflows.data && !!orgs.data && !!roles.data,
      error: workflows.error ?? orgs.error ?? roles.error,
      reload: () => {
        workflows.reload();
        orgs.reload();
        roles.reload();
      },
    }),
    [workflows, orgs, roles],
  );
}
