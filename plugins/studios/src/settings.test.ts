import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { studiosPlugin } from './plugin.js';
import { testCity } from './test-support.js';

/** The options are checked against the city before any database is opened: each mistake with its path. */
async function refusal(studios: unknown[], more: Record<string, unknown> = {}) {
  const config = testCity();
  config.plugins!.studios = { studios, ...more };
  try {
    const server = await startTestServer({ config, plugins: [gridRequestsPlugin, studiosPlugin], backend: testBackends()[0]! });
    await server.close();
  } catch (e) {
    return e as { code: string; details?: { path: string; message: string }[] };
  }
  throw new Error('the config was accepted');
}

const slot = { weekday: 2, start: '09:00', end: '11:00', capacity: 3 };
const studio = (over: Record<string, unknown>) => ({ key: 's1', community: 'yongfu', kind: '书记工作室', name: '书记工作室', place: '党群服务中心', slots: [slot], ...over });

describe('studios options', () => {
  it('refuses an unknown kind and a zero capacity, with their paths', async () => {
    const e = await refusal([studio({ kind: '茶馆', slots: [{ ...slot, capacity: 0 }] })]);
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details?.map((d) => d.path).sort()).toEqual(['/plugins/studios/studios/0/kind', '/plugins/studios/studios/0/slots/0/capacity']);
  });

  it('refuses a studio at an org that is not a community, or unknown (checked against the city)', async () => {
    const e = await refusal([studio({ community: 'hepan' }), studio({ key: 's2', community: 'no-such' })]);
    expect(e.details?.map((d) => `${d.path} ${d.message}`)).toEqual(['/plugins/studios/studios/0/community "hepan" is of type compound', '/plugins/studios/studios/1/community unknown org "no-such"']);
  });

  it('refuses an unknown staff role', async () => {
    const e = await refusal([studio({})], { staffRoles: ['mayor'] });
    expect(e.details?.map((d) => d.path)).toEqual(['/plugins/studios/staffRoles/0']);
  });

  it('refuses two studios with one key, a slot that ends before it starts and overlapping slots', async () => {
    const e = await refusal([studio({}), studio({ slots: [slot, { ...slot, start: '10:00', end: '12:00' }, { ...slot, weekday: 3, start: '15:00', end: '14:00' }] })]);
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details?.map((d) => `${d.path} ${d.message}`).sort()).toEqual([
      '/plugins/studios/studios/1/key "s1" is also the key of studio 0',
      '/plugins/studios/studios/1/slots/1 overlaps slot 0 on the same weekday',
      '/plugins/studios/studios/1/slots/2/end ends at 14:00, not after it starts at 15:00',
    ]);
  });
});
