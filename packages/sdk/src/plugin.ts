import type { LinliError } from '@linli/core';
import type { Deployment, FormDefinition, GeoPoint, LocalizedText, NoteVisibility, PluginManifest, Ticket, TicketChange, WorkflowDefinition } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import type { Actor } from './actor.js';
import type { ImportSheetDefinition } from './import-sheets.js';
import type { PluginJobs } from './jobs.js';
import type { WebAction, WebDownload, WebFilter, WebPortal, WebVisibility } from './web.js';
import { publicDeclarationProblems, type PublicDataSource, type PublicPage } from './public.js';
import type { Kysely, Migration } from 'kysely';

/** The fastify instance a plugin's `routes` get, encapsulated under `/api/plugins/<name>`. */
export type PluginApp = FastifyInstance;

/** Services the server offers plugins: the same code paths the core routes use, with the same checks. */
export interface TicketService {
  /** `point`: where the problem is, WGS-84; a grid whose boundary contains it takes the ticket (config `grids[].boundary`). */
  create(trx: Kysely<any>, actor: Actor, input: { workflow: string; orgId: string; data: unknown; point?: GeoPoint | undefined }): Promise<Ticket>;
  transition(
    trx: Kysely<any>,
    actor: Actor,
    ticketId: string,
    input: { action: string; version: number; data?: unknown; comment?: string; visibility?: NoteVisibility | undefined },
  ): Promise<Ticket>;
  /** The ticket if the actor may see it, else a 404 error. */
  get(trx: Kysely<any>, actor: Actor, ticketId: string): Promise<Ticket>;
}

/**
 * What a plugin's routes, hooks and seed get from the server. One context per
 * plugin, made when the server starts.
 */
export interface PluginContext {
  /** The plugin's name. */
  name: string;
  /** The options under `plugins.<name>` in the city config, already validated against the plugin's optionsSchema. */
  options: Record<string, unknown>;
  /** The checked city config, its forms, workflows, roles and working calendar (`deployment.calendar.utcOffsetHours`). */
  deployment: Deployment;
  /**
   * The database, outside any transaction: use it for reads. Write inside
   * `transaction` (routes) or the `trx` a hook or seed is given. The core's
   * tables (`linli_orgs`, `linli_people`, …) may be read; only the plugin's
   * own tables (prefixed with its name) are written.
   */
  db: Kysely<any>;
  /** The current time; tests move it. Never call `new Date()` for domain time. */
  now(): Date;
  /** Files and moves tickets with the same checks, effects and hooks as the core's ticket routes. */
  tickets: TicketService;
  /** Runs `fn` in one transaction: everything a request writes commits together or not at all. */
  transaction<T>(fn: (trx: Kysely<any>) => Promise<T>): Promise<T>;
  /** Schedules and cancels the plugin's declared jobs (`LinliPlugin.jobs`) in the caller's transaction. */
  jobs: PluginJobs;
  /**
   * Tells people a notice of one of the plugin's declared kinds
   * (`LinliPlugin.notices`): in their inbox and on the channels their
   * preferences choose, in their language. With `at`, it is a reminder: the
   * job queue keeps it and tells them then, once, however many instances run.
   * Written in `trx`: nothing is told unless it commits.
   *
   * @example
   * await ctx.notify(trx, { kind: 'three-linked-office.meeting-eve', key: `meeting:${id}:eve`, to: members, vars: { date, place }, at: dayBefore });
   */
  notify(trx: Kysely<any>, notice: PluginNotice): Promise<void>;
  /**
   * Calls off a reminder `notify` scheduled (with `at`) and that has not gone
   * out yet, named by its kind and key — when the meeting or session it was
   * about is cancelled or moved. Written in `trx`: the reminder stays if the
   * change does not commit. Returns whether a pending reminder was removed;
   * the key is free again, so the same key may be scheduled anew. One already
   * told (or being told right now) stays told.
   *
   * @example
   * await ctx.cancelNotice(trx, { kind: 'three-linked-office.meeting-eve', key: `meeting:${id}:${at}` });
   */
  cancelNotice(trx: Kysely<any>, notice: Pick<PluginNotice, 'kind' | 'key'>): Promise<boolean>;
  /**
   * Announces one of the plugin's declared events (`LinliPlugin.events`) to
   * the enabled plugins that handle it (`on`): each handler runs as a durable
   * job on the core's queue — once per `key` and subscriber across instances,
   * retried, then dead-lettered. Written in `trx`: nothing is announced
   * unless it commits. Returns how many handlers were queued (0 when no
   * enabled plugin listens, or the key was announced before).
   *
   * @example
   * await ctx.emit(trx, 'owners-self-governance.vote-closed', { voteId, origin, passed, matter }, { key: `vote:${voteId}` });
   */
  emit(trx: Kysely<any>, event: string, payload: unknown, opts: { key: string }): Promise<number>;
  /**
   * A service another plugin offers (`LinliPlugin.services`), by the typed
   * reference its package exports. The provider must be among this plugin's
   * `dependencies` or `optionalDependencies` and enabled in the city (ask
   * `pluginEnabled` first for an optional one); anything else throws, naming
   * what to declare. The service runs as its provider — its jobs, notices and
   * events — in the transaction the caller passes.
   *
   * @example
   * const { voteId } = await ctx.service(ownersVotes).open(trx, actor, { scopeOrgId, matter, title, origin });
   */
  service<T>(ref: ServiceRef<T>): T;
}

/**
 * The typed name of a service one plugin offers others: the provider's
 * package exports it, callers pass it to `ctx.service`. Its id is
 * `<provider>.<service>`.
 */
export interface ServiceRef<T> {
  readonly id: string;
  /** Carries the service's type; never set. */
  readonly type?: T;
}

export function serviceRef<T>(id: string): ServiceRef<T> {
  return Object.freeze({ id });
}

/**
 * A service a plugin offers (`LinliPlugin.services`): built once per calling
 * plugin, from the provider's own context and the caller's name (so what it
 * writes says who asked), when the caller first asks for it.
 */
export interface PluginServiceDefinition<T = unknown> {
  ref: ServiceRef<T>;
  build(own: PluginContext, caller: string): T;
}

/** Declares a service with its type checked against the reference. */
export function defineService<T>(ref: ServiceRef<T>, build: (own: PluginContext, caller: string) => T): PluginServiceDefinition<T> {
  return { ref, build };
}

/** What a plugin's job handler gets. */
export interface PluginJobEvent<P = any> {
  /** The payload it was scheduled with (checked against `payloadSchema` when the kind declares one). */
  payload: P;
  ctx: PluginContext;
  /**
   * The transaction that also marks the job done: the handler's writes and
   * the job's completion commit together, so its effects happen exactly once
   * — across instances and crashes. A throw rolls both back and the job is
   * retried (with backoff), then dead-lettered like the core's jobs.
   */
  trx: Kysely<any>;
  job: { key: string; attempts: number; runAt: Date };
}

/**
 * One kind of durable job a plugin declares (`LinliPlugin.jobs`), as data:
 * its kind `<plugin>.<name>`, what its payload must look like, and what to do
 * when it falls due. Scheduled with `ctx.jobs.schedule`.
 *
 * @example
 * jobs: [{
 *   kind: 'three-linked-office.finish-meeting',
 *   payloadSchema: { type: 'object', required: ['meetingId'], properties: { meetingId: { type: 'string' } } },
 *   async handler({ payload, ctx, trx }) { await finishIfOpen(envOf(ctx, trx), payload.meetingId); },
 * }]
 */
export interface PluginJobDefinition<P = any> {
  kind: string;
  /** JSON Schema of the payload: `schedule` refuses a payload that does not match, and the runner dead-letters one that no longer does. */
  payloadSchema?: Record<string, unknown>;
  /** Attempts before the job is dead-lettered. Default 5. */
  maxAttempts?: number;
  handler(e: PluginJobEvent<P>): Promise<void>;
}

/**
 * One event a plugin announces (`LinliPlugin.events`), as data: its name
 * `<plugin>.<event>`, a title, and its payload's JSON Schema (`ctx.emit`
 * refuses a payload that does not match). Announced with `ctx.emit`.
 *
 * @example
 * events: [{ name: 'owners-self-governance.vote-closed', title: { 'zh-CN': '业主表决结束', en: "An owners' vote closed" }, payloadSchema }]
 */
export interface PluginEventDefinition {
  name: string;
  title: LocalizedText;
  payloadSchema?: Record<string, unknown>;
}

/**
 * A handler for another plugin's event (`LinliPlugin.on`). The other plugin
 * is one of this one's `dependencies` or `optionalDependencies`; when the
 * city does not enable it, its events never come. The handler runs as a
 * durable job (like `jobs`): in the transaction that marks it done, with the
 * payload the event was announced with; `job.key` is the emit's key.
 *
 * @example
 * on: [{
 *   event: 'owners-self-governance.vote-closed',
 *   async handler({ payload, ctx, trx }) { await recordOwnersOutcome(envOf(ctx, trx), payload); },
 * }]
 */
export interface PluginEventSubscription<P = any> {
  event: string;
  /** Attempts before the handler's job is dead-lettered. Default 5. */
  maxAttempts?: number;
  handler(e: PluginJobEvent<P>): Promise<void>;
}

/** A plugin's notice (`ctx.notify`). */
export interface PluginNotice {
  /** One of the plugin's kinds (`<plugin>.<name>`). */
  kind: string;
  /** Names the notice within the plugin (`meeting:12:eve`): one key is scheduled and delivered once. */
  key: string;
  /** Ids of the people told. */
  to: readonly string[];
  /** Exactly the kind's declared variables; a state or other bilingual text may be given in both languages. */
  vars: Readonly<Record<string, string | number | LocalizedText>>;
  /** The ticket it is about: the inbox entry opens it. */
  ticketId?: string;
  /** Tell them then instead of now (a reminder). */
  at?: Date;
}

export interface TransitionHookEvent {
  ticket: Ticket;
  /** The step's plan as the engine made it and the resolvers completed it: frozen, read it, never assign to it. */
  change: TicketChange;
  actor: Actor;
  /** The transaction the transition runs in: a hook's writes commit or roll back with it. */
  trx: Kysely<any>;
  ctx: PluginContext;
}

/** What `afterTransition` gets: the event of `beforeTransition` plus the ticket as the step left it. */
export type AfterTransitionHookEvent = TransitionHookEvent & { updated: Ticket };

export interface CreateHookEvent {
  ticket: Ticket;
  actor: Actor;
  trx: Kysely<any>;
  ctx: PluginContext;
}

/** What `beforeTransition` may change in a step's plan. */
export interface TransitionPatch {
  /** A step that stays in its state (a progress report) keeping the deadline a meeting set, or a date a vote chose. */
  deadline?: Date | null;
}

/**
 * What `beforeTransition` answers: nothing (the step goes ahead as planned),
 * a veto (a coded error; nothing of the step is saved), or a patch the server
 * applies to a new plan. Throwing a coded error is a veto too.
 */
export type TransitionVerdict = { veto: LinliError } | { patch: TransitionPatch } | undefined | void;

/**
 * The hooks of one workflow. They run inside the step's transaction, plugin
 * after plugin in dependency order, and only for tickets of the workflow they
 * are declared for.
 *
 * - `beforeTransition` runs after the engine has planned the step (who, form,
 *   effects) and the server has resolved it (routing, previous holder), before
 *   anything is written: return `{ veto }` to refuse it, `{ patch }` to change
 *   what the plan allows.
 * - `afterTransition` and `afterCreate` run after the ticket and its event
 *   are written: their writes commit with the step, and a throw rolls the
 *   whole step back (so `afterCreate` can refuse a ticket, too).
 */
export interface WorkflowHooks {
  beforeTransition?: (e: TransitionHookEvent) => Promise<TransitionVerdict> | TransitionVerdict;
  afterTransition?: (e: AfterTransitionHookEvent) => Promise<void> | void;
  afterCreate?: (e: CreateHookEvent) => Promise<void> | void;
}

/**
 * Hooks declared per workflow id (the fixed hook names; an unknown name is
 * refused by definePlugin, an unknown workflow by the server's start): the
 * server calls only those of the ticket's workflow.
 *
 * @example
 * hooks: {
 *   [PROBLEM_WORKFLOW]: {
 *     async beforeTransition({ ticket, change, trx }) {
 *       if (change.action !== 'confirm') return;
 *       if (!(await returnVisited(trx, ticket))) return { veto: fail('DK_ERR_NO_RETURN_VISIT', [ticket.data.household]) };
 *     },
 *   },
 * }
 */
export type PluginHooks = Record<string, WorkflowHooks>;

export const hookNames = ['beforeTransition', 'afterTransition', 'afterCreate'] as const satisfies readonly (keyof WorkflowHooks)[];

export interface SeedContext extends PluginContext {
  /** Whether demo data is wanted (npm start); structure-only seeding passes false. */
  demo: boolean;
  /** The id of the org with this key in the city config. */
  orgId(key: string): Promise<string>;
  /** The id of the person with this username. */
  personId(username: string): Promise<string>;
  /** The person with this username as an actor, to file and move demo tickets through the ticket service. */
  actor(username: string): Promise<Actor>;
  /**
   * Runs `fn` with the clock (`now()`, and the ticket service's) set to `when`,
   * so demo history can span months: a ticket filed and moved inside carries
   * those dates in its events, deadlines and closing time.
   */
  at<T>(when: Date, fn: () => Promise<T>): Promise<T>;
  /**
   * Stores a demo photo as uploaded by `username` (at `now()`) and returns its
   * attachment id, for a form field that needs one (a signed agreement's
   * photo). Seeds only: people upload through `POST /api/attachments`.
   */
  photo(username: string, bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg' | 'image/webp'): Promise<string>;
}

/**
 * Pages and widgets a plugin adds to the staff web app, declared as data: the
 * app renders them with its own components, so a plugin ships no browser code
 * and the app needs no edit. Paths in `source`/`submit` are relative to the
 * plugin's API prefix (`/api/plugins/<name>`); `{param}` placeholders are
 * filled from the page's query string (`?id=3` fills `{id}`).
 */
export interface WebColumn {
  field: string;
  title: LocalizedText;
  format?: 'text' | 'number' | 'percent' | 'date' | 'datetime' | 'badge';
  /** Shown only when some row has the field: one another plugin fills when the city enables it (`optionalDependencies`). */
  optional?: boolean;
}

export type WebPage = WebVisibility &
  WebPortal &
  (
  | {
      id: string;
      title: LocalizedText;
      kind: 'table';
      /** GET → `{ items: [...] }` */
      source: string;
      columns: WebColumn[];
      /** Where a row leads: another page of this plugin (`page:<id>?id={id}`) or a ticket (`ticket:{ticketId}`). */
      rowLink?: string;
      /** Hidden from the menu: reached only through links (a detail page). */
      hidden?: boolean;
      /** Buttons on each row (a form opened from one gets the row's fields). */
      rowActions?: WebAction[];
      /** Buttons above the table (a detail page's steps), filled from the page's parameters. */
      actions?: WebAction[];
      /** Files to download above the table (an export), filled from the page's parameters. */
      downloads?: WebDownload[];
      /** Controls above the table that set the page's parameters (a month, an org, a grouping). */
      filters?: WebFilter[];
    }
  | {
      id: string;
      title: LocalizedText;
      kind: 'html';
      /** GET → a text/html document (minutes, notices), shown sandboxed and printable. */
      source: string;
      hidden?: boolean;
      actions?: WebAction[];
    }
  | {
      id: string;
      title: LocalizedText;
      kind: 'form';
      /** A form id registered by the plugin; rendered with react-jsonschema-form. */
      form: string;
      /**
       * What the form is about, shown above it: a GET route of the plugin
       * answering one object (filled from the page's parameters), its fields
       * labelled as a table's columns are — the question an owner votes on,
       * the case a team is formed for.
       */
      context?: { source: string; fields: WebColumn[] };
      /** POST target for the form data. Its answer may carry `notice` (a sentence: what else the change did), shown after 已保存. */
      submit: string;
      /** Where to go after a successful submit. */
      next?: string;
      hidden?: boolean;
    }
  );

export interface WebWidget extends WebVisibility {
  id: string;
  title: LocalizedText;
  /** stat: one number; bar/line: a chart of `y` fields over `x`. */
  kind: 'stat' | 'bar' | 'line';
  /** GET → `{ items: [...] }` (or `{ value }` for stat); `{orgId}` is the dashboard's chosen org. */
  source: string;
  x?: string;
  y?: WebColumn[];
}

export interface WebExtension {
  pages?: WebPage[];
  /** Shown on the dashboard. */
  widgets?: WebWidget[];
  /** Sections of the public notice board 公示栏 (no login), each showing one of the plugin's `publicData` sources. */
  publicPages?: PublicPage[];
}

/**
 * Everything a plugin brings, in one manifest: the extension points of Linli.
 * docs/plugin-guide.md builds a plugin that uses each of them.
 */
/** One enrolment a plugin declares (`LinliPlugin.enrolments`). */
export interface EnrolmentDefinition {
  /** `<plugin>.<name>`, as workflow rules name it. */
  id: string;
  /** The plugin's own table (its name starts with the plugin's, `-` as `_`). */
  table: string;
  /** The column holding the enrolled person's id. */
  personColumn: string;
  /** The column holding the org path the enrolment covers (that org and everything under it). */
  pathColumn: string;
}

export interface LinliPlugin extends PluginManifest {
  /** Unique, kebab-case (`door-knocking`): the key under `plugins` in a city config, the API prefix `/api/plugins/<name>`, the prefix of form and workflow ids. */
  name: string;
  /** The plugin's own version (semver). */
  version: string;
  /**
   * The SDK versions the plugin works with, as a semver range (`^0.1.0`).
   * `linli check` and the server's start refuse a plugin whose range does not
   * include this Linli's SDK_VERSION, naming both.
   */
  sdk: string;
  /**
   * Plugins this one needs enabled. It may then use their public API (what
   * their package exports; add the package to package.json too) and their
   * workflows and forms. `linli check` refuses a city that enables this plugin
   * without them, and the server migrates and seeds them first.
   */
  dependencies?: string[];
  /**
   * Plugins this one works with when the city enables them and without them
   * otherwise. When enabled they come first (migrations, seed, init); before
   * using one's public API, ask `pluginEnabled(ctx, name)`, and say in the
   * plugin's README what it adds when the other is on.
   */
  optionalDependencies?: string[];
  /**
   * JSON Schema of the plugin's options under `plugins.<name>` in a city
   * config. `linli check` validates them with it and reports each mistake
   * with its path (`/plugins/<name>/…`); they reach the plugin as `ctx.options`.
   */
  optionsSchema?: Record<string, unknown>;
  /**
   * Forms: JSON Schema + uiSchema + English titles; ids `<name>.<form>`. Used by workflows (intake and steps), form pages and route bodies.
   * A function of the plugin's options (already validated) instead, when a form depends on a city's settings (scoring criteria, say);
   * its second argument names the plugins the city enables, for a field that only an `optionalDependencies` plugin fills.
   */
  forms?: FormDefinition[] | ((options: Record<string, unknown>, city: { plugins: readonly string[] }) => FormDefinition[]);
  /** Ticket workflows as data (states, steps, who may take each, time limits); ids `<name>.<workflow>`; validated at load. */
  workflows?: WorkflowDefinition[];
  /** Migrations for the plugin's own tables (prefix them with the plugin's name), run in name order, one transaction each. */
  migrations?: Record<string, Migration>;
  /**
   * The plugin's HTTP routes, mounted encapsulated under `/api/plugins/<name>`.
   * Every route declares `config.policy`. Declaring only: no I/O here — the
   * context's `db`, `transaction`, `tickets` and `jobs` throw while routes are
   * being registered (handlers use them freely). Put I/O in `init`.
   */
  routes?: (app: PluginApp, ctx: PluginContext) => Promise<void> | void;
  /**
   * I/O the plugin needs before it serves (checking its options against the
   * org tree, syncing its tables with the config, warming a cache). The
   * server runs it after migrations, before mounting routes and before
   * seeding, plugin after plugin in dependency order — at every start, so
   * make it idempotent. A throw (a coded error) stops the start.
   */
  init?: (ctx: PluginContext) => Promise<void> | void;
  /** Hooks per workflow id: the server calls only those of the ticket's workflow. */
  hooks?: PluginHooks;
  /**
   * Enrolments as data: a row in one of the plugin's tables that enrols a
   * person at an org subtree (双报到 members at their community, say). A
   * workflow step allowed `{ scope: 'enrolled', enrolment: '<id>' }` may then
   * be taken by an enrolled person whose path covers the ticket — decided by
   * the core, which reads the table itself; a plugin never builds an actor or
   * a role grant.
   */
  enrolments?: EnrolmentDefinition[];
  /**
   * Durable jobs as data: each kind (`<name>.<job>`), its payload's schema and
   * its handler, run on the core's queue — once per key across instances,
   * retried with backoff, then dead-lettered. Schedule them with
   * `ctx.jobs.schedule(trx, kind, { runAt, payload, key })`.
   */
  jobs?: PluginJobDefinition[];
  /**
   * Events the plugin announces with `ctx.emit`, as data (`<name>.<event>`,
   * a title, the payload's schema): other plugins handle them with `on`.
   */
  events?: PluginEventDefinition[];
  /**
   * Handlers for other plugins' events, each run as a durable job on the
   * core's queue. Only events of `dependencies` or `optionalDependencies`;
   * `linli check` and the server's start refuse any other, and one the
   * enabled plugin does not declare.
   */
  on?: PluginEventSubscription[];
  /**
   * Services the plugin offers the plugins that depend on it (`ids
   * <name>.<service>`): what a caller needs done as this plugin, with this
   * plugin's jobs, notices and events (opening an owners' vote from a
   * weekend-hall topic). Callers reach them with `ctx.service(ref)`.
   */
  services?: PluginServiceDefinition<any>[];
  /**
   * Sheets this plugin adds to the spreadsheet import and export
   * (`npx linli import`, `npx linli export`, the import page), ids
   * `<name>.<sheet>`: columns, a JSON Schema per row, a row key, an `apply`
   * that upserts in the import's transaction and an `export` for the round
   * trip. See import-sheets.ts.
   */
  importSheets?: ImportSheetDefinition[];
  /** Demo data (`npm start`, `linli seed --demo`); runs once per database, after the plugins it depends on. Must work in any city: find orgs and people in `ctx.deployment.config`. */
  seed?: (ctx: SeedContext) => Promise<void>;
  /** Pages and dashboard widgets for the staff web app, as data. */
  web?: WebExtension;
  /** What anyone may read without logging in (the notice board), served by the server with no actor and a read-only view: see public.ts. */
  publicData?: PublicDataSource[];
}

const namePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** `<plugin>.<workflow>`, or a core workflow id. */
const workflowIdPattern = /^[a-z][a-z0-9_.-]*$/;

/**
 * Declares a plugin. Checks what can be checked without a deployment (the
 * name, the hook list) so a mistake shows when the plugin is imported, not
 * when a city first uses it.
 *
 * @example
 * export const doorKnockingPlugin = definePlugin({
 *   name: 'door-knocking',
 *   version: '0.1.0',
 *   sdk: '^0.1.0',
 *   title: { 'zh-CN': '敲门行动', en: 'Door-knocking visits' },
 *   optionsSchema,
 *   forms: [visitForm, problemForm, handleForm, confirmForm],
 *   workflows: [problemWorkflow],
 *   migrations: { '0001-visits': visitsTables },
 *   routes,
 *   hooks,
 *   seed: seedDoorKnocking,
 *   web,
 * });
 */
export function definePlugin<const P extends LinliPlugin>(plugin: P): P {
  if (!namePattern.test(plugin.name)) throw new Error(`Plugin name "${plugin.name}" must be kebab-case, like "three-linked-office".`);
  for (const job of plugin.jobs ?? []) {
    if (!job.kind.startsWith(`${plugin.name}.`)) throw new Error(`Plugin "${plugin.name}" declares the job kind "${job.kind}": job kinds are named "${plugin.name}.<job>".`);
  }
  for (const service of plugin.services ?? []) {
    if (!service.ref.id.startsWith(`${plugin.name}.`)) throw new Error(`Plugin "${plugin.name}" offers the service "${service.ref.id}": services are named "${plugin.name}.<service>".`);
  }
  for (const event of plugin.events ?? []) {
    if (!event.name.startsWith(`${plugin.name}.`) || event.name.slice(plugin.name.length + 1).includes('.')) {
      throw new Error(`Plugin "${plugin.name}" declares the event "${event.name}": events are named "${plugin.name}.<event>".`);
    }
  }
  const mayHear = [...(plugin.dependencies ?? []), ...(plugin.optionalDependencies ?? [])];
  for (const sub of plugin.on ?? []) {
    const owner = sub.event.split('.')[0] ?? '';
    if (!mayHear.includes(owner)) {
      throw new Error(`Plugin "${plugin.name}" handles the event "${sub.event}" of plugin "${owner}", which is neither in its dependencies nor in its optionalDependencies: add "${owner}" to one of them.`);
    }
    if (typeof sub.handler !== 'function') throw new Error(`Plugin "${plugin.name}": the handler of "${sub.event}" is not a function.`);
  }
  for (const [workflow, hooks] of Object.entries(plugin.hooks ?? {})) {
    if (!workflowIdPattern.test(workflow)) {
      throw new Error(`Plugin "${plugin.name}" declares hooks for "${workflow}", which is no workflow id: hooks are declared per workflow, like { "${plugin.name}.problem": { beforeTransition } }.`);
    }
    for (const hook of Object.keys(hooks)) {
      if (!(hookNames as readonly string[]).includes(hook)) {
        throw new Error(`Plugin "${plugin.name}" declares an unknown hook "${hook}" for ${workflow}; the hooks are ${hookNames.join(', ')}.`);
      }
    }
  }
  for (const sheet of plugin.importSheets ?? []) {
    if (!sheet.id.startsWith(`${plugin.name}.`)) throw new Error(`Plugin "${plugin.name}" declares the import sheet "${sheet.id}": sheet ids are named "${plugin.name}.<sheet>".`);
    const keys = new Set(sheet.columns.map((c) => c.key));
    if (sheet.org && !keys.has(sheet.org.column)) throw new Error(`Plugin "${plugin.name}": import sheet "${sheet.id}" names its org by the column "${sheet.org.column}", which it does not declare.`);
  }
  const publicProblems = publicDeclarationProblems(plugin);
  if (publicProblems.length) throw new Error(`Plugin "${plugin.name}": ${publicProblems.join('; ')}.`);
  return plugin;
}

/**
 * Whether the city enables the plugin `name` — for a plugin's
 * `optionalDependencies`: what it adds when the other is on.
 */
export function pluginEnabled(ctx: Pick<PluginContext, 'deployment'>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ctx.deployment.config.plugins ?? {}, name);
}
