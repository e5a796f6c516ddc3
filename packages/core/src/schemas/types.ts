import type { FromSchema } from 'json-schema-to-ts';
import type { formSchema } from './form.js';
import type { actorRuleSchema, effectSchema, stateSchema, transitionSchema, workflowSchema } from './workflow.js';
import type { boundarySchema, gridConfigSchema, mapSchema, orgTypeSchema, personConfigSchema, roleSchema } from './config.js';
import type { timeLimitSchema } from './time-limit.js';
import type { calendarSchema } from './calendar.js';
import type { escalationSchema, escalationTargetSchema } from './escalation.js';
import type { reportLimitSchema } from './limits.js';
import type { notificationsSchema, webhookSchema } from './notifications.js';
import type { routeTargetSchema, routingSchema } from './routing.js';
import type { formOverrideSchema, overridableSchema, overridesSchema, workflowOverrideSchema } from './overrides.js';
import type { orgAttributeSchema } from './org-attributes.js';

// Types derived from the schemas: the schema is the single source of truth.
export type TimeLimit = FromSchema<typeof timeLimitSchema>;
export type ActorRule = FromSchema<typeof actorRuleSchema>;
export type Effect = FromSchema<typeof effectSchema>;
export type StateDefinition = FromSchema<typeof stateSchema>;
export type TransitionDefinition = FromSchema<typeof transitionSchema>;
export type WorkflowDefinition = FromSchema<typeof workflowSchema>;
export type FormDefinition = FromSchema<typeof formSchema>;
export type OrgTypeDefinition = FromSchema<typeof orgTypeSchema>;
export type RoleDefinition = FromSchema<typeof roleSchema>;
export type GridConfig = FromSchema<typeof gridConfigSchema>;
export type GridBoundary = FromSchema<typeof boundarySchema>;
export type MapConfig = FromSchema<typeof mapSchema>;
export type PersonConfig = FromSchema<typeof personConfigSchema>;
export type CalendarConfig = FromSchema<typeof calendarSchema>;
export type ReportLimit = FromSchema<typeof reportLimitSchema>;
export type RouteTarget = FromSchema<typeof routeTargetSchema>;
export type RoutingConfig = FromSchema<typeof routingSchema>;
export type RoutingRule = NonNullable<RoutingConfig['rules']>[number];
export type EscalationTarget = FromSchema<typeof escalationTargetSchema>;
export type EscalationConfig = FromSchema<typeof escalationSchema>;
export type OverdueLadder = NonNullable<EscalationConfig['overdue']>[number];
export type NotificationsConfig = FromSchema<typeof notificationsSchema>;
export type WebhookConfig = FromSchema<typeof webhookSchema>;
export type Overrides = FromSchema<typeof overridesSchema>;
export type FormOverride = FromSchema<typeof formOverrideSchema>;
export type WorkflowOverride = FromSchema<typeof workflowOverrideSchema>;
export type PluginOverridable = FromSchema<typeof overridableSchema>;
export type OrgAttributeDefinition = FromSchema<typeof orgAttributeSchema>;

/**
 * The org tree node. Written by hand because json-schema-to-ts cannot express
 * a recursive type; `config-types.test.ts` checks it against orgNodeSchema.
 */
export interface OrgNodeConfig {
  key: string;
  type: string;
  name: string;
  nameEn?: string;
  children?: OrgNodeConfig[];
  side?: OrgNodeConfig[];
}

export interface CityConfig {
  $schema?: string;
  name: string;
  title: { 'zh-CN': string; en?: string };
  orgTypes?: OrgTypeDefinition[];
  roles?: RoleDefinition[];
  orgAttributes?: OrgAttributeDefinition[];
  orgs: OrgNodeConfig;
  grids?: GridConfig[];
  people?: PersonConfig[];
  plugins?: Record<string, Record<string, unknown>>;
  workflows?: WorkflowDefinition[];
  forms?: FormDefinition[];
  calendar?: CalendarConfig;
  routing?: RoutingConfig;
  escalation?: EscalationConfig;
  notifications?: NotificationsConfig;
  registration?: RegistrationConfig;
  sso?: SsoConfig;
  overrides?: Overrides;
  map?: MapConfig;
}

/** Single sign-on through OpenID Connect (config `sso`; schemas/sso.ts). */
export interface SsoConfig {
  issuer: string;
  clientId: string;
  claim: string;
  matchField: 'username' | 'phone';
  label: { 'zh-CN': string; en?: string };
  scope?: string;
}

/** Residents' self-registration (config `registration`). */
export interface RegistrationConfig {
  enabled: boolean;
  confirm?: boolean;
  orgTypes?: string[];
}
