export { volunteerPointsPlugin } from './plugin.js';
export type { WishData } from './forms/wish.js';
export type { MemberInput } from './forms/member.js';
