/**
 * How long an escalation target has to report (报到): hours or days (not
 * both), optionally working days on the city calendar.
 */
export const reportLimitSchema = {
  type: 'object',
  properties: {
    hours: { type: 'integer', minimum: 1, maximum: 8760, description: 'Limit in hours' },
    days: { type: 'integer', minimum: 1, maximum: 366, description: 'Limit in days' },
    workingDays: { type: 'boolean', description: 'Count days on the city calendar' },
  },
  oneOf: [{ required: ['hours'] }, { required: ['days'] }],
  additionalProperties: false,
} as const;
