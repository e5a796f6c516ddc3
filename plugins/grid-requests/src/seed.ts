import type { SeedContext } from '@linli/sdk';

/**
 * Demo history for the example city: requests at every step of the loop, so
 * the queue, timeline and dashboard have something true to show.
 */
export async function seedGridRequests(ctx: SeedContext): Promise<void> {
  const { db, tickets } = ctx;
  // The demo story is Tianchang's; another city starts with an empty queue rather than failing.
  if (!tianchangDemoFits(ctx)) return;
  const hepan = await ctx.orgId('hepan');
  const shuguang = await ctx.orgId('shuguang-xincun');
  const cgj = await ctx.orgId('tc-cgj');
  const resident = await ctx.actor('resident.hepan');
  const grid = await ctx.actor('grid.yongfu1');
  const secretary = await ctx.actor('secretary.yongfu');
  const dept = await ctx.actor('dept.cgj');

  // A full loop, closed by the resident.
  const t1 = await tickets.create(db, resident, {
    workflow: 'grid-request',
    orgId: hepan,
    data: { title: '3栋门口垃圾桶满溢', category: '环境卫生', description: '3栋门口垃圾桶连续两天没有清运，气味很大。', location: '河畔家园3栋' },
  });
  let t = await tickets.transition(db, grid, t1.id, { action: 'sort', version: 1, data: { category: '环境卫生', urgency: '急', note: '需城管协调清运' } });
  t = await tickets.transition(db, secretary, t.id, { action: 'dispatch', version: t.version, data: { assigneeOrgId: cgj, instructions: '请于三个工作日内清运并反馈' } });
  t = await tickets.transition(db, dept, t.id, { action: 'handle', version: t.version, data: { result: '已安排环卫车清运，并增加每日清运频次。' } });
  await tickets.transition(db, resident, t.id, { action: 'confirm', version: t.version, data: { rating: 5, remark: '处理很及时' } });

  // Dispatched and waiting for the department.
  const t2 = await tickets.create(db, resident, {
    workflow: 'grid-request',
    orgId: hepan,
    data: { title: '小区东门路灯不亮', category: '公共设施', description: '东门两盏路灯一周没亮，晚上出行不安全。', location: '河畔家园东门' },
  });
  t = await tickets.transition(db, grid, t2.id, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' } });
  await tickets.transition(db, secretary, t.id, { action: 'dispatch', version: t.version, data: { assigneeOrgId: cgj } });

  // Just collected.
  await tickets.create(db, resident, {
    workflow: 'grid-request',
    orgId: hepan,
    data: { title: '楼道堆放杂物', category: '安全隐患', description: '5栋2单元楼道堆放纸箱和旧家具，堵塞消防通道。', location: '河畔家园5栋2单元' },
  });

  // Another community's request, out of Yongfu's scope.
  await tickets.create(db, await ctx.actor('resident.shuguang'), {
    workflow: 'grid-request',
    orgId: shuguang,
    data: { title: '邻居装修噪音扰民', category: '邻里纠纷', description: '楼上装修每天早上七点开始，影响休息。' },
  });
}

const demoOrgs = ['hepan', 'shuguang-xincun', 'tc-cgj'];
const demoPeople = ['resident.hepan', 'resident.shuguang', 'grid.yongfu1', 'secretary.yongfu', 'dept.cgj'];

function tianchangDemoFits(ctx: SeedContext): boolean {
  const config = ctx.deployment.config;
  const keys = new Set<string>();
  const walk = (n: { key: string; children?: unknown[]; side?: unknown[] }): void => {
    keys.add(n.key);
    for (const c of [...(n.children ?? []), ...(n.side ?? [])]) walk(c as typeof n);
  };
  walk(config.orgs);
  const people = new Set((config.people ?? []).map((p) => p.username));
  return demoOrgs.every((k) => keys.has(k)) && demoPeople.every((u) => people.has(u));
}
