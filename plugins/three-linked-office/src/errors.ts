import { defineErrors } from '@linli/sdk';

/**
 * The plugin's own errors: a stable code, the HTTP status, and a message that
 * says what to do. README.md lists every code; errors.test.ts keeps the two
 * in sync. Generic cases (not found, not logged in) use the core's codes.
 */
export const fail = defineErrors({
  TLO_ERR_OFFICE_CONFIG: { status: 500, message: 'The three-linked office settings do not match the city: %s. Fix plugins.three-linked-office in the city config (see details).' },
  TLO_ERR_NO_OFFICE: { status: 422, message: '%s has no three-linked office (三联办). Add it under plugins.three-linked-office.offices in the city config.' },
  TLO_ERR_NOT_ALLOWED: { status: 403, message: 'Only %s serving %s may %s.' },
  TLO_ERR_NOT_OFFICE_MEMBER: { status: 403, message: 'You may raise property problems only for a compound you serve or whose three-linked office you sit in (%s is not one).' },
  TLO_ERR_MEETING_EXISTS: { status: 409, message: '%s already has a meeting on %s. Open that meeting, or choose another date.' },
  TLO_ERR_MEETING_IN_PAST: { status: 422, message: 'The meeting date %s is before today (%s). Choose today or a later date.' },
  TLO_ERR_MEETING_NOT_YET: { status: 422, message: 'The meeting on %s has not started yet: record attendance on or after that day.' },
  TLO_ERR_MEETING_CLOSED: { status: 409, message: 'The meeting on %s is already %s; work on the next meeting instead.' },
  TLO_ERR_MEETING_NOT_HELD: { status: 409, message: 'The meeting on %s has no attendance recorded: record who came, or cancel the meeting if it did not take place.' },
  TLO_ERR_NO_QUORUM: { status: 422, message: 'A decision needs all three parties present, but %s did not attend the meeting on %s. Record their attendance if they came, or carry the problem over to the next meeting.' },
  TLO_ERR_ALREADY_ON_AGENDA: { status: 409, message: 'Problem %s is already on the agenda of the meeting on %s; a problem is on one agenda at a time. Take it off that agenda first.' },
  TLO_ERR_NOT_ON_AGENDA: { status: 422, message: 'Problem %s is not awaiting a decision on the agenda of this meeting. Add it to the agenda first.' },
  TLO_ERR_NOT_DISCUSSABLE: { status: 409, message: 'Problem %s is "%s"; only problems awaiting the meeting (待会商) go on an agenda.' },
  TLO_ERR_WRONG_PARTY_ORG: { status: 422, message: 'The responsible organization must be the %s of this office (org %s), not org %s.' },
  TLO_ERR_DEADLINE_PAST: { status: 422, message: 'The deadline %s is not in the future; choose a later date and time.' },
  TLO_ERR_MONTH_IN_FUTURE: { status: 422, message: 'The month %s has not begun yet; enter rates for this month (%s) or earlier.' },
  TLO_ERR_FEE_INCONSISTENT: { status: 422, message: 'The figures disagree: %s.' },
});

export type ErrorCode = keyof typeof fail.table;
