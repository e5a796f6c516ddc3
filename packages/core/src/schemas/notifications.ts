/** What Linli tells people and webhooks about; each is also a ticket event. */
export const noticeKinds = [
  'ticket.reminder',
  'ticket.overdue',
  'ticket.escalated',
  'ticket.whistle',
  'escalation.reported',
  'escalation.report_overdue',
  'ticket.returned',
] as const;

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

/** Notification channels besides the in-app inbox (config `notifications`). */
export const notificationsSchema = {
  type: 'object',
  description: 'Channels besides the in-app inbox',
  properties: {
    webhooks: { type: 'array', items: webhookSchema, maxItems: 20 },
  },
  additionalProperties: false,
} as const;
