export { threeLinkedOfficePlugin } from './plugin.js';
export { fail as threeLinkedOfficeErrors } from './errors.js';
export type { ProblemIntake } from './forms/problem.js';
export type { Options as ThreeLinkedOfficeOptions } from './settings.js';
