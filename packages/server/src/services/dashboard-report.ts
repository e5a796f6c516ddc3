import { localize, toCsv, type Deployment, type Locale } from '@linli/core';
import type { DashboardRow } from '@linli/db';

export interface Figures {
  total: number;
  open: number;
  overdue: number;
  closed: number;
  /** Mean hours from filing to closing over closed tickets; null when none closed. */
  avgHoursToClose: number | null;
  /** Share of closed tickets that never went overdue, in percent; null when none closed. */
  closedInTimePct: number | null;
}

export interface StateFigures {
  id: string;
  title: string;
  titleEn: string;
  terminal: boolean;
  count: number;
  overdue: number;
}

export interface WorkflowFigures extends Figures {
  id: string;
  title: string;
  titleEn: string;
  states: StateFigures[];
}

export interface DashboardReport {
  totals: Figures;
  workflows: WorkflowFigures[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function figures(rows: readonly DashboardRow[]): Figures {
  const sum = (k: 'count' | 'open' | 'overdue' | 'closed' | 'closedInTime' | 'hoursToCloseSum') => rows.reduce((s, r) => s + r[k], 0);
  const closed = sum('closed');
  return {
    total: sum('count'),
    open: sum('open'),
    overdue: sum('overdue'),
    closed,
    avgHoursToClose: closed ? round1(sum('hoursToCloseSum') / closed) : null,
    closedInTimePct: closed ? round1((100 * sum('closedInTime')) / closed) : null,
  };
}

/**
 * Turns the grouped rows into what a dashboard draws: every workflow the
 * deployment knows, each with all its states in definition order (zero
 * counts included, so charts keep their shape), plus states found in the
 * data that the definition no longer has.
 */
export function buildDashboardReport(deployment: Deployment, rows: readonly DashboardRow[]): DashboardReport {
  const workflows = deployment.workflows.list().map((w): WorkflowFigures => {
    const mine = rows.filter((r) => r.workflow === w.def.id);
    const known = w.def.states.map((s) => s.id);
    const states: StateFigures[] = [...known, ...mine.map((r) => r.state).filter((s) => !known.includes(s))].map((id) => {
      const def = w.state(id);
      const row = mine.find((r) => r.state === id);
      return {
        id,
        title: def ? localize(def.title, 'zh-CN') : id,
        titleEn: def ? localize(def.title, 'en') : id,
        terminal: def?.terminal === true,
        count: row?.count ?? 0,
        overdue: row?.overdue ?? 0,
      };
    });
    return { id: w.def.id, title: localize(w.def.title, 'zh-CN'), titleEn: localize(w.def.title, 'en'), ...figures(mine), states };
  });
  return { totals: figures(rows), workflows };
}

const headers: Record<Locale, string[]> = {
  'zh-CN': ['流程', '状态', '件数', '逾期', '已办结', '平均办结时长（小时）', '按时办结率（%）'],
  en: ['Workflow', 'State', 'Tickets', 'Overdue', 'Closed', 'Average hours to close', 'Closed in time (%)'],
};
const totalLabel: Record<Locale, string> = { 'zh-CN': '合计', en: 'Total' };

/**
 * The dashboard as CSV: a row per workflow state and a total row per
 * workflow, with a UTF-8 byte-order mark so Excel reads the Chinese right.
 */
export function dashboardCsv(report: DashboardReport, locale: Locale): string {
  const lines: (string | number | null)[][] = [headers[locale]];
  for (const w of report.workflows) {
    const wt = locale === 'en' ? w.titleEn : w.title;
    for (const s of w.states) lines.push([wt, locale === 'en' ? s.titleEn : s.title, s.count, s.overdue, null, null, null]);
    lines.push([wt, totalLabel[locale], w.total, w.overdue, w.closed, w.avgHoursToClose, w.closedInTimePct]);
  }
  return toCsv(lines);
}
