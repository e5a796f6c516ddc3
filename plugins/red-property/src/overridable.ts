import type { PluginOverridable } from '@linli/sdk';
import { COMPLAINT_WORKFLOW } from './workflows/complaint.js';

/**
 * What a city may change in its config (`overrides`) without forking the
 * plugin. The hooks read the complaint's category (the complaints read
 * model), the dispatched company and the verdict: those fields stay, and
 * their choices may only be narrowed. Every time limit (24 h to dispatch,
 * 2 working days to respond, 3 days to verify) is the city's to set, and so
 * is who staffs the intake desk.
 */
export const overridable: PluginOverridable = {
  forms: {
    'red-property.complaint': { fields: '*', addFields: true, reads: ['title', 'category'] },
    'red-property.complaint.dispatch': { fields: ['instructions'], reads: ['propertyOrgId'] },
    'red-property.complaint.respond': { fields: '*', addFields: true },
    'red-property.complaint.verify': { fields: ['note'], addFields: true, reads: ['satisfaction'] },
  },
  workflows: {
    [COMPLAINT_WORKFLOW]: { timeLimits: '*', allow: ['dispatch', 'reject', 'verify', 'send-back'] },
  },
};
