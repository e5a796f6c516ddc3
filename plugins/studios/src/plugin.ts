import { definePlugin } from '@linli/sdk';
import { answerForm, bookForm, cancelForm, rateForm } from './forms/resident.js';
import { confirmForm, noShowForm, proposeForm, recordForm, slotChangeForm, slotForm, studioForm } from './forms/staff.js';
import { init } from './init.js';
import { jobs } from './jobs.js';
import { tables } from './migrations/0001-tables.js';
import { notices } from './notices.js';
import { routes } from './routes/index.js';
import { seedStudios } from './seed.js';
import { optionsSchema, validateOptions } from './settings.js';
import { web } from './web.js';
import { followUpForm, followUpWorkflow, handleForm } from './workflows/follow-up.js';

/**
 * 书记工作室 / 专业工作室 (Huangshan, Ji'an): the community secretary and
 * professionals — lawyers, counsellors, doctors, teachers — sit in studios at
 * set hours each week; residents book a time, staff confirm it or propose
 * another, the meeting is recorded (a problem it cannot settle goes into the
 * core loop as a ticket), the resident rates it, missed appointments are
 * counted, and each studio's month is reported.
 */
export const studiosPlugin = definePlugin({
  name: 'studios',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '工作室预约', en: 'Studios' },
  optionsSchema,
  validateOptions,
  forms: [bookForm, answerForm, cancelForm, rateForm, confirmForm, proposeForm, recordForm, noShowForm, studioForm, slotForm, slotChangeForm, followUpForm, handleForm],
  workflows: [followUpWorkflow],
  migrations: { '0001-tables': tables },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'studios_studios', column: 'community_path' }, { table: 'studios_bookings', column: 'community_path' }],
  init,
  routes,
  jobs,
  notices,
  seed: seedStudios,
  web,
});
