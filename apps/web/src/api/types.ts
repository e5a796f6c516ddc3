/**
 * The shapes the Linli API returns, as the web app uses them. Where the
 * server answers with a JSON Schema of its own (packages/server/src/routes/
 * schemas.ts), or the data is a core or SDK definition (workflows, forms,
 * plugin pages), the type is derived from that one source: type-only imports,
 * nothing of the server ends up in the bundle. The rest are shapes of routes
 * whose schemas are written inline there.
 */
import type { FormDefinition, LocalizedText, MapConfig, WorkflowDefinition } from '@linli/core';
import type { FromSchema, WebColumn, WebPage, WebWidget } from '@linli/sdk';
import type { orgSchema, personSchema, roleAssignmentSchema, ticketEventSchema, ticketSchema } from '@linli/server/api-schemas';

export type { LocalizedText, MapConfig, WebColumn, WebPage, WebWidget };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type RoleAssignment = FromSchema<typeof roleAssignmentSchema>;

export interface Me {
  id: string;
  username: string;
  name: string;
  roles: RoleAssignment[];
  csrfToken?: string;
}

export type Person = FromSchema<typeof personSchema, { references: [typeof roleAssignmentSchema] }>;

export type Org = FromSchema<typeof orgSchema>;

export interface Grid {
  id: string;
  key: string;
  name: string;
  orgId: string;
  covers: { id: string; name: string; type: string }[];
}

export interface RoleInfo {
  id: string;
  title: LocalizedText;
  heldAt?: 'org' | 'grid';
  admin?: boolean;
  /** `own`: sees only tickets the holder filed or is assigned (residents, volunteers). */
  ticketScope?: 'subtree' | 'host' | 'own';
}

export interface OrgType {
  id: string;
  title?: LocalizedText;
  kind: 'level' | 'side';
  /** For a level: the types of org it may hang under. */
  parents?: string[];
}

/** A workflow as `GET /api/workflows` lists it: the definition, and which plugin or config brought it. */
export type Workflow = WorkflowDefinition & { source?: string };
export type WorkflowState = Workflow['states'][number];
export type WorkflowTransition = Workflow['transitions'][number];
export type ActorRule = WorkflowTransition['allow'][number];
export type TimeLimit = NonNullable<WorkflowState['timeLimit']>;

export type Ticket = FromSchema<typeof ticketSchema>;

export type TicketEvent = FromSchema<typeof ticketEventSchema>;

export interface AllowedAction {
  name: string;
  title: string;
  titleEn?: string;
  form: string | null;
  commentRequired: boolean;
  to: string;
  /** Who reads what the step records unless staff choose otherwise. */
  visibility?: 'internal' | 'public';
}

export interface TicketDetail {
  ticket: Ticket;
  events: TicketEvent[];
  allowedActions: AllowedAction[];
}

/** `GET /api/forms/:id`: the form definition, translations always present. */
export type FormDoc = FormDefinition & { uiSchema: Record<string, unknown>; translations: Record<string, Record<string, string>> };

export interface PluginInfo {
  name: string;
  title: LocalizedText;
  web: { pages?: WebPage[]; widgets?: WebWidget[] } | null;
}

export interface AppConfig {
  name: string;
  title: LocalizedText;
  plugins: PluginInfo[];
  demo: { password: string; usernames: string[] } | null;
  /** The city's maps (config `map`): where they open and which tiles they draw; null: a blank map. */
  map?: MapConfig | null;
  /** Single sign-on through the city's identity service (config `sso`): the login page's button; null: password login only. */
  sso?: { label: LocalizedText; start: string } | null;
}

export interface Figures {
  total: number;
  open: number;
  overdue: number;
  closed: number;
  avgHoursToClose: number | null;
  closedInTimePct: number | null;
}

export interface DashboardState {
  id: string;
  title: string;
  titleEn: string;
  terminal: boolean;
  count: number;
  overdue: number;
}

export interface DashboardWorkflow extends Figures {
  id: string;
  title: string;
  titleEn: string;
  states: DashboardState[];
}

export interface Dashboard {
  orgId: string | null;
  generatedAt: string;
  totals: Figures;
  workflows: DashboardWorkflow[];
}

/** An error detail of a 4xx answer: `path` points at the field (form-relative, like '/title'). */
export interface ErrorDetail {
  path: string;
  message: string;
  expected?: string;
}
