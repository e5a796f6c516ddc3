export { serviceStationsPlugin } from './plugin.js';
export type { InspectionInput } from './forms/inspection.js';
export type { RectificationData } from './forms/rectification.js';
