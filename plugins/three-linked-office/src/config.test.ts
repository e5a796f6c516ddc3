import { startTestServer, testBackends } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { exampleConfig, plugins } from './test-support.js';

const city = () => structuredClone(exampleConfig) as unknown as { plugins: Record<string, { offices: Record<string, unknown>[] }> };

/** Starting a server checks the config first: a refused config never opens a database. */
async function refusal(config: unknown, backend = testBackends()[0]!) {
  try {
    const server = await startTestServer({ config: config as never, plugins, backend });
    await server.close();
  } catch (e) {
    return e as { code: string; details?: { path: string; message: string }[] };
  }
  throw new Error('the config was accepted');
}

describe('three-linked office settings', () => {
  it('refuses an office that lacks one of the three parties, naming its JSON path', async () => {
    const config = city();
    delete config.plugins['three-linked-office']!.offices[1]!.propertyCompany;
    const e = await refusal(config);
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details).toContainEqual(expect.objectContaining({ path: '/plugins/three-linked-office/offices/1/propertyCompany', message: 'is required' }));
  });

  it('refuses (linli check) an office that names an org the city lacks, or one of another type, each at its path', async () => {
    const config = city();
    config.plugins['three-linked-office']!.offices[0]!.propertyCompany = 'no-such-company';
    config.plugins['three-linked-office']!.offices[2]!.residentsCommittee = 'hepan-owners';
    const e = await refusal(config);
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details).toEqual([
      expect.objectContaining({ path: '/plugins/three-linked-office/offices/0/propertyCompany', message: 'unknown org "no-such-company"', expected: 'the key of an org in /orgs' }),
      expect.objectContaining({ path: '/plugins/three-linked-office/offices/2/residentsCommittee', message: '"hepan-owners" is of type owners_committee', expected: 'an org of type residents_committee' }),
    ]);
  });

  it('refuses a weekday out of range and an unknown option', async () => {
    const config = city();
    Object.assign(config.plugins['three-linked-office']!, { meetingWeekday: 8, chair: 'x' });
    const e = await refusal(config);
    expect(e.details?.map((d) => d.path).sort()).toEqual(['/plugins/three-linked-office/chair', '/plugins/three-linked-office/meetingWeekday']);
  });
});

for (const backend of testBackends()) {
  describe(`three-linked office start on ${backend.name}`, () => {
    it('refuses to start when an office names orgs that do not belong together, or people the city lacks', async () => {
      const config = city();
      const office = config.plugins['three-linked-office']!.offices[0]!;
      Object.assign(office, { ownersCommittee: 'tiandao-owners', representatives: { propertyCompany: ['nobody'] } });
      const e = await refusal(config, backend);
      expect(e.code).toBe('TLO_ERR_OFFICE_CONFIG');
      expect(e.details).toEqual([
        { path: '/plugins/three-linked-office/offices/0/ownersCommittee', message: `"tiandao-owners" is not the owners' committee of "hepan"`, expected: 'an owners_committee under the compound' },
        { path: '/plugins/three-linked-office/offices/0/representatives/propertyCompany/0', message: 'unknown person "nobody"', expected: 'the username of a person in /people' },
      ]);
    });
  });
}
