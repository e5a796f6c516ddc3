export { ownersSelfGovernancePlugin } from './plugin.js';
export { fail as ownersSelfGovernanceErrors } from './errors.js';
export { decide, meets, parseFraction, parseArea, type Decision, type MatterRule, type Fraction } from './art278.js';
export { householdsIn, type Household } from './households.js';
export type { Options as OwnersSelfGovernanceOptions } from './settings.js';
export { ownersVotes, type OwnersVotes, type VoteFromElsewhere } from './service/origin.js';
export { publishedResult, type PublishedDecision } from './service/published.js';
export { VOTE_CLOSED, type VoteClosedEvent } from './service/vote-closed.js';
export { matters, matterTitles, type Matter } from './matters.js';
