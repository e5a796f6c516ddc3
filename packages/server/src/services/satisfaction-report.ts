import type { Deployment } from '@linli/core';
import type { SatisfactionRow } from '@linli/db';

export interface SatisfactionFigures {
  closed: number;
  rated: number;
  satisfied: number;
  unrated: number;
  reopened: number;
  /** Mean rating 1–5 over rated tickets; null when none. */
  avgRating: number | null;
  /** Rated 4 or 5, in percent of rated tickets; null when none rated. */
  satisfactionPct: number | null;
  /** Reopened at least once, in percent of closed tickets; null when none closed. */
  reopenPct: number | null;
}

/** A share in percent with one decimal; null when there is no whole. Satisfaction rates everywhere (dashboards, public board) go through it. */
export const pct = (part: number, whole: number): number | null => (whole ? Math.round((1000 * part) / whole) / 10 : null);

export function satisfactionFigures(rows: readonly SatisfactionRow[]): SatisfactionFigures {
  const sum = (k: 'closed' | 'rated' | 'satisfied' | 'unrated' | 'reopened' | 'ratingSum') => rows.reduce((s, r) => s + r[k], 0);
  const [closed, rated] = [sum('closed'), sum('rated')];
  return {
    closed,
    rated,
    satisfied: sum('satisfied'),
    unrated: sum('unrated'),
    reopened: sum('reopened'),
    avgRating: rated ? Math.round((10 * sum('ratingSum')) / rated) / 10 : null,
    satisfactionPct: pct(sum('satisfied'), rated),
    reopenPct: pct(sum('reopened'), closed),
  };
}

/** The states a rating step leads to, per workflow: closing there without a rating means the resident was not asked or did not answer. */
export function ratedEndings(deployment: Deployment): { workflow: string; state: string }[] {
  return deployment.workflows.list().flatMap((w) => [...new Set(w.def.transitions.filter((t) => t.rating).map((t) => t.to))].map((state) => ({ workflow: w.def.id, state })));
}
