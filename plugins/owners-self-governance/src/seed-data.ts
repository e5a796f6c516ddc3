/**
 * Demo households of the example city (天长市河畔家园): three buildings with
 * their units, areas and owners. Three owners are demo accounts, so they vote
 * on the portal: 孙德明 (building.hepan1, a party member household),
 * 黄淑芬 (owners.hepan) and 林小燕 (resident.hepan). Everyone else is a name
 * on the roll who votes on paper. Buildings the city does not have are skipped.
 *
 * Building 3 shows how owners are counted (Art. 9 of the judicial interpretation,
 * owner-identity.ts): 吕建军 bought two units (the same owner number on both),
 * and the developer has not sold the two top-floor units — each pair is one
 * owner in a vote, so the compound's 24 units are 22 persons.
 */
export interface SeedUnit {
  room: string;
  area: string;
  owners: string[];
  account?: string;
  partyMemberHousehold?: boolean;
  /** The owner number 业主编号 of the first owner: the same on one buyer's units. */
  ownerNo?: string;
  developerHeld?: boolean;
}

const floors = (rooms: [string, string, string[], string?, boolean?][]): SeedUnit[] =>
  rooms.map(([room, area, owners, account, party]) => ({ room, area, owners, ...(account ? { account } : {}), ...(party ? { partyMemberHousehold: true } : {}) }));

const developer = '天长置业有限公司';

export const seedBuildings: { building: string; units: SeedUnit[] }[] = [
  {
    // Six floors, two units a floor, no elevator: the building that votes on adding one.
    building: 'hepan-b1',
    units: floors([
      ['1单元101', '89.56', ['孙德明', '王桂英'], 'building.hepan1', true],
      ['1单元102', '112.30', ['周建华']],
      ['1单元201', '89.56', ['吴晓梅']],
      ['1单元202', '112.30', ['郑国强', '郑丽']],
      ['1单元301', '89.56', ['黄淑芬'], 'owners.hepan'],
      ['1单元302', '112.30', ['冯志刚']],
      ['1单元401', '89.56', ['陈玉兰']],
      ['1单元402', '112.30', ['褚卫东']],
      ['1单元501', '89.56', ['卫小红']],
      ['1单元502', '112.30', ['林小燕', '蒋涛'], 'resident.hepan'],
      ['1单元601', '89.56', ['沈德福']],
      ['1单元602', '112.30', ['韩梅']],
    ]),
  },
  {
    building: 'hepan-b2',
    units: floors([
      ['1单元101', '95.20', ['杨光明']],
      ['1单元102', '95.20', ['朱秀珍']],
      ['1单元201', '95.20', ['秦海涛']],
      ['1单元202', '95.20', ['尤佳']],
      ['1单元301', '128.75', ['许文斌']],
      ['1单元302', '128.75', ['何丽娟']],
    ]),
  },
  {
    building: 'hepan-b3',
    units: [
      { room: '1单元101', area: '76.40', owners: ['吕建军'], ownerNo: 'HP-3-101' },
      { room: '1单元102', area: '76.40', owners: ['吕建军'], ownerNo: 'HP-3-101' },
      ...floors([
        ['1单元201', '76.40', ['张永福']],
        ['1单元202', '76.40', ['孔令华']],
      ]),
      { room: '1单元301', area: '143.08', owners: [developer], developerHeld: true },
      { room: '1单元302', area: '143.08', owners: [developer], developerHeld: true },
    ],
  },
];
