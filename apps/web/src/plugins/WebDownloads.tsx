import type { WebDownload } from '@linli/sdk';
import { visibleTo } from '../app/nav';
import { useMenuHints } from '../app/useMenu';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { pluginUrl } from './format';

/**
 * A plugin page's declared downloads (an export for a spreadsheet), as plain
 * links to its API filled from the page's parameters: the session cookie
 * goes with them, and the route decides what the file holds.
 */
export function WebDownloads({ plugin, downloads, params }: { plugin: string; downloads: WebDownload[] | undefined; params: Record<string, unknown> }) {
  const { pick } = useI18n();
  const { me } = useSession();
  const { staff } = useMenuHints();
  const shown = (downloads ?? []).filter((d) => visibleTo(me, d, staff));
  if (!shown.length) return null;
  return (
    <div className="page-actions">
      {shown.map((d) => {
        const href = pluginUrl(plugin, d.source, params);
        return (
          <a key={href} href={href} className="btn btn-secondary" download>
            {pick(d.title)}
          </a>
        );
      })}
    </div>
  );
}
