import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LinliPlugin } from '@linli/sdk';
import { startTestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { repoRoot, tempWorkspace } from './test-workspace.js';

const run = promisify(execFile);

/**
 * `linli new-plugin` as an author uses it, in a throwaway workspace: the
 * plugin it writes typechecks, loads, runs on a real server, and passes its
 * own tests before anyone has touched it.
 */
describe('linli new-plugin', () => {
  const ws = tempWorkspace();
  const lines: string[] = [];
  const errors: string[] = [];
  let code: number;
  const dir = join(ws.root, 'plugins/food-bank');
  beforeAll(async () => {
    code = await main(['new-plugin', 'food-bank', '--title', '爱心食堂', '--title-en', "Ji'an food bank"], (l) => lines.push(l), (l) => errors.push(l), ws.root);
  });
  afterAll(() => ws.remove());

  it('writes every part of a plugin and says what to do next', () => {
    expect(code, errors.join('\n')).toBe(0);
    for (const f of ['package.json', 'README.md', 'tsconfig.json', 'src/plugin.ts', 'src/forms/request.ts', 'src/workflows/request.ts', 'src/migrations/0001-records.ts', 'src/routes.ts', 'src/web.ts', 'src/plugin.test.ts']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: '@linli/plugin-food-bank', linli: { plugin: true, sdk: '^0.1.0' }, displayName: { 'zh-CN': '爱心食堂', en: "Ji'an food bank" }, dependencies: { '@linli/sdk': '*' } });
    const text = lines.join('\n');
    expect(text).toContain('npm install');
    expect(text).toContain('add "food-bank": {} under "plugins"');
    expect(text).toContain('npm run build && npx linli check');
    expect(text).toContain('npm test -w plugins/food-bank');
    expect(text).toContain('npm start');
  });

  it('typechecks under the repository’s strict settings, tests included, and as its build compiles it', async () => {
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    for (const config of ['tsconfig.json', 'tsconfig.build.json']) {
      const res = await run(process.execPath, [tsc, '-p', join(dir, config), '--noEmit'], { cwd: ws.root }).catch((e: { stdout: string }) => e);
      expect('stdout' in res ? res.stdout : '', config).toBe('');
    }
  });

  it('loads, starts on a real server and files a ticket of its workflow', async () => {
    const mod = (await import(join(dir, 'src/index.ts'))) as Record<string, LinliPlugin>;
    const plugin = mod.foodBankPlugin!;
    expect(plugin).toMatchObject({ name: 'food-bank', sdk: '^0.1.0', title: { 'zh-CN': '爱心食堂', en: "Ji'an food bank" } });
    const city = JSON.parse(readFileSync(join(ws.root, 'examples/tianchang/linli.config.json'), 'utf8'));
    const server = await startTestServer({ config: { name: city.name, title: city.title, orgs: city.orgs, grids: city.grids, people: city.people, plugins: { 'food-bank': {} } }, plugins: [plugin] });
    try {
      const hepan = String((await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', 'hepan').executeTakeFirstOrThrow()).id);
      const res = await (await server.login('resident.hepan')).post('/api/tickets', { workflow: 'food-bank.request', orgId: hepan, data: { title: '想报名爱心午餐', description: '家中老人行动不便，希望送餐上门。' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ workflow: 'food-bank.request', state: 'open' });
    } finally {
      await server.close();
    }
  });

  it('passes its own tests as generated, and after the plugin guide’s first changes', async () => {
    // Part 1 of docs/plugin-guide.md, done as the guide says: same command, same edits.
    const guide = readFileSync(join(repoRoot, 'docs/plugin-guide.md'), 'utf8');
    const printed: string[] = [];
    expect(await main(['new-plugin', 'my-practice', '--title', '我的实践', '--title-en', 'My practice'], (l) => printed.push(l), () => {}, ws.root)).toBe(0);
    expect(guide, 'the guide shows what new-plugin prints').toContain(printed.join('\n'));
    for (const e of guideEdits) {
      const file = join(ws.root, 'plugins/my-practice', e.file);
      const text = readFileSync(file, 'utf8');
      expect(text, `${e.file} still has what the guide edits`).toContain(e.from);
      for (const line of e.shown) expect(guide, 'the guide shows the edit').toContain(line);
      writeFileSync(file, text.replace(e.from, e.to));
    }

    const vitest = join(repoRoot, 'node_modules/vitest/vitest.mjs');
    const res = await run(process.execPath, [vitest, 'run', '--root', ws.root, '--config', join(repoRoot, 'vitest.config.ts'), 'plugins/food-bank', 'plugins/my-practice'], {
      cwd: ws.root,
      // PGlite only: one more database is enough to show the generated tests pass.
      env: { ...process.env, DATABASE_URL: '' },
    }).catch((e: { stdout: string; stderr: string }) => ({ ...e, failed: true }));
    const output = `${res.stdout}\n${res.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    expect('failed' in res, output).toBe(false);
    expect(output).toMatch(/Test Files\s+2 passed/);
    // 4 generated tests in each plugin, plus the one the guide adds.
    expect(output).toMatch(/Tests\s+9 passed/);
  });

  it('refuses a name that is not kebab-case, and a folder that exists, with exit code 1', async () => {
    const err: string[] = [];
    expect(await main(['new-plugin', 'FoodBank'], () => {}, (l) => err.push(l), ws.root)).toBe(1);
    expect(err.join('\n')).toContain('"FoodBank" is not a valid plugin name: use kebab-case');
    expect(await main(['new-plugin', 'food_bank'], () => {}, (l) => err.push(l), ws.root)).toBe(1);
    err.length = 0;
    expect(await main(['new-plugin', 'food-bank'], () => {}, (l) => err.push(l), ws.root)).toBe(1);
    expect(err.join('\n')).toContain('plugins/food-bank already exists');
    expect(await main(['new-plugin', 'x-ray', '--title', 'two\nlines'], () => {}, () => {}, ws.root)).toBe(1);
    expect(await main(['new-plugin'], () => {}, () => {}, ws.root)).toBe(2);
    expect(await main(['new-plugin', 'a', 'b'], () => {}, () => {}, ws.root)).toBe(2);
    expect(existsSync(join(ws.root, 'plugins/x-ray'))).toBe(false);
  });
});

const rejectTest = [
  "    it('staff may reject a request, giving the reason', async () => {",
  "      const resident = await server.login('resident.hepan');",
  "      const filed = await resident.post('/api/tickets', { workflow: 'my-practice.request', orgId: hepan, data: { title: '广场舞噪音', location: '中心广场', description: '晚上十点后还在放音乐。' } });",
  '      expect(filed.status, JSON.stringify(filed.body)).toBe(201);',
  "      const staff = await server.login('secretary.yongfu');",
  "      const noReason = await staff.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'reject', version: filed.body.version });",
  '      expect(noReason.status).toBe(422);',
  "      const rejected = await staff.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'reject', version: filed.body.version, comment: '请通过网格诉求反映。' });",
  "      expect(rejected.body.state).toBe('rejected');",
  '    });',
].join('\n');

/** The edits Part 1 of the plugin guide tells an author to make: a form field, a workflow step, a test for it. */
const guideEdits: { file: string; from: string; to: string; shown: string[] }[] = [
  {
    file: 'src/forms/request.ts',
    from: "    title: { type: 'string', title: '标题', minLength: 2, maxLength: 100 },\n",
    to: "    title: { type: 'string', title: '标题', minLength: 2, maxLength: 100 },\n    location: { type: 'string', title: '位置', maxLength: 200 },\n",
    shown: ["    location: { type: 'string', title: '位置', maxLength: 200 },"],
  },
  {
    file: 'src/forms/request.ts',
    from: "'ui:order': ['title', 'description', 'photos'],",
    to: "'ui:order': ['title', 'location', 'description', 'photos'],",
    shown: ["    'ui:order': ['title', 'location', 'description', 'photos'],"],
  },
  {
    file: 'src/forms/request.ts',
    from: "'/title': 'Title', '/description'",
    to: "'/title': 'Title', '/location': 'Where', '/description'",
    shown: ["  translations: { en: { '/': 'File a request', '/title': 'Title', '/location': 'Where', '/description': 'What is it about', '/photos': 'Photos' } },"],
  },
  {
    file: 'src/workflows/request.ts',
    from: "    { id: 'done', title: { 'zh-CN': '已办结', en: 'Done' }, terminal: true },\n",
    to: "    { id: 'done', title: { 'zh-CN': '已办结', en: 'Done' }, terminal: true },\n    { id: 'rejected', title: { 'zh-CN': '不予受理', en: 'Rejected' }, terminal: true },\n",
    shown: ["    { id: 'rejected', title: { 'zh-CN': '不予受理', en: 'Rejected' }, terminal: true },"],
  },
  {
    file: 'src/workflows/request.ts',
    from: "  transitions: [{ name: 'reply', title: { 'zh-CN': '答复办结', en: 'Reply and close' }, from: 'open', to: 'done', allow: [...staff], form: 'my-practice.reply' }],",
    to: [
      '  transitions: [',
      "    { name: 'reply', title: { 'zh-CN': '答复办结', en: 'Reply and close' }, from: 'open', to: 'done', allow: [...staff], form: 'my-practice.reply' },",
      "    { name: 'reject', title: { 'zh-CN': '不予受理', en: 'Reject' }, from: 'open', to: 'rejected', allow: [...staff], commentRequired: true },",
      '  ],',
    ].join('\n'),
    shown: [
      "    { name: 'reply', title: { 'zh-CN': '答复办结', en: 'Reply and close' }, from: 'open', to: 'done', allow: [...staff], form: 'my-practice.reply' },",
      "    { name: 'reject', title: { 'zh-CN': '不予受理', en: 'Reject' }, from: 'open', to: 'rejected', allow: [...staff], commentRequired: true },",
    ],
  },
  {
    file: 'src/plugin.test.ts',
    from: "    it('declares web pages whose sources answer'",
    to: `${rejectTest}\n\n    it('declares web pages whose sources answer'`,
    shown: rejectTest.split('\n'),
  },
];
