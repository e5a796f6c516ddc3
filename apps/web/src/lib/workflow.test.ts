import { describe, expect, it } from 'vitest';
import type { Me, Workflow } from '../api/types';
import { mayFile } from './workflow';

const roles = [{ role: 'street_secretary' }] as unknown as Me['roles'];
const workflow = (extra: Partial<Workflow>) => ({ id: 'x.y', intakeForm: 'x.form', create: [{ role: 'street_secretary', scope: 'ancestor' }], ...extra }) as unknown as Workflow;

describe('which workflows an intake page offers me', () => {
  it('those whose create rules name one of my roles', () => {
    expect(mayFile(workflow({}), roles)).toBe(true);
    expect(mayFile(workflow({ create: [{ role: 'resident', scope: 'ancestor' }] } as Partial<Workflow>), roles)).toBe(false);
  });
  it('never one only its plugin files (an inspection’s rectification ticket), whoever it may be filed for', () => {
    expect(mayFile(workflow({ filedBy: 'plugin' }), roles)).toBe(false);
    expect(mayFile(workflow({ filedBy: 'people' }), roles)).toBe(true);
  });
});
