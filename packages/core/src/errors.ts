import { localize, type Locale, type LocalizedText } from './i18n.js';

/**
 * Every error Linli reports, in one table: a stable code, the HTTP status it
 * maps to, and a message template a person can act on (English, and the
 * Chinese a client shows with `zh-CN` where the table has it). Codes never
 * change once published; docs/errors.md lists them and a test keeps the two
 * in sync.
 */
export const errorTable = {
  LINLI_ERR_VALIDATION: { status: 400, message: 'The request is invalid: %s', 'zh-CN': '请求内容有误：%s' },
  LINLI_ERR_UNAUTHENTICATED: { status: 401, message: 'Log in first: this needs a valid session.', 'zh-CN': '请先登录。' },
  LINLI_ERR_BAD_CREDENTIALS: { status: 401, message: 'Wrong username or password.', 'zh-CN': '用户名或密码不正确。' },
  LINLI_ERR_FORBIDDEN: { status: 403, message: 'Your roles do not allow this: %s', 'zh-CN': '您的角色没有这项操作的权限：%s' },
  LINLI_ERR_ACTION_NOT_ALLOWED: { status: 403, message: 'You may not take the action "%s" on this ticket in its current state.', 'zh-CN': '工单当前状态下，您不能办理「%s」。' },
  LINLI_ERR_GRANT_ABOVE_OWN: {
    status: 403,
    message: 'You may not give or take away the role "%s" at %s: %s. Ask an administrator whose roles cover it.',
    'zh-CN': '您不能在%2$s授予或收回「%1$s」角色：%3$s。请联系管理范围覆盖该处的管理员办理。',
  },
  LINLI_ERR_CSRF: { status: 403, message: 'Missing or wrong CSRF token: send the x-linli-csrf header with cookie sessions.' },
  LINLI_ERR_NOT_FOUND: { status: 404, message: '%s not found.', 'zh-CN': '没有找到 %s。' },
  LINLI_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'No route %s.' },
  LINLI_ERR_VERSION_CONFLICT: { status: 409, message: 'Someone else changed this ticket (you had version %s, it is now %s). Reload it and try again.', 'zh-CN': '这张工单刚刚被其他人处理过（您看到的是第 %s 版，现在是第 %s 版）。请刷新后再办理。' },
  LINLI_ERR_CONFLICT: { status: 409, message: '%s', 'zh-CN': '%s' },
  LINLI_ERR_TICKET_CLOSED: { status: 409, message: 'Ticket %s is closed (%s): it can no longer be escalated or reported on.', 'zh-CN': '工单 %s 已办结（%s），不能再吹哨或报到。' },
  LINLI_ERR_REOPEN_LIMIT: { status: 409, message: 'This request was already reopened %s time(s), the most allowed: ask the community for help instead.', 'zh-CN': '此诉求已重新办理过 %s 次，不能再次重新办理。如仍有问题，请联系社区。' },
  LINLI_ERR_REOPEN_WINDOW: { status: 409, message: 'A request can be reopened within %s days after it closed; this one closed on %s.', 'zh-CN': '诉求办结后 %s 天内可以申请重新办理；此诉求已于 %s 办结。' },
  LINLI_ERR_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit of %s bytes.', 'zh-CN': '提交的内容超过了 %s 字节的上限。' },
  LINLI_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type: %s' },
  LINLI_ERR_FORM_INVALID: { status: 422, message: 'The form "%s" has invalid fields; see details.', 'zh-CN': '表单「%s」有几处需要修改，请查看标出的内容。' },
  LINLI_ERR_UNPROCESSABLE: { status: 422, message: '%s', 'zh-CN': '%s' },
  LINLI_ERR_RATE_LIMITED: { status: 429, message: 'Too many attempts; wait %s seconds and try again.', 'zh-CN': '尝试次数过多，请 %s 秒后再试。' },
  LINLI_ERR_UPLOAD_QUOTA: { status: 429, message: 'You have uploaded %s in the last 24 hours, the most one person may. Attach the photos you have, or try again later.', 'zh-CN': '您在 24 小时内已上传 %s，达到每人上限。请先提交已有的照片，或稍后再试。' },
  LINLI_ERR_WEAK_PASSWORD: { status: 422, message: 'Choose a stronger password: %s.', 'zh-CN': '请换一个更安全的密码：%s。' },
  LINLI_ERR_WRONG_PASSWORD: { status: 403, message: 'The current password is wrong.', 'zh-CN': '当前密码不正确。' },
  LINLI_ERR_API_KEY: { status: 403, message: 'The api_key is missing, unknown or revoked: ask the city’s administrator for one.', 'zh-CN': 'api_key 缺失、无效或已停用，请向本市管理员申请。' },
  LINLI_ERR_LINK_INVALID: { status: 410, message: 'This link or code is invalid, already used or expired. Ask your administrator for a new one.', 'zh-CN': '此链接无效、已使用或已过期，请联系管理员重新发送。' },
  LINLI_ERR_CODE_INVALID: { status: 410, message: 'This code is invalid, already used or expired: ask for a new one.', 'zh-CN': '验证码无效、已使用或已过期，请重新获取。' },
  LINLI_ERR_CODE_WRONG: { status: 422, message: 'The code is wrong; %s more tries before it stops working.', 'zh-CN': '验证码不正确，还可再试 %s 次。' },
  LINLI_ERR_SMS_UNAVAILABLE: { status: 503, message: 'The text message could not be sent (%s); try again in a minute.', 'zh-CN': '短信暂时发不出去（%s），请稍后再试。' },
  LINLI_ERR_SSO_UNMATCHED: {
    status: 403,
    message: 'The identity service vouched for you, but no account here has %s "%s". Ask your administrator to add you (or to correct %s on your account), then log in again.',
    'zh-CN': '统一身份认证已确认您的身份，但本系统中没有%1$s为“%2$s”的账号。请联系管理员为您开通账号（或更正%3$s）后再登录。',
  },
  LINLI_ERR_SSO_DISABLED: { status: 403, message: 'Your account here is disabled (or still waiting for confirmation): ask your administrator to enable it.', 'zh-CN': '您在本系统的账号已停用（或尚待确认），请联系管理员启用。' },
  LINLI_ERR_SSO_FAILED: { status: 400, message: 'The single sign-on did not complete (%s). Start again from the login page.', 'zh-CN': '统一身份认证登录未完成（%s），请回到登录页重新登录。' },
  LINLI_ERR_SSO_UNAVAILABLE: { status: 502, message: 'The identity service cannot be reached right now (%s). Try again later, or log in with your password.', 'zh-CN': '统一身份认证服务暂时无法访问（%s），请稍后再试，或使用密码登录。' },
  LINLI_ERR_LAST_ADMIN: {
    status: 409,
    message: 'This would leave %s without an administrator: give another person the administrator role there first.',
    'zh-CN': '这样%s将没有管理员：请先把管理员角色授予另一人。',
  },
  LINLI_ERR_ORG_IN_USE: {
    status: 409,
    message: '%s cannot be deactivated yet: %s.',
    'zh-CN': '%s暂不能停用：%s。',
  },
  LINLI_ERR_ORG_MOVE: { status: 422, message: '%s cannot be moved under %s: %s.', 'zh-CN': '不能把%s移到%s下：%s。' },
  LINLI_ERR_ORG_PARENT_DEACTIVATED: { status: 409, message: '%s is deactivated: re-activate it first, then add or re-activate what lies under it.', 'zh-CN': '%s已停用：请先启用它，再在其下添加或启用组织。' },
  LINLI_ERR_GRID_COVER: { status: 422, message: 'Grid %s cannot cover %s: %s.', 'zh-CN': '网格%s不能覆盖%s：%s。' },
  LINLI_ERR_ACCOUNT_DISABLED: { status: 409, message: 'The account of %s is disabled: enable it first.', 'zh-CN': '%s 的账号已停用，请先启用。' },
  LINLI_ERR_IMPORT_INVALID: { status: 422, message: 'The spreadsheet has %s problem(s); nothing was imported. Fix each row listed in details and import again.', 'zh-CN': '表格中有 %s 处问题，未导入任何数据。请逐一修改后重新导入。' },
  LINLI_ERR_ACTOR_NOT_MINTED: {
    status: 500,
    message: 'A plugin passed an actor the server did not make: act only as the actor a request, hook or seed context gives you.',
    'zh-CN': '插件传入了并非由服务器生成的操作人：只能使用请求、钩子或种子上下文提供的操作人。',
  },
  LINLI_ERR_CONFIG_INVALID: { status: 500, message: 'The configuration is invalid: %s' },
  LINLI_ERR_PLUGIN_CONFLICT: { status: 500, message: '%s' },
  LINLI_ERR_DATA_DIR_LOCKED: { status: 500, message: '%s' },
  LINLI_ERR_DATA_DIR_DAMAGED: {
    status: 500,
    message: 'The PGlite data directory %s cannot be opened; it may be damaged (%s). Restore it from a backup, or move it away to start with an empty database.',
  },
  LINLI_ERR_MIGRATION_FAILED: { status: 500, message: 'Migration %s failed: %s' },
  LINLI_ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side. The request id is %s.', 'zh-CN': '服务器出错了，请稍后重试。请求编号：%s' },
} as const satisfies ErrorTable;

export type ErrorCode = keyof typeof errorTable;

/** One problem inside a larger error: a field of a form, a path in a config file. */
export interface ErrorDetail {
  /** JSON pointer into the request body or file, e.g. `/orgs/0/children/2/type`. */
  path: string;
  message: string;
  /** The file the problem is in, for config errors. */
  file?: string;
  /** What was expected there, when that is known. */
  expected?: string;
  /** The message in both languages, when the code that raised it has them; the answer carries the reader's. */
  localized?: LocalizedText;
}

/** An argument in both languages (`{ 'zh-CN': '…', en: '…' }`): each rendering of the message picks its own. */
const isLocalized = (v: unknown): v is LocalizedText => typeof v === 'object' && v !== null && typeof (v as LocalizedText)['zh-CN'] === 'string';

function format(template: string, args: readonly unknown[], locale: Locale = 'en'): string {
  let i = 0;
  // `%s` takes the next argument; `%2$s` a given one (a translation may reorder them).
  return template.replace(/%(?:(\d+)\$)?s/g, (_m, n: string | undefined) => {
    const a = n ? args[Number(n) - 1] : args[i++];
    return isLocalized(a) ? localize(a, locale) || a['zh-CN'] : String(a ?? '');
  });
}

/**
 * An error table: code → HTTP status, the English message template, and
 * optionally the Chinese one (`'zh-CN'`), which a person whose browser asks
 * for Chinese reads instead.
 */
export type ErrorTable = Record<string, { status: number; message: string; 'zh-CN'?: string }>;

/**
 * An error a person can act on: a stable code, an HTTP status, a message, and
 * optionally the fields or config paths it concerns. Plugins make their own
 * with `defineErrors` and their own table.
 */
export class LinliError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly details: ErrorDetail[] | undefined;
  readonly #template: { message: string; 'zh-CN'?: string };
  readonly #args: readonly unknown[];

  constructor(code: ErrorCode, args?: readonly unknown[], details?: ErrorDetail[]);
  constructor(code: string, args: readonly unknown[], details: ErrorDetail[] | undefined, table: ErrorTable);
  constructor(code: string, args: readonly unknown[] = [], details?: ErrorDetail[], table: ErrorTable = errorTable) {
    const entry = table[code];
    if (!entry) throw new Error(`Unknown error code ${code}`);
    super(format(entry.message, args));
    this.#template = entry;
    this.#args = args;
    this.name = 'LinliError';
    this.code = code;
    this.statusCode = entry.status;
    this.details = details;
  }

  /** The message in `locale` (Chinese when the table has it, else English). */
  localizedMessage(locale: Locale): string {
    const zh = this.#template['zh-CN'];
    return locale === 'zh-CN' && zh ? format(zh, this.#args, locale) : format(this.#template.message, this.#args, locale);
  }

  /** The answer's body, in the locale asked for (English unless 'zh-CN'). */
  toJSON(asked?: unknown): { code: string; message: string; details?: ErrorDetail[] } {
    // JSON.stringify passes a key here: anything but 'zh-CN' means English.
    const locale: Locale = asked === 'zh-CN' ? 'zh-CN' : 'en';
    const message = this.localizedMessage(locale);
    if (!this.details) return { code: this.code, message };
    const details = this.details.map(({ localized, ...d }) => (localized ? { ...d, message: localize(localized, locale) || d.message } : d));
    return { code: this.code, message, details };
  }
}

export const isLinliError = (e: unknown): e is LinliError => e instanceof LinliError;

/** Shorthands for the errors raised most often. */
export const notFound = (what: string) => new LinliError('LINLI_ERR_NOT_FOUND', [what]);
export const forbidden = (why: string) => new LinliError('LINLI_ERR_FORBIDDEN', [why]);
export const conflict = (why: string | LocalizedText) => new LinliError('LINLI_ERR_CONFLICT', [why]);
export const unprocessable = (why: string | LocalizedText, details?: ErrorDetail[]) => new LinliError('LINLI_ERR_UNPROCESSABLE', [why], details);

/**
 * A plugin's own error table, with a factory that raises its codes:
 * `const fail = defineErrors({ TLO_ERR_NO_QUORUM: { status: 422, message: 'Missing party: %s' } })`.
 */
export function defineErrors<const T extends ErrorTable>(table: T) {
  for (const code of Object.keys(table)) {
    if (!/^[A-Z][A-Z0-9]*_ERR_[A-Z0-9_]+$/.test(code)) throw new Error(`Error code ${code} must look like PREFIX_ERR_NAME`);
  }
  const raise = (code: keyof T & string, args: readonly unknown[] = [], details?: ErrorDetail[]) => new LinliError(code, args, details, table);
  return Object.assign(raise, { table });
}
