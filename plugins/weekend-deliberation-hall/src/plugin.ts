import { definePlugin } from '@linli/sdk';
import { notices } from './notices.js';
import { participantsForm, recordForm, sessionForm } from './forms/session.js';
import { acceptForm, completeForm, declineForm, publicizeForm, scheduleTopicForm, sessionVoteForm, superviseForm, topicForm, voteForm } from './forms/topic.js';
import { hooks } from './hooks.js';
import { ownersPassedForm, referForm } from './forms/referral.js';
import { referralTables } from './migrations/0002-referrals.js';
import { referralReporter } from './migrations/0003-referral-reporter.js';
import { onOwnersVoteClosed, OWNERS } from './service/referral.js';
import { tables } from './migrations/0001-tables.js';
import { init } from './init.js';
import { routes } from './routes/index.js';
import { seedWeekendDeliberationHall } from './seed.js';
import { optionsSchema } from './settings.js';
import { web } from './web.js';
import { publicData, publicPages } from './public.js';
import { topicWorkflow } from './workflows/topic.js';

/**
 * 周末议事厅 (Hefei, 稻香村街道): residents raise topics, the community checks
 * each for reasonableness, the compound deliberation committee convenes party
 * members, the residents' committee, owner representatives and the property
 * company on a weekend to deliberate and vote, the community supervises the
 * implementation, and the results are posted. "民事、民议、民决".
 */
export const weekendDeliberationHallPlugin = definePlugin({
  name: 'weekend-deliberation-hall',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '周末议事厅', en: 'Weekend deliberation hall' },
  optionsSchema,
  // With owners' self-governance on, a topic only the owners can decide goes to an owners' vote (refer-owners).
  optionalDependencies: [OWNERS],
  forms: [topicForm, acceptForm, declineForm, scheduleTopicForm, voteForm, superviseForm, completeForm, publicizeForm, sessionForm, participantsForm, recordForm, sessionVoteForm, referForm, ownersPassedForm],
  workflows: [topicWorkflow],
  migrations: { '0001-tables': tables, '0002-referrals': referralTables, '0003-referral-reporter': referralReporter },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'wdh_sessions', column: 'compound_path' }, { table: 'wdh_topics', column: 'compound_path' }],
  init,
  routes,
  hooks,
  on: [onOwnersVoteClosed],
  notices,
  seed: seedWeekendDeliberationHall,
  web: { ...web, publicPages },
  publicData,
});
