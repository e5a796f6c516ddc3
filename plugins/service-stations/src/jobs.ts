import type { PluginJobDefinition } from '@linli/sdk';
import { OPEN_PERIOD_JOB, openPeriod } from './service/inspections.js';

/**
 * 定期检查: at the start of each period (month or quarter, city's local
 * time) a job opens every station's inspection and schedules the next
 * period's. init() schedules the current period's at every start.
 */
export const jobs: PluginJobDefinition<{ period: string }>[] = [
  {
    kind: OPEN_PERIOD_JOB,
    payloadSchema: { type: 'object', required: ['period'], properties: { period: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$' } }, additionalProperties: false },
    async handler({ payload, ctx, trx }) {
      await openPeriod(ctx, trx, payload.period);
    },
  },
];
