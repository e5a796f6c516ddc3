import { describe, expect, it } from 'vitest';
import { LinliError } from '../errors.js';
import { workflow } from '../test-fixtures.js';
import { CompiledWorkflow, WorkflowRegistry } from './registry.js';

describe('CompiledWorkflow', () => {
  const wf = new CompiledWorkflow(workflow(), 'plugin "grid-requests"');

  it('exposes its id, definition and source', () => {
    expect(wf.id).toBe('test.request');
    expect(wf.source).toBe('plugin "grid-requests"');
    expect(wf.def.initial).toBe('collected');
  });

  it('looks up states and transitions by name', () => {
    expect(wf.state('dispatched')?.timeLimit).toEqual({ days: 2, workingDays: true });
    expect(wf.state('nope')).toBeUndefined();
    expect(wf.transition('dispatch')?.to).toBe('dispatched');
    expect(wf.transition('nope')).toBeUndefined();
  });

  it('knows which states are terminal', () => {
    expect(wf.isTerminal('closed')).toBe(true);
    expect(wf.isTerminal('rejected')).toBe(true);
    expect(wf.isTerminal('collected')).toBe(false);
    expect(wf.isTerminal('nope')).toBe(false);
  });

  it('lists the transitions leaving a state in definition order, array "from" included', () => {
    expect(wf.transitionsFrom('collected').map((t) => t.name)).toEqual(['claim', 'dispatch', 'reject']);
    expect(wf.transitionsFrom('dispatched').map((t) => t.name)).toEqual(['assign', 'extend', 'return', 'handle', 'reject']);
    expect(wf.transitionsFrom('closed')).toEqual([]);
  });
});

describe('WorkflowRegistry', () => {
  it('registers and lists workflows', () => {
    const r = new WorkflowRegistry();
    r.register(workflow(), 'linli.config.json');
    r.register({ ...workflow(), id: 'other' }, 'plugin "x"');
    expect(r.get('test.request')?.source).toBe('linli.config.json');
    expect(r.get('nope')).toBeUndefined();
    expect(r.list().map((w) => w.id)).toEqual(['test.request', 'other']);
  });

  it('refuses a second workflow with the same id (LINLI_ERR_PLUGIN_CONFLICT)', () => {
    const r = new WorkflowRegistry();
    r.register(workflow(), 'plugin "grid-requests"');
    let error: unknown;
    try {
      r.register(workflow(), 'linli.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LinliError);
    expect((error as LinliError).code).toBe('LINLI_ERR_PLUGIN_CONFLICT');
    expect((error as LinliError).message).toBe(
      'The workflow id "test.request" is claimed by both plugin "grid-requests" and linli.config.json. Rename one of them.',
    );
    expect(r.get('test.request')?.source).toBe('plugin "grid-requests"');
  });
});
