/**
 * @linli/sdk — the only package a plugin imports. It re-exports the parts of
 * the core a plugin needs (types, error helpers, schema types) and defines
 * the plugin contract.
 */
export { defineService, definePlugin, hookNames, pluginEnabled, serviceRef } from './plugin.js';
export type { ImportApplyResult, ImportColumn, ImportOrg, ImportRow, ImportSheetContext, ImportSheetDefinition, ImportSheetProblem } from './import-sheets.js';
export type { PluginApp, LinliPlugin, EnrolmentDefinition, PluginContext, PluginNotice, PluginHooks, WorkflowHooks, TransitionVerdict, TransitionPatch, TransitionHookEvent, AfterTransitionHookEvent, CreateHookEvent, SeedContext, TicketService, WebExtension, WebPage, WebWidget, WebColumn } from './plugin.js';
export type { PluginJobDefinition, PluginJobEvent, PluginEventDefinition, PluginEventSubscription, PluginServiceDefinition, ServiceRef } from './plugin.js';
export type { PluginJobs } from './jobs.js';
export { SDK_VERSION } from './version.js';
export { publicDeclarationProblems, type PublicDataSource, type PublicField, type PublicPage, type PublicPlace, type PublicView } from './public.js';
export { lookup, orgPicker, money, type WebAction, type WebDownload, type WebFilter, type WebPortal, type WebVisibility, type LookupOptions } from './web.js';
export { enumLabels } from './forms.js';
export { findOrg, type CoreOrgRow } from './orgs.js';
export { pathsAtAndAbove, peopleHolding, type HoldersQuery } from './people.js';
export { responseRecord, withTables, type ResponseField, type CoreReadTables } from './schemas.js';
export { requireActor, type RoutePolicy } from './request.js';
export { defineErrors, LinliError, localize } from '@linli/core';
// Helpers every plugin needs once: ids from URLs, a city's local date, CSV for spreadsheets.
export { parseId, localDate, localDateTime, isoWeekday, addDays, localInstant, isRealDate, weekdayNames, dateTitle, toCsv, csvCell, type CsvValue } from '@linli/core';
// The actor is opaque (only the server mints one): these read it, so a plugin decides "may this person act on that org?" exactly as the core does.
export { personIdOf, holdsRoleAt, holdsRoleWithin, seesPath, seesWithin, visiblePaths, isAdminAt, orgIdsWithRole, canSeeTicket, type Actor } from './actor.js';
export { isWithin, notFound, forbidden, conflict, unprocessable } from '@linli/core';
export type {
  ErrorDetail,
  FormDefinition,
  LocalizedText,
  NoticeKindDefinition,
  RoleDefinition,
  Ticket,
  TicketChange,
  TicketEvent,
  WorkflowDefinition,
  Deployment,
  CityConfig,
  OrgNodeConfig,
  PluginOverridable,
  OrgAttributes,
  CityView,
  CityOrg,
} from '@linli/core';
export type { FromSchema } from 'json-schema-to-ts';
export { sql, type Kysely, type Migration, type ColumnType, type Generated, type Selectable } from 'kysely';
