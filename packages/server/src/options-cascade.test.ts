import { loadDeployment, orgKeyProblems } from '@linli/core';
import { SDK_VERSION } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from './config-file.js';
import { bundledPlugins, exampleConfigFile } from './test-support.js';

type Config = { plugins: Record<string, Record<string, unknown>> };
const available = new Map(bundledPlugins.map((p) => [p.name, p]));
const exampleCity = () => structuredClone(readJsonFile(exampleConfigFile)) as Config;

/** What `linli check` (and the server's start, which runs the same check) says of a config: path and message of each problem. */
function problems(config: unknown): string[] {
  try {
    loadDeployment(config, { file: 'linli.config.json', available, sdkVersion: SDK_VERSION });
  } catch (e) {
    return ((e as { details?: { path: string; message: string }[] }).details ?? []).map((d) => `${d.path}  ${d.message}`);
  }
  return [];
}

/** Sets the value at a JSON pointer inside `obj`. */
function setAt(obj: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = obj as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

describe('plugin options checked against the city', () => {
  it('the example city passes', () => {
    expect(problems(exampleCity())).toEqual([]);
  });

  it('one bad option is one error, not a cascade through the forms built from it', () => {
    const config = exampleCity();
    config.plugins['red-property']!.criteria = [];
    // Before: also five "unknown form red-property.complaint…" errors, from the workflow and the city's overrides.
    expect(problems(config)).toEqual(['/plugins/red-property/criteria  must NOT have fewer than 1 items']);
  });

  // Every value a bundled plugin's options schema marks as an org key, found by asking with a city that has no orgs.
  const noOrgs = { config: {} as never, org: () => undefined, isWithin: () => false };
  const orgOptions = bundledPlugins.flatMap((p) =>
    orgKeyProblems(p.optionsSchema, exampleCity().plugins[p.name] ?? {}, noOrgs).map((d) => ({ plugin: p.name, path: d.path })),
  );

  it('finds the org keys of every bundled plugin that names orgs', () => {
    expect([...new Set(orgOptions.map((o) => o.plugin))].sort()).toEqual(['dispute-mediation', 'owners-self-governance', 'red-property', 'service-stations', 'studios', 'three-linked-office', 'volunteer-points', 'weekend-deliberation-hall']);
  });

  it.each(orgOptions)('an unknown org key at $plugin $path fails the check, once, at its path', ({ plugin, path }) => {
    const config = exampleCity();
    setAt(config.plugins[plugin], path, 'no-such-org');
    expect(problems(config)).toEqual([`/plugins/${plugin}${path}  unknown org "no-such-org"`]);
  });

  it("runs a plugin's own validateOptions against the city, its problems under /plugins/<name>", () => {
    const dk = bundledPlugins.find((p) => p.name === 'door-knocking')!;
    const strict = { ...dk, validateOptions: (o: Record<string, unknown>, city: { org(key: string): unknown }) => (city.org('hepan') && o.roundsPerMonth === 4 ? [{ path: '/roundsPerMonth', message: 'more rounds than this city has visitors for' }] : []) };
    const config = exampleCity();
    config.plugins['door-knocking'] = { roundsPerMonth: 4 };
    expect(() => loadDeployment(config, { file: 'linli.config.json', available: new Map([...available, ['door-knocking', strict]]), sdkVersion: SDK_VERSION })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: '/plugins/door-knocking/roundsPerMonth', message: 'more rounds than this city has visitors for' })] }),
    );
  });

  it('an org of the wrong type fails too, naming the type it is', () => {
    const config = exampleCity();
    setAt(config.plugins['three-linked-office'], '/offices/0/compound', 'yongfu');
    expect(problems(config)).toEqual(['/plugins/three-linked-office/offices/0/compound  "yongfu" is of type community']);
  });
});
