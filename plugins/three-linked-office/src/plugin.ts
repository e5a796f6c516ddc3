import { definePlugin } from '@linli/sdk';
import { notices } from './notices.js';
import { attendanceForm, feeRateForm, meetingDecisionForm, scheduleForm } from './forms/office.js';
import { problemIntakeForm } from './forms/problem.js';
import { decideForm, doneForm, progressForm, sendBackForm, verifyForm } from './forms/steps.js';
import { hooks } from './hooks.js';
import { init } from './init.js';
import { jobs } from './jobs.js';
import { tables } from './migrations/0001-tables.js';
import { routes } from './routes/index.js';
import { seedThreeLinkedOffice } from './seed.js';
import { optionsSchema } from './settings.js';
import { web } from './web.js';
import { publicData, publicPages } from './public.js';
import { problemWorkflow } from './workflows/problem.js';

/**
 * 三联办 (Tianchang): in each compound the residents' committee, the property
 * company and the owners' committee form a standing office led by the
 * community's joint party committee. They meet weekly, take property problems
 * urgent before slow and easy before hard, decide who does what by when, and
 * follow up until the residents' committee closes each problem.
 */
export const threeLinkedOfficePlugin = definePlugin({
  name: 'three-linked-office',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '三联办', en: 'Three-linked office' },
  optionsSchema,
  forms: [problemIntakeForm, decideForm, progressForm, doneForm, verifyForm, sendBackForm, scheduleForm, attendanceForm, meetingDecisionForm, feeRateForm],
  workflows: [problemWorkflow],
  migrations: { '0001-tables': tables },
  init,
  routes,
  hooks,
  jobs,
  notices,
  seed: seedThreeLinkedOffice,
  web: { ...web, publicPages },
  publicData,
});
