import { definePlugin } from '@linli/sdk';
import { inspectionForm } from './forms/inspection.js';
import { rectificationForm, rectifyForm, verifyForm } from './forms/rectification.js';
import { dutyForm, staffMemberForm } from './forms/staffing.js';
import { openInspectionForm, stationForm } from './forms/station.js';
import { hooks } from './hooks.js';
import { init } from './init.js';
import { jobs } from './jobs.js';
import { tables } from './migrations/0001-tables.js';
import { roles } from './roles.js';
import { routes } from './routes/index.js';
import { seed } from './seed.js';
import { optionsSchema, readSettings, validateOptions } from './settings.js';
import { web } from './web.js';
import { RECTIFICATION_WORKFLOW, rectificationWorkflow } from './workflows/rectification.js';

/**
 * 小区党群服务站 四有/五有 (Nan'an, Ji'an): every station is held to the city's
 * standard — a sign, staff, rules, equipment, a ledger — and inspected each
 * period with a photo per item; each failed item is a rectification ticket
 * the station's community fixes and the inspector closes; each station is
 * staffed "1 + 3 + N" with a duty rota; and the city sees compliance rolled
 * up its tree.
 */
export const serviceStationsPlugin = definePlugin({
  name: 'service-stations',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '服务站标准化', en: 'Service-station standards' },
  optionsSchema,
  validateOptions,
  roles,
  // The inspection form is generated from the city's checklist: forms as a function of the options.
  forms: (options) => [stationForm, openInspectionForm, inspectionForm(readSettings(options).checklist), staffMemberForm, dutyForm, rectificationForm, rectifyForm, verifyForm],
  workflows: [rectificationWorkflow],
  // A city sets its own time to fix and to check, and who fixes or checks.
  overridable: { workflows: { [RECTIFICATION_WORKFLOW]: { timeLimits: '*', allow: ['rectify', 'verify', 'send-back'] } } },
  migrations: { '0001-tables': tables },
  // The copied org paths follow an org moved on the org-tree page or by an import.
  orgPathColumns: [{ table: 'service_stations_stations', column: 'org_path' }],
  init,
  routes,
  hooks,
  jobs,
  seed,
  web,
});
