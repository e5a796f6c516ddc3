import type { RoleDefinition } from '@linli/sdk';

/**
 * Roles the plugin adds to the city's. `station_inspector` 站点督查员: held at
 * a street or district, inspects the stations under it and checks their
 * fixes; a city may also leave inspection to its street secretaries
 * (settings.inspectorRoles).
 */
export const roles: RoleDefinition[] = [{ id: 'station_inspector', title: { 'zh-CN': '站点督查员', en: 'Station inspector' }, heldAt: 'org' }];
