import { definePlugin } from '@linli/sdk';
import { notices } from './notices.js';
import { compoundFileForm, ledgerEntryForm, matterDoneForm, meetingForm, meetingFormWithCommittee, practicalMatterForm } from './forms/books.js';
import { OWNERS } from './committee.js';
import { complaintForm, dispatchForm, respondForm, verifyForm } from './forms/complaint.js';
import { evaluationForm } from './forms/evaluation.js';
import { hooks } from './hooks.js';
import { tables } from './migrations/0001-tables.js';
import { routes } from './routes/index.js';
import { seed } from './seed.js';
import { periodExample } from './periods.js';
import { overridable } from './overridable.js';
import { optionsSchema, readSettings } from './settings.js';
import { web } from './web.js';
import { publicData, publicPages } from './public.js';
import { complaintWorkflow } from './workflows/complaint.js';

/**
 * 红色物业 (Tianchang, Chuzhou, Huangshan, Nan'an): the community party
 * organization supervises property-service companies. Residents snap and
 * report property complaints, which go within a time limit to the compound's
 * company and are verified by the complainant; the party organization scores
 * each company every period into its credit file and the red/black list; and
 * each compound keeps its three ledgers and holds four-party joint meetings
 * on public income and repair funds.
 */
export const redPropertyPlugin = definePlugin({
  name: 'red-property',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '红色物业', en: 'Red property' },
  optionsSchema,
  // Owners' self-governance, when the city enables it, gives the sitting owners' committee to four-party meetings and evaluations.
  optionalDependencies: [OWNERS],
  // The evaluation form is generated from the city's own criteria: forms as a function of the options (and of the plugins enabled).
  forms: (options, city) => {
    const s = readSettings(options);
    const committees = city.plugins.includes(OWNERS);
    return [complaintForm, dispatchForm, respondForm, verifyForm, evaluationForm(s.criteria, periodExample[s.evaluationPeriod], committees), committees ? meetingFormWithCommittee : meetingForm, compoundFileForm, ledgerEntryForm, practicalMatterForm, matterDoneForm];
  },
  workflows: [complaintWorkflow],
  overridable,
  migrations: { '0001-tables': tables },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'red_property_complaints', column: 'compound_path' }, { table: 'red_property_meetings', column: 'compound_path' }, { table: 'red_property_compound_files', column: 'compound_path' }, { table: 'red_property_ledger_entries', column: 'compound_path' }, { table: 'red_property_practical_matters', column: 'compound_path' }],
  routes,
  hooks,
  notices,
  seed,
  web: { ...web, publicPages },
  publicData,
});
