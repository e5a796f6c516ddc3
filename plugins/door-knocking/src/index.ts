export { doorKnockingPlugin } from './plugin.js';
export type { VisitInput } from './forms/visit.js';
export type { ProblemData } from './forms/problem.js';
