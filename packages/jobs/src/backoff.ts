const SIX_HOURS = 6 * 3_600_000;

/** base·2^(attempt-1), capped: 30 s, 1 min, 2 min, … 6 h. */
export function exponentialBackoff(baseMs = 30_000, capMs = SIX_HOURS): (attempt: number) => number {
  return (attempt) => Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
