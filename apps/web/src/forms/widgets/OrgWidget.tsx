import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useDeployment } from '../../api/useDeployment';
import { OrgSelect } from '../../components/OrgSelect';

/**
 * `'ui:widget': 'org'`: pick an organization (a department, a property
 * company, a community…) from the tree; the field holds its id.
 * `'ui:options': { kind: 'side' | 'level', types: [...] }` narrows the list.
 */
export function OrgWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, disabled, readonly, required, options } = props;
  const { orgs } = useDeployment();
  const kind = options.kind as 'side' | 'level' | undefined;
  const types = Array.isArray(options.types) ? (options.types as string[]) : undefined;
  return (
    <OrgSelect
      id={id}
      orgs={orgs}
      value={typeof value === 'string' ? value : ''}
      onChange={(v) => onChange(v === '' ? undefined : v)}
      onBlur={() => onBlur(id, value)}
      filter={(o) => (!kind || o.kind === kind) && (!types || types.includes(o.type))}
      required={required}
      disabled={disabled || readonly}
      describedBy={ariaDescribedByIds(id)}
    />
  );
}
