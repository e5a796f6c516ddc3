import { definePlugin } from '@linli/sdk';
import { checkForm, electionForm, nominateForm, publishForm } from './forms/committee.js';
import { linkForm, ownerForm, removeOwnerForm, unitForm } from './forms/unit.js';
import { ballotForm, candidateBallotForm, candidatePaperForm, closeForm, paperForm, voteForm } from './forms/vote.js';
import { tables } from './migrations/0001-tables.js';
import { committeeTables } from './migrations/0002-committee.js';
import { committeeTerm } from './migrations/0004-committee-term.js';
import { electionVoteForm, roleForm } from './forms/seat.js';
import { originColumns } from './migrations/0003-origin.js';
import { ownerIdentity } from './migrations/0005-owner-identity.js';
import { candidateBallots } from './migrations/0006-candidate-ballots.js';
import { ownerRemoval } from './migrations/0007-owner-removal.js';
import { seatEnds } from './migrations/0008-seat-ends.js';
import { ownersVotesService } from './service/origin.js';
import { events } from './service/vote-closed.js';
import { publicData, publicPages } from './public.js';
import { routes } from './routes/index.js';
import { seedOwnersSelfGovernance } from './seed.js';
import { householdsSheet } from './import-sheet.js';
import { jobs } from './jobs.js';
import { notices } from './service/vote-effects.js';
import { vettingNotices } from './service/vetting-notices.js';
import { optionsSchema, validateOptions } from './settings.js';
import { web } from './web.js';

/**
 * 业主自治: the roll of property units and owners (households), and owners'
 * votes counted by both area and headcount under Civil Code Art. 278 — set up
 * by the community for a compound or one building, cast online by owners or
 * recorded from paper ballots, counted exactly, and published; and the
 * owners' committee's formation: a preparatory group, nominations, each
 * candidate vetted against the negative list by the departments it names,
 * the vetted list published.
 */
export const ownersSelfGovernancePlugin = definePlugin({
  name: 'owners-self-governance',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '业主自治', en: "Owners' self-governance" },
  optionsSchema,
  validateOptions,
  forms: [unitForm, linkForm, ownerForm, removeOwnerForm, voteForm, ballotForm, paperForm, candidateBallotForm, candidatePaperForm, closeForm, electionForm, nominateForm, checkForm, publishForm, electionVoteForm, roleForm],
  migrations: { '0001-tables': tables, '0002-committee': committeeTables, '0003-origin': originColumns, '0004-committee-term': committeeTerm, '0005-owner-identity': ownerIdentity, '0006-candidate-ballots': candidateBallots, '0007-owner-removal': ownerRemoval, '0008-seat-ends': seatEnds },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'owners_self_governance_units', column: 'building_path' }, { table: 'owners_self_governance_votes', column: 'scope_path' }, { table: 'owners_self_governance_elections', column: 'compound_path' }, { table: 'owners_self_governance_committees', column: 'compound_path' }],
  routes,
  // Votes other plugins open (a weekend-hall topic referred to the owners), run as this plugin.
  services: [ownersVotesService],
  jobs,
  events,
  notices: [...notices, ...vettingNotices],
  importSheets: [householdsSheet],
  seed: seedOwnersSelfGovernance,
  web: { ...web, publicPages },
  publicData,
});
