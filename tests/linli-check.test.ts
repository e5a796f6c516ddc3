import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { built, cli, exampleConfig as example, root } from './support.js';

/** `linli check` as an implementer runs it, on the example city and broken copies of it. */
const written: string[] = [];
afterAll(() => written.forEach((f) => rmSync(f, { force: true })));

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 32 * 1024 * 1024 }, (e, stdout, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

/** The example city with a change, written beside it (so plugin discovery resolves). */
function variant(edit: (c: any) => void): string {
  const c = JSON.parse(readFileSync(example, 'utf8'));
  edit(c);
  const file = `${root}examples/tianchang/.test-${process.pid}-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(file, JSON.stringify(c));
  written.push(file);
  return file;
}

describe.skipIf(!built)('linli check on the example city', () => {
  it('--print-effective prints the city as it runs: overrides applied, the city’s own practice beside the plugins’', async () => {
    const r = await run(['check', example, '--print-effective']);
    expect(r.code, r.err).toBe(0);
    const city = JSON.parse(r.out);
    expect(city.overrides).toBeUndefined();
    expect(city.overridden.workflows).toEqual(['red-property.complaint']);
    const complaint = city.workflows.find((w: { id: string }) => w.id === 'red-property.complaint');
    expect(complaint).toMatchObject({ source: 'plugin:red-property', offerWhere: { compoundType: ['商品房', '安置房', '老旧小区'] } });
    expect(city.workflows.find((w: { id: string }) => w.id === 'tianchang.elevator')).toMatchObject({ source: 'config', offerWhere: { compoundType: ['老旧小区'] } });
    const form = city.forms.find((f: { id: string }) => f.id === 'red-property.complaint');
    expect(form.uiSchema.location['ui:help']).toBe('楼栋、单元或具体位置，便于物业找到现场');
  });

  it('refuses an override that would break the plugin, printing the path of the mistake', async () => {
    const file = variant((c) => {
      c.overrides.workflows['red-property.complaint'].states.closed = { timeLimit: { days: 1 } };
      c.overrides.forms['red-property.complaint'].fields.category = { hidden: true };
    });
    const r = await run(['check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:/overrides/workflows/red-property.complaint/states/closed/timeLimit  "closed" is a terminal state`);
    expect(r.err).toContain(`${file}:/overrides/forms/red-property.complaint/fields/category/hidden  plugin "red-property" reads field "category"`);
  });

  it('warns, without failing, when the calendar has no dates for this year', async () => {
    const file = variant((c) => {
      c.calendar.holidays = [];
      c.calendar.workdays = [];
    });
    const r = await run(['check', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/⚠ .*:\/calendar\/holidays {2}the working calendar lists no holidays or make-up working days for 20[0-9]{2}/);
  });
});
