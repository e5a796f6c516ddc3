import { useRef, useState } from 'react';
import { api } from '../api/client';
import type { WebPage } from '../api/types';
import { useLoad } from '../api/useApi';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { pluginUrl } from './format';
import { WebActions } from './WebActions';

/**
 * A plugin's HTML document (minutes, a notice) in a sandboxed frame: no
 * scripts run in it (no allow-scripts; the page's CSP applies to srcdoc too),
 * so stored text inside it cannot act. allow-same-origin lets us size the
 * frame to its content and print it.
 */
export function HtmlPage({ plugin, page, params }: { plugin: string; page: Extract<WebPage, { kind: 'html' }>; params: Record<string, string> }) {
  const { t, pick } = useI18n();
  const url = pluginUrl(plugin, page.source, params);
  const doc = useLoad(url, (signal) => api<string>(url, { signal, text: true }));
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(600);

  if (doc.error) return <ErrorNotice error={doc.error} onRetry={doc.reload} />;
  if (doc.data === undefined) return <Loading />;
  return (
    <div className="card html-page">
      <WebActions plugin={plugin} actions={page.actions} fields={params} />
      <div className="html-toolbar">
        <button type="button" className="btn btn-secondary" onClick={() => frame.current?.contentWindow?.print()}>
          <Icon name="print" size={18} />
          {t('plugin.print')}
        </button>
      </div>
      <iframe
        ref={frame}
        title={pick(page.title)}
        sandbox="allow-same-origin allow-modals"
        srcDoc={doc.data}
        style={{ height }}
        onLoad={() => {
          const body = frame.current?.contentDocument?.documentElement;
          if (body) setHeight(Math.max(300, body.scrollHeight + 24));
        }}
      />
    </div>
  );
}
