import { Link } from 'react-router';
import type { WebAction } from '@linli/sdk';
import { visibleTo } from '../app/nav';
import { useMenuHints } from '../app/useMenu';
import { useSession } from '../auth/session';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { rowHref } from './format';

/** Whether an action's `when` conditions hold for these fields. */
const applies = (a: WebAction, fields: Record<string, unknown>) => Object.entries(a.when ?? {}).every(([k, allowed]) => allowed.includes(String(fields[k] ?? '')));

/**
 * A plugin's declared buttons (on a page, or on one row of a table), as
 * links filled from `fields`: those for my roles whose conditions hold.
 */
export function WebActions({ plugin, actions, fields, compact }: { plugin: string; actions: WebAction[] | undefined; fields: Record<string, unknown>; compact?: boolean }) {
  const { pick } = useI18n();
  const { me } = useSession();
  const { staff } = useMenuHints();
  const shown = (actions ?? []).filter((a) => visibleTo(me, a, staff) && applies(a, fields)).flatMap((a) => {
    const to = rowHref(a.to, plugin, fields);
    return to ? [{ a, to }] : [];
  });
  if (!shown.length) return null;
  return (
    <div className={compact ? 'row-actions' : 'page-actions'}>
      {shown.map(({ a, to }, i) => (
        <Link key={to} to={to} className={`btn ${compact ? 'btn-secondary btn-sm' : i === 0 ? 'btn-primary' : 'btn-secondary'}`}>
          {pick(a.title)}
          {!compact && <Icon name="chevronRight" size={16} />}
        </Link>
      ))}
    </div>
  );
}
