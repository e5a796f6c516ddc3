export { ownersSelfGovernancePlugin } from './plugin.js';
export { fail as ownersSelfGovernanceErrors } from './errors.js';
export { decide, meets, parseFraction, parseArea, type Decision, type MatterRule, type Fraction } from './art278.js';
export { householdsIn, type Household } from './households.js';
export type { Options as OwnersSelfGovernanceOptions } from './settings.js';
export { committeeOf, type Committee } from './committee.js';
