import type { StateTone } from '../lib/workflow';

/** Chart colours per state family, matching the badges (see styles/app.css). */
export const toneColor: Record<StateTone, string> = {
  new: '#2563eb',
  progress: '#d97706',
  done: '#16a34a',
  muted: '#94a3b8',
};
export const overdueColor = '#dc2626';
export const seriesColors = ['#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777'];
