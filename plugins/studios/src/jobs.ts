import type { PluginJobDefinition } from '@linli/sdk';
import { envOf } from './service/env.js';
import { EVE_JOB, remindEve } from './service/reminders.js';

/** The plugin's durable jobs: the reminder the day before a confirmed appointment. */
export const jobs: PluginJobDefinition<{ bookingId: string; startsAt: string }>[] = [
  {
    kind: EVE_JOB,
    payloadSchema: {
      type: 'object',
      required: ['bookingId', 'startsAt'],
      properties: { bookingId: { type: 'string', pattern: '^[0-9]{1,10}$' }, startsAt: { type: 'string', maxLength: 40 } },
      additionalProperties: false,
    },
    async handler({ payload, ctx, trx }) {
      await remindEve(envOf(ctx, trx), payload);
    },
  },
];
