import { definePlugin } from '@linli/sdk';
import { confirmForm, handleForm, problemForm } from './forms/problem.js';
import { visitForm } from './forms/visit.js';
import { hooks } from './hooks.js';
import { visitsTables } from './migrations/0001-visits.js';
import { routes } from './routes/index.js';
import { seedDoorKnocking } from './seed.js';
import { optionsSchema } from './settings.js';
import { web } from './web.js';
import { problemWorkflow } from './workflows/problem.js';

/**
 * 敲门行动 (Ji'an): twice a month building leaders, grid workers and
 * volunteers knock on every door of their buildings, record what each
 * household needs, and turn the problems they find into tickets that are
 * closed only after a return visit.
 */
export const doorKnockingPlugin = definePlugin({
  name: 'door-knocking',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '敲门行动', en: 'Door-knocking visits' },
  optionsSchema,
  forms: [visitForm, problemForm, handleForm, confirmForm],
  workflows: [problemWorkflow],
  migrations: { '0001-visits': visitsTables },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'door_knocking_visits', column: 'building_path' }],
  routes,
  hooks,
  seed: seedDoorKnocking,
  web,
});
