import type { RoleDefinition } from '@linli/sdk';

/**
 * Roles the plugin adds to the city's.
 *
 * - `co_building_contact` 共建单位联络人: held at a co-building unit 共建单位; claims
 *   micro-wishes for the unit, whose points go to the unit's scorecard.
 * A registered member claims a wish through the `volunteer-points.member`
 * enrolment (plugin.ts), which the core checks: no role is made up for it.
 */
export const roles: RoleDefinition[] = [
  { id: 'co_building_contact', title: { 'zh-CN': '共建单位联络人', en: 'Co-building unit contact' }, heldAt: 'org', ticketScope: 'own' },
];
