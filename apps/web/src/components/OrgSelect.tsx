import type { Org } from '../api/types';
import { useI18n } from '../i18n';
import { orgName, treeOrder } from '../lib/orgs';

interface Props {
  id: string;
  orgs: readonly Org[];
  value: string;
  onChange: (id: string) => void;
  /** Only these orgs can be chosen (the others are left out). */
  filter?: (o: Org) => boolean;
  /** The label of the empty choice; without it a choice is required. */
  emptyLabel?: string;
  required?: boolean;
  disabled?: boolean;
  describedBy?: string;
  onBlur?: () => void;
}

/**
 * A native select over the org tree, indented by depth. Native on purpose:
 * phones show their own picker, and screen readers and keyboards know it.
 */
export function OrgSelect({ id, orgs, value, onChange, filter, emptyLabel, required, disabled, describedBy, onBlur }: Props) {
  const { lang, t } = useI18n();
  // A deactivated org (停用) is offered nowhere; one already chosen still shows its name.
  const list = treeOrder(orgs).filter((o) => (!o.deactivated || o.id === value) && (!filter || filter(o)));
  const minDepth = Math.min(...list.map((o) => o.depth));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={required} disabled={disabled} aria-describedby={describedBy} onBlur={onBlur}>
      <option value="">{emptyLabel ?? t('common.choose')}</option>
      {list.map((o) => (
        <option key={o.id} value={o.id}>
          {'\u3000'.repeat(Math.max(0, o.depth - minDepth))}
          {orgName(o, lang)}
        </option>
      ))}
    </select>
  );
}
