import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import type { Org } from '../../api/types';
import { useDeployment } from '../../api/useDeployment';
import { OrgSelect } from '../../components/OrgSelect';
import { useI18n } from '../../i18n';
import { orgName } from '../../lib/orgs';
import type { FormContext } from '../context';

/**
 * `'ui:widget': 'org'`: pick an organization (a department, a property
 * company, a community…) from the tree by name; the field holds its id.
 * `'ui:options'` (the SDK's `orgPicker()`): `kind: 'side' | 'level'` and
 * `types: [...]` narrow the list; `near: true` keeps the orgs attached to the
 * ticket's place or above it (a compound's own property company);
 * `search: true` adds a search box. The only org left is chosen already.
 */
export function OrgWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, disabled, readonly, required, options, registry } = props;
  const { orgs } = useDeployment();
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const kind = options.kind as 'side' | 'level' | undefined;
  const types = Array.isArray(options.types) ? (options.types as string[]) : undefined;
  const place = (registry.formContext as FormContext | undefined)?.ticket?.orgId;
  const placePath = place ? orgs.find((o) => o.id === place)?.path : undefined;
  // Attached to the place or to an org above it: its parent lies on the place's path.
  const near = (o: Org) => !options.near || !placePath || (o.parentId !== null && placePath.includes(`/${o.parentId}/`));
  const fits = (o: Org) => (!kind || o.kind === kind) && (!types || types.includes(o.type)) && near(o);
  const candidates = orgs.filter((o) => !o.deactivated && fits(o));
  const only = candidates.length === 1 ? candidates[0]!.id : null;
  useEffect(() => {
    if (only && (value === undefined || value === '')) onChange(only);
  }, [only, value, onChange]);
  const q = query.trim().toLowerCase();
  return (
    <>
      {options.search === true && candidates.length > 6 && (
        <input type="search" className="lookup-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('form.search')} aria-label={t('form.search')} />
      )}
      <OrgSelect
        id={id}
        orgs={orgs}
        value={typeof value === 'string' ? value : ''}
        onChange={(v) => onChange(v === '' ? undefined : v)}
        onBlur={() => onBlur(id, value)}
        filter={(o) => fits(o) && (!q || orgName(o, lang).toLowerCase().includes(q) || o.id === value)}
        required={required}
        disabled={disabled || readonly}
        describedBy={ariaDescribedByIds(id)}
      />
    </>
  );
}
