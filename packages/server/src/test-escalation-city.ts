import type { CityConfig, WorkflowDefinition } from '@linli/core';
import type { TestClient, TestServer } from '@linli/testing';
import { readJsonFile } from './config-file.js';
import { exampleConfig } from './test-support.js';

/**
 * 随手拍 "snap and report" as Tianchang's smart-butler app runs it: a photo
 * report goes straight to the responsible unit by the dispatch rules, with a
 * 4-hour limit.
 */
export const snapReportWorkflow: WorkflowDefinition = {
  id: 'tianchang.snap-report',
  title: { 'zh-CN': '随手拍', en: 'Snap and report' },
  intakeForm: 'grid-request.intake',
  titleField: 'title',
  routeOnCreate: true,
  create: [
    { role: 'resident', scope: 'ancestor' },
    { role: 'grid_worker', scope: 'ancestor' },
  ],
  initial: 'assigned',
  states: [
    { id: 'assigned', title: { 'zh-CN': '已分派' }, timeLimit: { hours: 4, remindBeforeHours: 1 } },
    { id: 'done', title: { 'zh-CN': '已办结' }, terminal: true },
  ],
  transitions: [
    {
      name: 'finish',
      title: { 'zh-CN': '办结' },
      from: 'assigned',
      to: 'done',
      allow: [
        { role: 'department_officer', scope: 'assigned-org' },
        { role: 'property_staff', scope: 'assigned-org' },
        { role: 'community_staff', scope: 'assigned-org' },
      ],
      form: 'grid-request.handle',
    },
  ],
};

/**
 * The example city (天长市) with only the grid-requests plugin enabled (other
 * plugins are not what these tests are about) and the snap-report workflow;
 * its calendar, routing and escalation sections are the example's own.
 */
export function escalationCity(extra: Partial<CityConfig> = {}): CityConfig {
  const source: unknown = exampleConfig;
  const raw = structuredClone(typeof source === 'string' ? readJsonFile(source) : source) as CityConfig;
  return { ...raw, plugins: { 'grid-requests': {} }, workflows: [snapReportWorkflow], ...extra };
}

export const HOUR = 3_600_000;

export async function historyOf(client: TestClient, id: string): Promise<{ seq: number; action: string; data: any; comment: string | null }[]> {
  const res = await client.get(`/api/tickets/${id}`);
  if (res.status !== 200) throw new Error(`GET ticket ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.events;
}

export async function personId(server: TestServer, username: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return String(row.id);
}
