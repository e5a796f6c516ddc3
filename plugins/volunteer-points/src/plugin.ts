import { definePlugin } from '@linli/sdk';
import { notices } from './notices.js';
import { activityForm, attendanceForm, signupForm, teamForm } from './forms/activity.js';
import { correctionForm } from './forms/ledger.js';
import { memberForm } from './forms/member.js';
import { claimForm, fulfilForm, verifyForm, wishForm } from './forms/wish.js';
import { hooks } from './hooks.js';
import { tables } from './migrations/0001-tables.js';
import { roles } from './roles.js';
import { init, routes } from './routes/index.js';
import { seedVolunteerPoints } from './seed.js';
import { optionsSchema } from './settings.js';
import { web } from './web.js';
import { MEMBER_ENROLMENT, wishWorkflow } from './workflows/wish.js';

/**
 * 志愿积分 (Huangshan, Chuzhou, Anqing, Ji'an): in-service party members
 * register with their home compound (双报到), claim residents' micro-wishes
 * 微心愿 and serve in volunteer teams; the community verifies each service and
 * writes points to an append-only ledger, from which rankings and the
 * year-end four scorecards 四类成绩单 with star ratings 评星定级 are derived.
 */
export const volunteerPointsPlugin = definePlugin({
  name: 'volunteer-points',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '志愿积分', en: 'Volunteer points' },
  optionsSchema,
  roles,
  forms: [memberForm, wishForm, claimForm, fulfilForm, verifyForm, teamForm, activityForm, signupForm, attendanceForm, correctionForm],
  workflows: [wishWorkflow],
  migrations: { '0001-tables': tables },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'volunteer_points_members', column: 'compound_path' }, { table: 'volunteer_points_wishes', column: 'compound_path' }, { table: 'volunteer_points_teams', column: 'org_path' }, { table: 'volunteer_points_activities', column: 'org_path' }, { table: 'volunteer_points_ledger', column: 'org_path' }],
  init,
  routes,
  hooks,
  notices,
  // 双报到 registrations enrol a member at their compound's community: the core reads this table to decide the `claim` step.
  enrolments: [{ id: MEMBER_ENROLMENT, table: 'volunteer_points_members', personColumn: 'person_id', pathColumn: 'community_path' }],
  seed: seedVolunteerPoints,
  web,
});
