/**
 * The shapes the Linli API returns, as the web app uses them. They mirror the
 * server's JSON Schemas (packages/server/src/routes/schemas.ts) and the SDK's
 * web declarations (packages/sdk/src/plugin.ts); the app imports no server
 * code, so these are written out here.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RoleAssignment {
  id: string;
  role: string;
  orgId: string;
  orgName: string;
  orgPath?: string;
  gridId: string | null;
  gridName: string | null;
}

export interface Me {
  id: string;
  username: string;
  name: string;
  roles: RoleAssignment[];
  csrfToken?: string;
}

export interface Person {
  id: string;
  username: string;
  name: string;
  phone?: string | null;
  roles: RoleAssignment[];
}

export interface Org {
  id: string;
  key: string;
  parentId: string | null;
  type: string;
  kind: 'level' | 'side';
  name: string;
  nameEn?: string | null;
  path: string;
  depth: number;
}

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
}

export interface OrgType {
  id: string;
  title?: LocalizedText;
  kind: 'level' | 'side';
}

export interface TimeLimit {
  hours?: number;
  days?: number;
  workingDays?: boolean;
  remindBeforeHours?: number;
}

export interface ActorRule {
  role?: string;
  scope: 'org' | 'ancestor' | 'assigned-org' | 'assigned-person' | 'reporter' | 'any';
}

export interface WorkflowState {
  id: string;
  title: LocalizedText;
  terminal?: boolean;
  timeLimit?: TimeLimit;
}

export interface WorkflowTransition {
  name: string;
  title: LocalizedText;
  from: string | string[];
  to: string;
  allow: ActorRule[];
  form?: string;
  commentRequired?: boolean;
}

export interface Workflow {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  intakeForm: string;
  initial: string;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
  create?: ActorRule[];
  source?: string;
}

export interface Ticket {
  id: string;
  workflow: string;
  state: string;
  version: number;
  orgId: string;
  assigneeOrgId: string | null;
  assigneePersonId: string | null;
  reporterId: string | null;
  title: string;
  data: Record<string, unknown>;
  deadline: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt?: string;
  closedAt: string | null;
}

export interface TicketEvent {
  id: string;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
  comment: string | null;
  createdAt: string;
}

export interface AllowedAction {
  name: string;
  title: string;
  titleEn?: string;
  form: string | null;
  commentRequired: boolean;
  to: string;
}

export interface TicketDetail {
  ticket: Ticket;
  events: TicketEvent[];
  allowedActions: AllowedAction[];
}

export interface FormDoc {
  id: string;
  title: LocalizedText;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** Per language, field path ('/title', '/' for the form) → title. */
  translations: Record<string, Record<string, string>>;
}

export interface WebColumn {
  field: string;
  title: LocalizedText;
  format?: 'text' | 'number' | 'percent' | 'date' | 'datetime' | 'badge';
}

export type WebPage =
  | { id: string; title: LocalizedText; kind: 'table'; source: string; columns: WebColumn[]; rowLink?: string; hidden?: boolean }
  | { id: string; title: LocalizedText; kind: 'html'; source: string; hidden?: boolean }
  | { id: string; title: LocalizedText; kind: 'form'; form: string; submit: string; next?: string; hidden?: boolean };

export interface WebWidget {
  id: string;
  title: LocalizedText;
  kind: 'stat' | 'bar' | 'line';
  source: string;
  x?: string;
  y?: WebColumn[];
}

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
