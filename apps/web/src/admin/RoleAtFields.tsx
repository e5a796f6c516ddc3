import type { Org, RoleInfo } from '../api/types';
import { OrgSelect } from '../components/OrgSelect';
import { useI18n } from '../i18n';
import type { AdminGrid } from './admin-api';

/** A role and where it is held: a grid for grid roles, an org for the rest. */
export interface RoleAt {
  role: string;
  orgId: string;
  gridId: string;
}

export const emptyRoleAt: RoleAt = { role: '', orgId: '', gridId: '' };

const heldAtGrid = (roles: readonly RoleInfo[], at: RoleAt) => roles.find((r) => r.id === at.role)?.heldAt === 'grid';

/** Whether a role and its place are both chosen. */
export function roleAtComplete(roles: readonly RoleInfo[], at: RoleAt): boolean {
  return Boolean(at.role) && (heldAtGrid(roles, at) ? Boolean(at.gridId) : Boolean(at.orgId));
}

/** The body part the people routes take for a role: `{ role, gridId }` or `{ role, orgId }`. */
export function roleAtBody(roles: readonly RoleInfo[], at: RoleAt): { role: string; gridId: string } | { role: string; orgId: string } {
  return heldAtGrid(roles, at) ? { role: at.role, gridId: at.gridId } : { role: at.role, orgId: at.orgId };
}

interface Props {
  /** Prefix of the fields' ids (`<prefix>-role`, `-grid`, `-org`). */
  idPrefix: string;
  roles: readonly RoleInfo[];
  /** The places offered: the orgs and grids the administrator administers (the server refuses any other). */
  orgs: readonly Org[];
  grids: readonly AdminGrid[];
  value: RoleAt;
  onChange: (next: RoleAt) => void;
  labels: { role: string; grid: string; org: string };
}

/** The role select, then the grid or org it is held at — the invite form and a person's roles panel alike. */
export function RoleAtFields({ idPrefix, roles, orgs, grids, value, onChange, labels }: Props) {
  const { t, pick } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>{labels.role}</label>
        <select id={`${idPrefix}-role`} value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value })}>
          <option value="">{t('common.choose')}</option>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {pick(r.title)}
            </option>
          ))}
        </select>
      </div>
      {heldAtGrid(roles, value) ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-grid`}>{labels.grid}</label>
          <select id={`${idPrefix}-grid`} value={value.gridId} onChange={(e) => onChange({ ...value, gridId: e.target.value })}>
            <option value="">{t('common.choose')}</option>
            {grids.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${idPrefix}-org`}>{labels.org}</label>
          <OrgSelect id={`${idPrefix}-org`} orgs={orgs} value={value.orgId} onChange={(orgId) => onChange({ ...value, orgId })} />
        </div>
      )}
    </>
  );
}
