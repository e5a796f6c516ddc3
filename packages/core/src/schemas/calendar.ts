const dateList = (description: string) =>
  ({
    type: 'array',
    items: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date' },
    uniqueItems: true,
    description,
  }) as const;

/**
 * The city's working calendar (config `calendar`): the public holidays and the
 * make-up working days (调休) the State Council announces each year. Time
 * limits with `workingDays: true` count on it.
 */
export const calendarSchema = {
  type: 'object',
  description: 'Public holidays and make-up working days (调休) for time limits counted in working days',
  properties: {
    utcOffsetHours: { type: 'integer', minimum: -12, maximum: 14, description: "The city's UTC offset; dates are local days (China: 8)" },
    holidays: dateList('Days off that would otherwise be working days, YYYY-MM-DD'),
    workdays: dateList('Make-up working days (调休) that fall on a Saturday or Sunday, YYYY-MM-DD'),
    sources: {
      type: 'array',
      description: "Where each year's dates come from: the State Council's notice on that year's holidays (国务院办公厅关于…年部分节假日安排的通知)",
      items: {
        type: 'object',
        properties: {
          year: { type: 'integer', minimum: 2000, maximum: 2100 },
          notice: { type: 'string', minLength: 1, description: 'Title (and number) of the notice' },
          url: { type: 'string', pattern: '^https?://' },
        },
        required: ['year', 'notice'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
