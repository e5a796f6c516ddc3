export { studiosPlugin } from './plugin.js';
export { fail as studiosErrors } from './errors.js';
export type { Options as StudiosOptions } from './settings.js';
