export { redPropertyPlugin } from './plugin.js';
