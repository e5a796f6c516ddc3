import type { CityConfig } from '@linli/core';

/**
 * The starting config of a new city: one branch of every level of the tree
 * (city → district → street → community → compound → building), the
 * side-organizations the practices work with, one grid, and a demo person for
 * each main role. Implementers rename, copy and extend it; `linli check`
 * says what is wrong with each change, with its path.
 */
export function starterCity(o: { name: string; title: string; titleEn: string; schema: string; plugins: Record<string, Record<string, unknown>> }): CityConfig {
  return {
    $schema: o.schema,
    name: o.name,
    title: { 'zh-CN': `${o.title}基层治理平台`, en: `${o.titleEn} community governance` },
    orgs: {
      key: o.name,
      type: 'city',
      name: o.title,
      nameEn: o.titleEn,
      side: [
        { key: 'command', type: 'command_center', name: `${o.title}指挥中心`, nameEn: 'Command centre' },
        { key: 'dept-cgj', type: 'department', name: `${o.title}城市管理局`, nameEn: 'Urban management' },
      ],
      children: [
        {
          key: 'district1',
          type: 'district',
          name: '示范区',
          nameEn: 'Model district',
          children: [
            {
              key: 'street1',
              type: 'street',
              name: '示范街道',
              nameEn: 'Model street',
              side: [{ key: 'street1-party', type: 'party_committee', name: '示范街道党工委' }],
              children: [
                {
                  key: 'community1',
                  type: 'community',
                  name: '示范社区',
                  nameEn: 'Model community',
                  side: [
                    { key: 'community1-party', type: 'party_committee', name: '示范社区党委' },
                    { key: 'community1-rc', type: 'residents_committee', name: '示范社区居民委员会' },
                  ],
                  children: [
                    {
                      key: 'compound1',
                      type: 'compound',
                      name: '示范小区',
                      nameEn: 'Model compound',
                      side: [
                        { key: 'compound1-branch', type: 'party_branch', name: '示范小区党支部' },
                        { key: 'compound1-property', type: 'property_company', name: '示范物业服务有限公司' },
                        { key: 'compound1-owners', type: 'owners_committee', name: '示范小区业主委员会' },
                      ],
                      children: [
                        { key: 'compound1-b1', type: 'building', name: '示范小区1栋', nameEn: 'Building 1' },
                        { key: 'compound1-b2', type: 'building', name: '示范小区2栋', nameEn: 'Building 2' },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    grids: [{ key: 'grid1', name: '示范社区第一网格', org: 'community1', covers: ['compound1'] }],
    people: [
      { username: 'admin', name: '系统管理员', roles: [{ role: 'admin', org: o.name }] },
      { username: 'command', name: '周明', roles: [{ role: 'command_officer', org: o.name }] },
      { username: 'street.secretary', name: '陈立新', roles: [{ role: 'street_secretary', org: 'street1' }] },
      { username: 'secretary', name: '李春梅', roles: [{ role: 'community_secretary', org: 'community1' }, { role: 'admin', org: 'community1' }] },
      { username: 'staff', name: '王芳', roles: [{ role: 'community_staff', org: 'community1' }, { role: 'residents_committee_member', org: 'community1-rc' }] },
      { username: 'grid1', name: '刘强', roles: [{ role: 'grid_worker', grid: 'grid1' }] },
      { username: 'building1', name: '孙桂兰', roles: [{ role: 'building_leader', org: 'compound1-b1' }] },
      { username: 'dept.cgj', name: '吴涛', roles: [{ role: 'department_officer', org: 'dept-cgj' }] },
      { username: 'property', name: '马丽', roles: [{ role: 'property_staff', org: 'compound1-property' }] },
      { username: 'resident', name: '林晓', roles: [{ role: 'resident', org: 'compound1' }] },
    ],
    plugins: o.plugins,
  };
}
