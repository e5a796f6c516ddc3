import { startTestServer } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { volunteerPointsPlugin } from './plugin.js';
import { readSettings, starsFor, thresholdProblems } from './settings.js';
import { exampleCity } from './test-support.js';

describe('volunteer-points options', () => {
  const refusal = async (options: Record<string, unknown>) => {
    const err = await startTestServer({ config: exampleCity(options), plugins: [volunteerPointsPlugin] }).then(
      async (s) => {
        await s.close();
        return null;
      },
      (e: { code?: string; details?: { path: string }[]; message?: string }) => e,
    );
    return err;
  };

  it('refuses bad shapes with their paths, before a database is opened', async () => {
    const paths = async (o: Record<string, unknown>) => (await refusal(o))!.details!.map((d) => d.path);
    expect(await paths({ pointsPerWish: 0 })).toEqual(['/plugins/volunteer-points/pointsPerWish']);
    expect(await paths({ stars: { member: [1] } })).toEqual(['/plugins/volunteer-points/stars/member']);
    expect(await paths({ orgs: [] })).toEqual(['/plugins/volunteer-points/orgs']);
  });

  it('refuses (linli check) an unknown org key at its path, and thresholds that do not ascend when the plugin starts', async () => {
    const unknown = await refusal({ orgs: ['yongfu', 'atlantis'] });
    expect(unknown?.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect((unknown as { details?: unknown[] })?.details).toEqual([expect.objectContaining({ path: '/plugins/volunteer-points/orgs/1', message: 'unknown org "atlantis"' })]);
    const err = await refusal({ orgs: ['yongfu'], stars: { unit: [10, 5] } });
    expect(err?.code).toBe('VP_ERR_OPTIONS');
    expect(err?.message).toContain('stars.unit');
  });

  it('derives stars from thresholds', () => {
    const s = readSettings({ stars: { branch: [10, 20, 30] } });
    expect(thresholdProblems(s)).toEqual([]);
    expect([0, 9, 10, 29, 30, 999].map((p) => starsFor(p, s.stars.branch))).toEqual([0, 0, 1, 2, 3, 3]);
    expect(s.stars.unit).toEqual([20, 60, 120, 200, 300]);
  });
});
