import { localDate, type PluginContext } from '@linli/sdk';
import { periodOf, type PeriodRange } from '../periods.js';
import { readSettings, type Settings } from '../settings.js';

/** The plugin's settings with the city's UTC offset: what every service function needs. */
export function settingsOf(ctx: PluginContext): Settings & { offsetHours: number } {
  return { ...readSettings(ctx.options), offsetHours: ctx.deployment.calendar.utcOffsetHours };
}

/** The inspection period now, in the city's local time. */
export function currentPeriod(ctx: PluginContext): PeriodRange {
  const s = settingsOf(ctx);
  return periodOf(ctx.now(), s.period, s.offsetHours);
}

/** Today's ISO weekday (1 Monday … 7 Sunday) in the city, for "who is on duty today". */
export function localWeekday(ctx: PluginContext): number {
  const d = new Date(`${localDate(ctx.now(), ctx.deployment.calendar.utcOffsetHours)}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The community a station belongs to: its own org when it is one, else the compound's parent (paths are `/1/2/3/`). */
export function communityPathOf(stationPath: string, orgType: string): string {
  if (orgType === 'community') return stationPath;
  return `${stationPath.split('/').filter(Boolean).slice(0, -1).map((s) => `/${s}`).join('')}/`;
}
