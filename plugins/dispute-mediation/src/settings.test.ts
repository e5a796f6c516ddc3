import { startTestServer } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { disputeMediationPlugin } from './plugin.js';
import { exampleCity, exampleOptions } from './test-support.js';

/**
 * The pools and rooms are checked against the city with the rest of the
 * config, before a database is opened, each problem with its path.
 */
describe('dispute-mediation options', () => {
  const refusal = async (options: Record<string, unknown>) => {
    const err = await startTestServer({ config: exampleCity(options), plugins: [disputeMediationPlugin] }).then(
      () => null,
      (e: { code?: string; details?: { path: string; message: string }[] }) => e,
    );
    expect(err?.code).toBe('LINLI_ERR_CONFIG_INVALID');
    return err!.details!.map((d) => `${d.path} ${d.message}`);
  };
  const base = exampleOptions() as { pools: { key: string; kind: string; members: string[] }[] };
  const pools = (edit: (p: typeof base.pools) => unknown) => ({ ...base, pools: edit(structuredClone(base.pools)) });

  it('refuses a pool member who is no person of the city, and a pool key used twice', async () => {
    expect(await refusal(pools((p) => (p[1]!.members = ['nobody'], p)))).toEqual([expect.stringMatching(/^\/plugins\/dispute-mediation\/pools\/1\/members\/0 unknown person "nobody"/)]);
    expect(await refusal(pools((p) => (p[2]!.key = 'judge', p)))).toEqual([expect.stringMatching(/^\/plugins\/dispute-mediation\/pools\/2\/key /)]);
  });

  it('refuses a team nobody could form: no professional pool, min above max, a room that is no community', async () => {
    expect(await refusal(pools((p) => p.filter((x) => x.kind === 'community')))).toEqual([expect.stringMatching(/^\/plugins\/dispute-mediation\/pools requireProfessional/)]);
    expect(await refusal({ ...base, teamSize: { min: 4, max: 3 } })).toEqual([expect.stringMatching(/^\/plugins\/dispute-mediation\/teamSize\/min /)]);
    expect((await refusal({ ...base, rooms: [{ org: 'hepan', place: '河畔家园调解室' }] }))[0]).toMatch(/^\/plugins\/dispute-mediation\/rooms/);
    expect(await refusal({ ...base, teamSize: { max: 10 } })).toEqual([expect.stringMatching(/^\/plugins\/dispute-mediation\/teamSize\/max /)]);
  });
});
