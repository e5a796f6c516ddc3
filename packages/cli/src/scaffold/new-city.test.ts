import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { tempWorkspace } from './test-workspace.js';

/** `linli new-city`, then `linli check` on what it wrote, in a throwaway workspace. */
describe('linli new-city', () => {
  const ws = tempWorkspace();
  const lines: string[] = [];
  const errors: string[] = [];
  let code: number;
  const file = join(ws.root, 'examples/jian/linli.config.json');
  beforeAll(async () => {
    code = await main(['new-city', 'jian', '--title', '吉安市', '--title-en', "Ji'an"], (l) => lines.push(l), (l) => errors.push(l), ws.root);
  });
  afterAll(() => ws.remove());

  it('writes a config with every org level, a grid, demo people and grid-requests enabled', () => {
    expect(code, errors.join('\n')).toBe(0);
    const config = JSON.parse(readFileSync(file, 'utf8'));
    expect(config.$schema).toMatch(/packages\/core\/schema\/linli\.config\.schema\.json$/);
    expect(existsSync(join(ws.root, 'examples/jian', config.$schema))).toBe(true);
    expect(config).toMatchObject({ name: 'jian', title: { 'zh-CN': '吉安市基层治理平台' }, plugins: { 'grid-requests': {} } });
    const levels: string[] = [];
    for (let n = config.orgs; n; n = n.children?.[0]) levels.push(n.type);
    expect(levels).toEqual(['city', 'district', 'street', 'community', 'compound', 'building']);
    expect(config.grids).toHaveLength(1);
    const roles = new Set(config.people.flatMap((p: { roles: { role: string }[] }) => p.roles.map((r) => r.role)));
    for (const r of ['admin', 'community_secretary', 'community_staff', 'grid_worker', 'building_leader', 'department_officer', 'property_staff', 'resident']) expect(roles, r).toContain(r);
  });

  it('lists the installed plugins to choose from, on screen and in a README beside the config', () => {
    const text = lines.join('\n');
    expect(text).toMatch(/\[on\] +grid-requests/);
    expect(text).toMatch(/\[off\] +door-knocking/);
    expect(text).toContain('npx linli check examples/jian/linli.config.json');
    const readme = readFileSync(join(ws.root, 'examples/jian/README.md'), 'utf8');
    expect(readme).toContain('| `grid-requests` | 网格诉求 Grid requests | on |');
    expect(readme).toContain('| `door-knocking` | 敲门行动 Door-knocking visits | off |');
  });

  it('passes linli check as written', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await main(['check', file], (l) => out.push(l), (l) => err.push(l)), err.join('\n')).toBe(0);
    expect(out.join('\n')).toContain('is valid: 15 organizations, 1 grids, 10 people');
  });

  it('refuses bad names and existing folders with exit code 1, a missing name with 2', async () => {
    const err: string[] = [];
    expect(await main(['new-city', 'Ji An'], () => {}, (l) => err.push(l), ws.root)).toBe(1);
    expect(err.join('\n')).toContain('is not a valid city name');
    expect(await main(['new-city', 'jian'], () => {}, (l) => err.push(l), ws.root)).toBe(1);
    expect(err.join('\n')).toContain('examples/jian already exists');
    expect(await main(['new-city'], () => {}, () => {}, ws.root)).toBe(2);
  });

  it('makes check and start refuse a plugin built for another SDK, saying which', async () => {
    // A plugin installed beside the city that supports only SDK 9.x.
    const pkgDir = join(ws.root, 'examples/jian/node_modules/linli-plugin-from-the-future');
    mkdirSync(pkgDir, { recursive: true });
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'linli-plugin-from-the-future', version: '2.0.0', type: 'module', exports: './index.js', linli: { plugin: true } }));
    writeFileSync(join(pkgDir, 'index.js'), "export const futurePlugin = { name: 'from-the-future', version: '2.0.0', sdk: '^9.0.0', title: { 'zh-CN': '未来' } };\n");
    const config = JSON.parse(readFileSync(file, 'utf8'));
    const futureFile = join(ws.root, 'examples/jian/future.config.json');
    writeFileSync(futureFile, JSON.stringify({ ...config, plugins: { ...config.plugins, 'from-the-future': {} } }));
    const message = 'plugin "from-the-future" 2.0.0 supports SDK ^9.0.0, but this Linli has SDK 0.1.0';

    const checkErr: string[] = [];
    expect(await main(['check', futureFile], () => {}, (l) => checkErr.push(l))).toBe(1);
    expect(checkErr.join('\n')).toContain(`future.config.json:/plugins/from-the-future  ${message}`);

    const dataDir = join(ws.root, '.linli/future');
    const serveErr: string[] = [];
    expect(await main(['serve', '--config', futureFile, '--data-dir', dataDir, '--port', '0'], () => {}, (l) => serveErr.push(l))).toBe(1);
    expect(serveErr.join('\n')).toContain(message);
    // Refused before anything was opened or written.
    expect(existsSync(dataDir)).toBe(false);
  });
});
