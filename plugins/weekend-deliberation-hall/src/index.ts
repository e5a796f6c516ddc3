export { weekendDeliberationHallPlugin } from './plugin.js';
export { fail as weekendDeliberationHallErrors } from './errors.js';
export type { TopicInput } from './forms/topic.js';
export type { Options as WeekendDeliberationHallOptions } from './settings.js';
