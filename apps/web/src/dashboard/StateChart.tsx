import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardWorkflow, Workflow } from '../api/types';
import { useI18n } from '../i18n';
import { stateTone } from '../lib/workflow';
import { overdueColor, toneColor } from './colors';

/**
 * Tickets per state of one workflow, with the overdue ones beside them.
 * Horizontal bars: state names stay readable on a phone. The figure's label
 * repeats the numbers for screen readers (the table below has them too).
 */
export function StateChart({ figures, workflow }: { figures: DashboardWorkflow; workflow: Workflow | undefined }) {
  const { t, lang } = useI18n();
  const rows = figures.states.map((s) => ({ id: s.id, name: lang === 'en' ? s.titleEn : s.title, count: s.count, overdue: s.overdue }));
  const title = lang === 'en' ? figures.titleEn : figures.title;
  const summary = `${title}: ${rows.map((r) => `${r.name} ${r.count}`).join(lang === 'en' ? ', ' : '，')}`;
  return (
    <figure className="chart" aria-label={summary} data-workflow={figures.id}>
      <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 40 + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 4 }} barCategoryGap="18%" barGap={2} accessibilityLayer>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#64748b' }} axisLine={false} tickLine={false} />
          <YAxis type="category" dataKey="name" width={lang === 'en' ? 120 : 72} tick={{ fontSize: 13, fill: '#334155' }} axisLine={false} tickLine={false} />
          <Tooltip cursor={{ fill: 'rgba(37,99,235,0.06)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="count" name={t('dashboard.count')} fill={toneColor.new} radius={[0, 4, 4, 0]} barSize={14} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.id} fill={toneColor[stateTone(workflow, r.id)]} />
            ))}
            <LabelList dataKey="count" position="right" fontSize={12} fill="#0f172a" />
          </Bar>
          <Bar dataKey="overdue" name={t('dashboard.overdue')} fill={overdueColor} radius={[0, 4, 4, 0]} barSize={8} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
