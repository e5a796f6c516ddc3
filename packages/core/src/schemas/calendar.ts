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
  },
  additionalProperties: false,
} as const;
