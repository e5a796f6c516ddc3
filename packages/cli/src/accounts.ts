import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { getOrgByKey, openDatabase, type CoreTables, type Database } from '@linli/db';
import { createAdministrator, issueOpen311Key, exportCity, importCity, importLimits, linkFor, loadCity, migrateAll, seedCity, setupLink } from '@linli/server';
import { isLinliError } from '@linli/core';
import type { Out } from './commands.js';
import type { CommonOptions } from './options.js';

/** The address people open the web app at, for links: --url, LINLI_PUBLIC_URL, or the local default. */
const publicUrl = (url: string | undefined) => url ?? process.env.LINLI_PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

async function withCity<T>(o: CommonOptions, fn: (x: Awaited<ReturnType<typeof loadCity>> & { database: Database<CoreTables> }) => Promise<T>): Promise<T> {
  const city = await loadCity({ configPath: o.config });
  const database = await openDatabase<CoreTables>({ url: o.databaseUrl, schema: o.databaseSchema, dataDir: o.dataDir });
  try {
    await migrateAll(database, city.plugins);
    return await fn({ ...city, database });
  } finally {
    await database.close();
  }
}

/**
 * `linli admin create <username> [--name 姓名]`: the first administrator of a
 * fresh deployment (or another one), with a one-time link to choose a
 * password. `linli admin link <username>`: a new link for someone who cannot
 * log in. The link is printed once; no password ever is.
 */
export async function admin(o: CommonOptions, sub: string, username: string, flags: { name?: string | undefined; url?: string | undefined }, out: Out): Promise<number> {
  return withCity(o, async ({ deployment, plugins, database }) => {
    const now = new Date();
    let issued;
    if (sub === 'create') {
      // The org tree of the config must exist before anyone can administer it.
      await seedCity(database, deployment, plugins);
      issued = await createAdministrator(database.db, deployment, { username, name: flags.name ?? username, now });
      out(issued.created ? `Created the administrator "${username}" at the root of ${deployment.config.title['zh-CN']}.` : `"${username}" exists: gave them the administrator role at the root (if missing) and a new link.`);
    } else {
      issued = await linkFor(database.db, username, now);
    }
    out('');
    out(`  One-time link to ${issued.purpose === 'setup' ? 'choose a password' : 'reset the password'} (shown once; valid until ${issued.expiresAt.toISOString()}):`);
    out(`  ${setupLink(publicUrl(flags.url), issued.token)}`);
    out('');
    out(`  一次性链接（仅显示一次，${issued.expiresAt.toISOString()} 前有效）：打开后由本人设置密码。`);
    return 0;
  });
}

/**
 * `linli open311 issue <name> [--org <key>]`: an api_key for an Open311
 * client application (a hotline's system, a city app), filing as a resident
 * would at that org and below (default: the whole city). Printed once; only
 * its SHA-256 is stored. Revoke one on the admin API
 * (`POST /api/admin/open311/clients/:id/revoke`).
 */
export async function open311Issue(o: CommonOptions, name: string, orgKey: string | undefined, out: Out, err: Out): Promise<number> {
  return withCity(o, async ({ deployment, plugins, database }) => {
    await seedCity(database, deployment, plugins);
    const org = orgKey === undefined ? await database.db.selectFrom('linli_orgs').select(['id', 'name']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow() : await getOrgByKey(database.db, orgKey);
    if (!org) {
      err(`✗ There is no org "${orgKey}" in ${deployment.config.title['zh-CN']}. 没有这个组织。`);
      return 1;
    }
    const issued = await database.db.transaction().execute((trx) => issueOpen311Key(trx, { name, orgId: Number(org.id), issuedBy: null, now: new Date() }));
    out(`Issued an Open311 api_key to "${name}" (client ${issued.id}), filing at ${org.name} and below.`);
    out('');
    out(`  api_key (shown once; keep it in the client's secrets): ${issued.apiKey}`);
    out('');
    out('  Open311 GeoReport v2: /open311/v2/services.json · POST /open311/v2/requests.json (api_key=…)');
    return 0;
  });
}

/** `linli import <file.xlsx|file.csv> [--dry-run]`: all or nothing; every problem with its sheet, row and column, in Chinese and English. */
export async function importRoster(o: CommonOptions, file: string, dryRun: boolean, out: Out, err: Out): Promise<number> {
  const size = (await stat(file)).size;
  if (size > importLimits.maxBytes) {
    err(`✗ ${file} is ${Math.round(size / 1048576)} MB, more than the ${importLimits.maxBytes / 1048576} MB an import takes: split it. 文件过大，请拆分。`);
    return 1;
  }
  const bytes = await readFile(file);
  try {
    return await withCity(o, async ({ deployment, plugins, database }) => {
      await seedCity(database, deployment, plugins);
      const started = Date.now();
      const r = await importCity(database.db, deployment, { name: file, bytes }, { dryRun, now: new Date(), plugins });
      const c = r.counts;
      out(`${dryRun ? 'Dry run — nothing written. 试运行，未写入。' : 'Imported. 导入完成。'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      out(`  orgs 组织: ${c.orgs.created} new 新增, ${c.orgs.updated} changed 修改, ${c.orgs.moved} moved 迁移 (${c.ticketsMoved} tickets 事项), ${c.orgs.deactivated} deactivated 停用, ${c.orgs.reactivated} reactivated 恢复`);
      out(`  grids 网格: ${c.grids.created} new 新增, ${c.grids.updated} changed 修改`);
      out(`  people 人员: ${c.people.created} new 新增, ${c.people.updated} changed 修改, ${c.people.disabled} disabled 停用, ${c.people.enabled} enabled 启用`);
      out(`  role grants 角色: ${c.grants.created} granted 授予, ${c.grants.revoked} revoked 收回`);
      // The plugins' sheets, by their titles, with the counts their apply reported.
      for (const sheet of plugins.flatMap((p) => p.importSheets ?? [])) {
        const counts = c[sheet.id];
        if (counts && typeof counts === 'object') out(`  ${sheet.title.en ?? sheet.id} ${sheet.title['zh-CN']}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
      }
      if (dryRun) for (const line of r.preview.slice(0, 50)) out(`    ${line}`);
      if (r.notes.length) {
        out(`  to check 请核对 (${r.notes.length}):`);
        for (const line of r.notes.slice(0, 50)) out(`    ${line}`);
      }
      if (c.people.created && !dryRun) out('  New people have no password: give each a link with `npx linli admin link <username>` or from the people page. 新人员没有密码：请发送一次性链接。');
      return 0;
    });
  } catch (e) {
    if (isLinliError(e) && e.code === 'LINLI_ERR_IMPORT_INVALID') {
      err(`✗ ${e.details?.length ?? 0} problem(s) in ${file}; nothing was imported. 发现 ${e.details?.length ?? 0} 处问题，未导入任何数据：`);
      for (const d of e.details ?? []) err(`  ${d.path}  ${d.localized?.['zh-CN'] ?? ''} — ${d.message}`);
      return 1;
    }
    throw e;
  }
}

/** `linli export [--template] <file.xlsx>`: the city in the import template, or the empty template with instructions. */
export async function exportRoster(o: CommonOptions, file: string, template: boolean, out: Out): Promise<number> {
  // The template has the sheets of the plugins the city enables when its config is there.
  const bytes = template
    ? await exportCity(null, { template: true, ...(existsSync(o.config) ? { plugins: (await loadCity({ configPath: o.config })).plugins } : {}) })
    : await withCity(o, ({ database, deployment, plugins }) => exportCity(database.db, { plugins, deployment }));
  await writeFile(file, bytes);
  out(`Wrote ${template ? 'the empty template' : 'the city'} to ${file}. ${template ? '已写出空白模板。' : '已导出。'}`);
  return 0;
}
