import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client';
import type { WebWidget } from '../api/types';
import { useLoad } from '../api/useApi';
import { seriesColors } from '../dashboard/colors';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { pluginUrl } from './format';

/** A dashboard widget a plugin declares: one number, or a bar/line chart of `y` fields over `x`. `{orgId}` is the dashboard's org. */
export function PluginWidget({ plugin, widget, orgId }: { plugin: string; widget: WebWidget; orgId: string }) {
  const { pick } = useI18n();
  const url = pluginUrl(plugin, widget.source, { orgId });
  const data = useLoad(url, (signal) => api<{ value?: number | string; items?: Record<string, unknown>[] }>(url, { signal }));
  const ys = widget.y ?? [];

  return (
    <section className={`card widget widget-kind-${widget.kind}`} aria-labelledby={`w-${plugin}-${widget.id}`}>
      <h3 id={`w-${plugin}-${widget.id}`} className="card-title">
        {pick(widget.title)}
      </h3>
      {data.error && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {data.loading && <Loading />}
      {data.data && widget.kind === 'stat' && <p className="widget-stat">{String(data.data.value ?? '—')}</p>}
      {data.data && widget.kind !== 'stat' && (
        <figure className="chart" aria-label={`${pick(widget.title)}: ${(data.data.items ?? []).map((r) => `${String(r[widget.x ?? ''])} ${ys.map((y) => String(r[y.field])).join('/')}`).join(', ')}`}>
          <ResponsiveContainer width="100%" height={220}>
            {widget.kind === 'line' ? (
              <LineChart data={data.data.items ?? []} margin={{ top: 8, right: 16, bottom: 4, left: -12 }}>
                <CartesianGrid stroke="#e5e7eb" vertical={false} />
                <XAxis dataKey={widget.x} tick={{ fontSize: 12, fill: '#64748b' }} />
                <YAxis tick={{ fontSize: 12, fill: '#64748b' }} />
                <Tooltip />
                {ys.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
                {ys.map((y, i) => (
                  <Line key={y.field} type="monotone" dataKey={y.field} name={pick(y.title)} stroke={seriesColors[i % seriesColors.length]} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
                ))}
              </LineChart>
            ) : (
              <BarChart data={data.data.items ?? []} margin={{ top: 8, right: 16, bottom: 4, left: -12 }}>
                <CartesianGrid stroke="#e5e7eb" vertical={false} />
                <XAxis dataKey={widget.x} tick={{ fontSize: 12, fill: '#64748b' }} />
                <YAxis tick={{ fontSize: 12, fill: '#64748b' }} />
                <Tooltip />
                {ys.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
                {ys.map((y, i) => (
                  <Bar key={y.field} dataKey={y.field} name={pick(y.title)} fill={seriesColors[i % seriesColors.length]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
                ))}
              </BarChart>
            )}
          </ResponsiveContainer>
        </figure>
      )}
    </section>
  );
}
