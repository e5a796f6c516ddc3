import { startTestServer } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { doorKnockingPlugin } from './plugin.js';
import { exampleCity } from './test-support.js';

/**
 * The options are checked with the rest of the config, before a database is
 * opened: `linli check` and the server's start report the same problems,
 * each with its path in the config.
 */
describe('door-knocking options', () => {
  const refusal = async (options: Record<string, unknown>) => {
    const err = await startTestServer({ config: exampleCity(options), plugins: [doorKnockingPlugin] }).then(
      () => null,
      (e: { code?: string; details?: { path: string; message: string }[] }) => e,
    );
    expect(err?.code).toBe('LINLI_ERR_CONFIG_INVALID');
    return err!.details!.map((d) => d.path);
  };

  it('refuses unknown rounds, roles and keys with their paths', async () => {
    expect(await refusal({ roundsPerMonth: 5 })).toEqual(['/plugins/door-knocking/roundsPerMonth']);
    expect(await refusal({ visitorRoles: ['mayor'] })).toEqual(['/plugins/door-knocking/visitorRoles/0']);
    expect(await refusal({ visitorRoles: [] })).toEqual(['/plugins/door-knocking/visitorRoles']);
    expect(await refusal({ rounds: 2 })).toEqual(['/plugins/door-knocking/rounds']);
  });
});
