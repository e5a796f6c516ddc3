import { definePlugin } from '@linli/sdk';
import { intakeForm } from './forms/intake.js';
import { dispatchForm, feedbackForm, handleForm, sortForm } from './forms/steps.js';
import { gridRequestWorkflow } from './workflows/grid-request.js';
import { seedGridRequests } from './seed.js';

export const gridRequestsPlugin = definePlugin({
  name: 'grid-requests',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '网格诉求', en: 'Grid requests' },
  forms: [intakeForm, sortForm, dispatchForm, handleForm, feedbackForm],
  workflows: [gridRequestWorkflow],
  seed: seedGridRequests,
});
