import { useState } from 'react';
import { Link } from 'react-router';
import type { WebAction } from '@linli/sdk';
import { api } from '../api/client';
import { errorTitle } from '../components/ErrorNotice';
import { visibleTo } from '../app/nav';
import { useMenuHints } from '../app/useMenu';
import { useSession } from '../auth/session';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { pluginUrl, rowHref } from './format';

/** Whether an action's `when` conditions hold for these fields. */
const applies = (a: WebAction, fields: Record<string, unknown>) => Object.entries(a.when ?? {}).every(([k, allowed]) => allowed.includes(String(fields[k] ?? '')));

/**
 * A plugin's declared buttons (on a page, or on one row of a table), as
 * links filled from `fields`: those for my roles whose conditions hold. A
 * `post:` action is a button that asks first, sends the request, then calls
 * `onDone` (the table reloads); a refusal shows beside it.
 */
export function WebActions({ plugin, actions, fields, compact, onDone }: { plugin: string; actions: WebAction[] | undefined; fields: Record<string, unknown>; compact?: boolean; onDone?: () => void }) {
  const { pick, t } = useI18n();
  const { me } = useSession();
  const { staff } = useMenuHints();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  type Shown = { a: WebAction; to: string; post: null } | { a: WebAction; to: null; post: string };
  const shown = (actions ?? []).filter((a) => visibleTo(me, a, staff) && applies(a, fields)).flatMap((a): Shown[] => {
    const post = /^post:(\/.+)$/.exec(a.to);
    if (post) return [{ a, to: null, post: pluginUrl(plugin, post[1]!, fields) }];
    const to = rowHref(a.to, plugin, fields);
    return to ? [{ a, to, post: null }] : [];
  });
  if (!shown.length) return null;
  const send = async (a: WebAction, url: string) => {
    if (a.confirm && !window.confirm(pick(a.confirm))) return;
    setBusy(true);
    setProblem(null);
    try {
      await api(url, { method: 'POST', body: {} });
      onDone?.();
    } catch (err) {
      setProblem(errorTitle(err as Error, t));
    } finally {
      setBusy(false);
    }
  };
  const style = (i: number) => `btn ${compact ? 'btn-secondary btn-sm' : i === 0 ? 'btn-primary' : 'btn-secondary'}`;
  return (
    <div className={compact ? 'row-actions' : 'page-actions'}>
      {shown.map(({ a, to, post }, i) =>
        post ? (
          <button key={post} type="button" className={style(i)} disabled={busy} onClick={() => void send(a, post)}>
            {pick(a.title)}
          </button>
        ) : (
          <Link key={to} to={to!} className={style(i)}>
            {pick(a.title)}
            {!compact && <Icon name="chevronRight" size={16} />}
          </Link>
        ),
      )}
      {problem && (
        <p className="action-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
