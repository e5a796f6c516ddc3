/** What Linli tells people and webhooks about. The ticket kinds are also ticket events. */
export const noticeKinds = [
  'ticket.reminder',
  'ticket.overdue',
  'ticket.escalated',
  'ticket.whistle',
  'escalation.reported',
  'escalation.report_overdue',
  'ticket.returned',
  'ticket.assigned',
  'ticket.status',
  'digest.daily',
] as const;

/** The channels that reach one person; `in-app` (the inbox) always does and is not listed. */
export const personChannels = ['email', 'sms', 'wecom'] as const;

const channelList = { type: 'array', items: { enum: personChannels }, uniqueItems: true } as const;
const clockTime = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;

export const webhookSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$', description: 'Stable id, part of each delivery id' },
    url: { type: 'string', format: 'uri', pattern: '^https?://', description: 'Receives a POST with a JSON body' },
    secret: { type: 'string', minLength: 16, description: 'HMAC-SHA256 key (prefer secretEnv: a config file is not a safe place for secrets)' },
    secretEnv: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Name of the environment variable holding the HMAC-SHA256 key' },
    events: { type: 'array', items: { enum: [...noticeKinds, '*'] }, minItems: 1, uniqueItems: true },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 60000, description: 'Per attempt (default 5000)' },
    maxAttempts: { type: 'integer', minimum: 1, maximum: 20, description: 'Then the delivery is dead-lettered (default 8)' },
    backoffSeconds: { type: 'integer', minimum: 1, maximum: 3600, description: 'First retry delay, doubled after each failure, capped at 6 hours (default 30)' },
  },
  required: ['id', 'url', 'events'],
  oneOf: [{ required: ['secret'] }, { required: ['secretEnv'] }],
  additionalProperties: false,
} as const;

/** Quiet hours in the city's local time; `22:00`–`07:00` wraps midnight. Deliveries falling inside wait until the end. */
export const quietHoursSchema = {
  type: 'object',
  properties: { start: clockTime, end: clockTime },
  required: ['start', 'end'],
  additionalProperties: false,
} as const;

const endpoint = { type: 'string', format: 'uri', pattern: '^https?://', description: "The provider's API base URL (default: its public endpoint); for a proxy or a test fake" } as const;

/** E-mail over SMTP; the server is `LINLI_SMTP_URL` (smtp://user:pass@host:port), never in this file. */
export const emailChannelSchema = {
  type: 'object',
  description: 'E-mail over SMTP. The SMTP server and its credentials come from LINLI_SMTP_URL',
  properties: {
    from: { type: 'string', minLength: 3, description: 'The From address, e.g. "天长市邻里 <noreply@tianchang.example.org>"' },
  },
  required: ['from'],
  additionalProperties: false,
} as const;

/** SMS through a provider's API; keys from LINLI_SMS_ACCESS_KEY_ID / LINLI_SMS_ACCESS_KEY_SECRET. */
export const smsChannelSchema = {
  type: 'object',
  description: 'SMS. aliyun: Alibaba Cloud SMS (dysmsapi SendSms); log: writes the text to the server log (development). Keys from LINLI_SMS_ACCESS_KEY_ID and LINLI_SMS_ACCESS_KEY_SECRET',
  properties: {
    provider: { enum: ['aliyun', 'log'] },
    signName: { type: 'string', minLength: 2, maxLength: 12, description: 'The approved signature (签名), shown as 【…】' },
    endpoint,
    regionId: { type: 'string', pattern: '^[a-z0-9-]+$', description: 'Default cn-hangzhou' },
    templates: {
      type: 'object',
      description: "The provider's approved template code per notice kind and language (zh-CN required); a kind without one is not sent by SMS. Its variables are the kind's variables",
      additionalProperties: {
        type: 'object',
        properties: { 'zh-CN': { type: 'string', pattern: '^SMS_[0-9A-Za-z]+$' }, en: { type: 'string', pattern: '^SMS_[0-9A-Za-z]+$' } },
        required: ['zh-CN'],
        additionalProperties: false,
      },
    },
  },
  required: ['provider', 'signName'],
  additionalProperties: false,
} as const;

/** WeCom 企业微信: application messages to a person (their WeCom user id) and group-robot posts. */
export const wecomChannelSchema = {
  type: 'object',
  description: 'WeCom 企业微信. app: application messages to each person with a WeCom user id (secret from LINLI_WECOM_APP_SECRET); robot: a group robot posting the kinds listed (its webhook key from LINLI_WECOM_ROBOT_KEY)',
  properties: {
    endpoint,
    app: {
      type: 'object',
      properties: {
        corpId: { type: 'string', pattern: '^[A-Za-z0-9]+$' },
        agentId: { type: 'integer', minimum: 1 },
      },
      required: ['corpId', 'agentId'],
      additionalProperties: false,
    },
    robot: {
      type: 'object',
      properties: { kinds: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true, description: 'Notice kinds posted to the group (titles only, no personal data)' } },
      required: ['kinds'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const templateText = {
  type: 'object',
  properties: {
    title: { type: 'object', properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } }, additionalProperties: false },
    body: { type: 'object', properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } }, additionalProperties: false },
  },
  additionalProperties: false,
} as const;

/** Notification channels and who gets what (config `notifications`). */
export const notificationsSchema = {
  type: 'object',
  description: 'Channels besides the in-app inbox, their defaults per kind, quiet hours and wording',
  properties: {
    webhooks: { type: 'array', items: webhookSchema, maxItems: 20 },
    email: emailChannelSchema,
    sms: smsChannelSchema,
    wecom: wecomChannelSchema,
    defaults: {
      type: 'object',
      description: 'Per notice kind, the channels that reach a person who has not chosen (a person\'s preferences win). Kinds not listed use the built-in defaults',
      additionalProperties: channelList,
    },
    quietHours: { ...quietHoursSchema, description: 'City default quiet hours (local time); a person may set their own' },
    digest: {
      type: 'object',
      description: "Leaders' daily digest of their subtree (new, overdue, whistles)",
      properties: {
        roles: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true, description: 'Roles that receive it, for the subtree where they hold the role' },
        at: { ...clockTime, description: 'Local time (default 08:00)' },
      },
      required: ['roles'],
      additionalProperties: false,
    },
    templates: {
      type: 'object',
      description: "Wording per notice kind, replacing the built-in or plugin's text; only the kind's variables ({ticketTitle}…) may be used",
      additionalProperties: templateText,
    },
    maxAttempts: { type: 'integer', minimum: 1, maximum: 20, description: 'Attempts per delivery before it is dead-lettered (default 8)' },
  },
  additionalProperties: false,
} as const;
