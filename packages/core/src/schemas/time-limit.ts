/**
 * A time limit for a state: hours or days (not both), optionally counted in
 * working days from the city's calendar. Negative or fractional-day values are
 * refused at load so a deadline is never silently wrong.
 */
export const timeLimitSchema = {
  type: 'object',
  properties: {
    hours: { type: 'integer', minimum: 1, maximum: 8760, description: 'Limit in hours' },
    days: { type: 'integer', minimum: 1, maximum: 366, description: 'Limit in days' },
    workingDays: { type: 'boolean', description: 'Count days on the city calendar (skips weekends and holidays, counts make-up working days)' },
    remindBeforeHours: { type: 'integer', minimum: 1, maximum: 720, description: 'Send a reminder this many hours before the deadline' },
  },
  oneOf: [{ required: ['hours'] }, { required: ['days'] }],
  additionalProperties: false,
} as const;
