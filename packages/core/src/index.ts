/**
 * @linli/core — the domain of grassroots governance with no I/O: organizations,
 * grids, roles, forms, workflows as data and the ticket engine. Plugins do not
 * import this package; they use @linli/sdk.
 */
export * from './errors.js';
export * from './i18n.js';
export * from './schemas/ids.js';
export * from './schemas/workflow.js';
export * from './schemas/form.js';
export * from './schemas/config.js';
export * from './schemas/time-limit.js';
export * from './schemas/calendar.js';
export * from './schemas/limits.js';
export * from './schemas/routing.js';
export * from './schemas/escalation.js';
export * from './schemas/notifications.js';
export * from './schemas/overrides.js';
export * from './schemas/org-attributes.js';
export type * from './schemas/types.js';
export * from './org/defaults.js';
export * from './org/path.js';
export * from './org/grant-guard.js';
export * from './forms/registry.js';
export { schemaMessage, type SchemaError } from './forms/schema-messages.js';
export * from './forms/translations.js';
export * from './workflow/validate.js';
export * from './workflow/registry.js';
export * from './tickets/actor.js';
export * from './tickets/rules.js';
export type * from './tickets/types.js';
export { withPatch } from './tickets/types.js';
export * from './tickets/engine.js';
export * from './time/calendar.js';
export * from './time/local.js';
export * from './text/csv.js';
export * from './ids.js';
export * from './routing/neighbourhood.js';
export * from './routing/resolve.js';
export * from './escalation/rules.js';
export type * from './plugins/manifest.js';
export { eventOwner, pluginEventProblems } from './plugins/manifest.js';
export * from './config/check.js';
export { orgKeyProblems, type CityView, type CityOrg } from './config/plugin-options.js';
export * from './config/check-services.js';
export * from './config/deployment.js';
export * from './config/overrides.js';
export * from './config/org-attributes.js';
export * from './config/calendar-coverage.js';
export * from './config/effective.js';
export * from './notify/templates.js';
export * from './notify/builtin.js';
export * from './notify/catalog.js';
export * from './notify/quiet-hours.js';
