import type { PluginJobDefinition } from '@linli/sdk';
import { envOf } from './service/env.js';
import { FINISH_MEETING_JOB, finishIfOpen } from './service/meetings.js';

/**
 * The plugin's durable jobs. A weekly meeting nobody closed would otherwise
 * stay a draft, and its undecided problems on its agenda, until someone
 * schedules the next one: this finishes it `finishAfterDays` after its day.
 */
export const jobs: PluginJobDefinition<{ meetingId: string }>[] = [
  {
    kind: FINISH_MEETING_JOB,
    payloadSchema: { type: 'object', required: ['meetingId'], properties: { meetingId: { type: 'string', pattern: '^[0-9]{1,15}$' } }, additionalProperties: false },
    async handler({ payload, ctx, trx }) {
      await finishIfOpen(envOf(ctx, trx), payload.meetingId);
    },
  },
];
