import type { RoleDefinition } from '@linli/sdk';

/**
 * Roles the plugin adds to the city's.
 *
 * - `co_building_contact` 共建单位联络人: held at a co-building unit 共建单位; claims
 *   micro-wishes for the unit, whose points go to the unit's scorecard.
 * - `wish_claimant` 微心愿认领人: never assigned in a city config. A registered member
 *   cannot see a posted wish's ticket (the core shows tickets to their reporter,
 *   assignee and staff only), so the plugin's claim route, having checked the
 *   registration, takes the `claim` step with this role scoped to that one
 *   wish's compound. It is the only step that role may take.
 */
export const roles: RoleDefinition[] = [
  { id: 'co_building_contact', title: { 'zh-CN': '共建单位联络人', en: 'Co-building unit contact' }, heldAt: 'org', ticketScope: 'own' },
  { id: 'wish_claimant', title: { 'zh-CN': '微心愿认领人', en: 'Micro-wish claimant' }, heldAt: 'org', ticketScope: 'own' },
];
