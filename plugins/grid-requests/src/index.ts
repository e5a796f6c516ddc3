export { gridRequestsPlugin } from './plugin.js';
export type { GridRequestIntake } from './forms/intake.js';
