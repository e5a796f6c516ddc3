import type { Deployment } from '@linli/core';
import { definePlugin, defineService, serviceRef, SDK_VERSION, type LinliPlugin, type PluginContext } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makePluginContexts } from './plugin-context.js';
import { registrationView } from './plugin-phases.js';

interface Greeter {
  greet(who: string): string;
}
const greeter = serviceRef<Greeter>('provider.greeter');
let builds = 0;

const manifest = (name: string, extra: Partial<LinliPlugin> = {}) => definePlugin({ name, version: '0.1.0', sdk: `^${SDK_VERSION}`, title: { 'zh-CN': name, en: name }, ...extra });
const provider = manifest('provider', {
  services: [
    defineService(greeter, (own, caller) => {
      builds += 1;
      // Built from the provider's own context, told who asks.
      return { greet: (who) => `${own.name} greets ${who} for ${caller}` };
    }),
  ],
});
const optionalCaller = manifest('hall', { optionalDependencies: ['provider'] });
const hardCaller = manifest('points', { dependencies: ['provider'] });
const stranger = manifest('stranger');

function contexts(plugins: LinliPlugin[]): ReadonlyMap<string, PluginContext> {
  const deployment = { config: { plugins: Object.fromEntries(plugins.map((p) => [p.name, {}])) } } as unknown as Deployment;
  const none = () => {
    throw new Error('not used here');
  };
  return makePluginContexts(deployment, {} as Kysely<any>, () => new Date(0), plugins, none, () => ({}) as never);
}

describe('plugin services', () => {
  it('gives a declared caller the provider’s service, built once per caller from the provider’s own context', () => {
    builds = 0;
    const ctx = contexts([provider, optionalCaller, hardCaller]);
    expect(ctx.get('hall')!.service(greeter).greet('owners')).toBe('provider greets owners for hall');
    expect(ctx.get('hall')!.service(greeter)).toBe(ctx.get('hall')!.service(greeter));
    expect(ctx.get('points')!.service(greeter).greet('volunteers')).toBe('provider greets volunteers for points');
    expect(builds).toBe(2);
  });

  it('refuses a caller that does not declare the provider, and a provider the city does not enable', () => {
    const ctx = contexts([provider, stranger, optionalCaller]);
    expect(() => ctx.get('stranger')!.service(greeter)).toThrow('Plugin "stranger" uses the service "provider.greeter" of plugin "provider", which it does not list in dependencies or optionalDependencies.');
    const without = contexts([optionalCaller]);
    expect(() => without.get('hall')!.service(greeter)).toThrow(`No plugin enabled in this city offers the service "provider.greeter": ask pluginEnabled(ctx, 'provider') before using it.`);
  });

  it('refuses a service not named after its plugin, and its use while routes are declared', () => {
    expect(() => manifest('other', { services: [defineService(greeter, () => ({ greet: () => '' }))] })).toThrow('Plugin "other" offers the service "provider.greeter": services are named "other.<service>".');
    const { view, done } = registrationView('hall', contexts([provider, optionalCaller]).get('hall')!);
    expect(() => view.service(greeter)).toThrow(/routes\(\) must only declare routes, but it used ctx.service/);
    done();
    expect(view.service(greeter).greet('x')).toBe('provider greets x for hall');
  });
});
