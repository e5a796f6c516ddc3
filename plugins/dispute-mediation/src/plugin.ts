import { definePlugin } from '@linli/sdk';
import { caseForm } from './forms/case.js';
import { agreementForm, referralForm, replyForm, visitForm } from './forms/steps.js';
import { sessionForm, teamForm } from './forms/team.js';
import { hooks } from './hooks.js';
import { jobs } from './jobs.js';
import { tables } from './migrations/0001-tables.js';
import { notices } from './notices.js';
import { routes } from './routes/index.js';
import { seed } from './seed.js';
import { optionsSchema, readSettings, validateOptions } from './settings.js';
import { web } from './web.js';
import { CASE_WORKFLOW, TEAM_ENROLMENT, caseWorkflow } from './workflows/case.js';

/**
 * 物业纠纷调解 (Nan'an: 384 disputes mediated, property complaints down 57%):
 * a community's mediation room takes in a property dispute, draws an "8+X"
 * team from the city's pools (community forces and 三官一律), holds sessions
 * with attendance and a record, and ends in a signed agreement or a referral
 * to the street, a court or a department through the ticket loop; a follow-up
 * visit closes the case. Indicators per compound and property company.
 */
export const disputeMediationPlugin = definePlugin({
  name: 'dispute-mediation',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '物业纠纷调解', en: 'Property dispute mediation' },
  optionsSchema,
  validateOptions,
  forms: (options) => [caseForm, agreementForm, referralForm, replyForm, visitForm, teamForm(readSettings(options).teamSize), sessionForm],
  workflows: [caseWorkflow],
  migrations: { '0001-tables': tables },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'dispute_mediation_cases', column: 'compound_path' }, { table: 'dispute_mediation_team', column: 'compound_path' }],
  // A case's team members take its steps: the core reads the team table (the hook narrows it to the case).
  enrolments: [{ id: TEAM_ENROLMENT, table: 'dispute_mediation_team', personColumn: 'person_id', pathColumn: 'compound_path' }],
  routes,
  hooks,
  jobs,
  notices,
  seed,
  web,
});

export { CASE_WORKFLOW };
