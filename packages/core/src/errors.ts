/**
 * Every error Linli reports, in one table: a stable code, the HTTP status it
 * maps to, and a message template a person can act on. Codes never change
 * once published; docs/errors.md lists them and a test keeps the two in sync.
 */
export const errorTable = {
  LINLI_ERR_VALIDATION: { status: 400, message: 'The request is invalid: %s' },
  LINLI_ERR_UNAUTHENTICATED: { status: 401, message: 'Log in first: this needs a valid session.' },
  LINLI_ERR_BAD_CREDENTIALS: { status: 401, message: 'Wrong username or password.' },
  LINLI_ERR_FORBIDDEN: { status: 403, message: 'Your roles do not allow this: %s' },
  LINLI_ERR_ACTION_NOT_ALLOWED: { status: 403, message: 'You may not take the action "%s" on this ticket in its current state.' },
  LINLI_ERR_CSRF: { status: 403, message: 'Missing or wrong CSRF token: send the x-linli-csrf header with cookie sessions.' },
  LINLI_ERR_NOT_FOUND: { status: 404, message: '%s not found.' },
  LINLI_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'No route %s.' },
  LINLI_ERR_VERSION_CONFLICT: { status: 409, message: 'Someone else changed this ticket (you had version %s, it is now %s). Reload it and try again.' },
  LINLI_ERR_CONFLICT: { status: 409, message: '%s' },
  LINLI_ERR_TICKET_CLOSED: { status: 409, message: 'Ticket %s is closed (%s): it can no longer be escalated or reported on.' },
  LINLI_ERR_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit of %s bytes.' },
  LINLI_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type: %s' },
  LINLI_ERR_FORM_INVALID: { status: 422, message: 'The form "%s" has invalid fields; see details.' },
  LINLI_ERR_UNPROCESSABLE: { status: 422, message: '%s' },
  LINLI_ERR_RATE_LIMITED: { status: 429, message: 'Too many attempts; wait %s seconds and try again.' },
  LINLI_ERR_UPLOAD_QUOTA: { status: 429, message: 'You have uploaded %s in the last 24 hours, the most one person may. Attach the photos you have, or try again later.' },
  LINLI_ERR_WEAK_PASSWORD: { status: 422, message: 'Choose a stronger password: %s.' },
  LINLI_ERR_WRONG_PASSWORD: { status: 403, message: 'The current password is wrong.' },
  LINLI_ERR_LINK_INVALID: { status: 410, message: 'This link or code is invalid, already used or expired. Ask your administrator for a new one.' },
  LINLI_ERR_LAST_ADMIN: { status: 409, message: 'This would leave the city without an administrator: %s' },
  LINLI_ERR_ACCOUNT_DISABLED: { status: 409, message: 'The account of %s is disabled: enable it first.' },
  LINLI_ERR_IMPORT_INVALID: { status: 422, message: 'The spreadsheet has %s problem(s); nothing was imported. Fix each row listed in details and import again.' },
  LINLI_ERR_CONFIG_INVALID: { status: 500, message: 'The configuration is invalid: %s' },
  LINLI_ERR_PLUGIN_CONFLICT: { status: 500, message: '%s' },
  LINLI_ERR_DATA_DIR_LOCKED: { status: 500, message: '%s' },
  LINLI_ERR_DATA_DIR_DAMAGED: {
    status: 500,
    message: 'The PGlite data directory %s cannot be opened; it may be damaged (%s). Restore it from a backup, or move it away to start with an empty database.',
  },
  LINLI_ERR_MIGRATION_FAILED: { status: 500, message: 'Migration %s failed: %s' },
  LINLI_ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side. The request id is %s.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorTable;

/** One problem inside a larger error: a field of a form, a path in a config file. */
export interface ErrorDetail {
  /** JSON pointer into the request body or file, e.g. `/orgs/0/children/2/type`. */
  path: string;
  message: string;
  /** The same in Chinese, where the problem is one a person fixes by hand (a spreadsheet cell). */
  messageZh?: string;
  /** The file the problem is in, for config errors. */
  file?: string;
  /** What was expected there, when that is known. */
  expected?: string;
}

function format(template: string, args: readonly unknown[]): string {
  let i = 0;
  return template.replace(/%s/g, () => String(args[i++] ?? ''));
}

export type ErrorTable = Record<string, { status: number; message: string }>;

/**
 * An error a person can act on: a stable code, an HTTP status, a message, and
 * optionally the fields or config paths it concerns. Plugins make their own
 * with `defineErrors` and their own table.
 */
export class LinliError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, args?: readonly unknown[], details?: ErrorDetail[]);
  constructor(code: string, args: readonly unknown[], details: ErrorDetail[] | undefined, table: ErrorTable);
  constructor(code: string, args: readonly unknown[] = [], details?: ErrorDetail[], table: ErrorTable = errorTable) {
    const entry = table[code];
    if (!entry) throw new Error(`Unknown error code ${code}`);
    super(format(entry.message, args));
    this.name = 'LinliError';
    this.code = code;
    this.statusCode = entry.status;
    this.details = details;
  }

  toJSON(): { code: string; message: string; details?: ErrorDetail[] } {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export const isLinliError = (e: unknown): e is LinliError => e instanceof LinliError;

/** Shorthands for the errors raised most often. */
export const notFound = (what: string) => new LinliError('LINLI_ERR_NOT_FOUND', [what]);
export const forbidden = (why: string) => new LinliError('LINLI_ERR_FORBIDDEN', [why]);
export const conflict = (why: string) => new LinliError('LINLI_ERR_CONFLICT', [why]);
export const unprocessable = (why: string, details?: ErrorDetail[]) => new LinliError('LINLI_ERR_UNPROCESSABLE', [why], details);

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
