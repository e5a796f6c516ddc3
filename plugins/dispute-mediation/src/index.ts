export { disputeMediationPlugin } from './plugin.js';
