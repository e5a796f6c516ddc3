import { parseArgs } from 'node:util';
import { check, migrate, reportError, seed, serve, type Out } from './commands.js';
import { admin, exportRoster, importRoster, open311Issue } from './accounts.js';
import { commonOptions, defaultConfig } from './options.js';
import { newCity } from './scaffold/new-city.js';
import { newPlugin } from './scaffold/new-plugin.js';

export const usage = `Usage: linli <command> [options]

Commands:
  check [config]     validate a city config and its plugins; prints every problem with its path
                     (--print-effective: print the city as it runs, overrides applied, as JSON)
  migrate            apply pending core and plugin migrations
  seed [--demo]      create the org tree, grids and people of the config (--demo: demo passwords and history)
  serve [--demo]     migrate, seed and serve the API and web app
  admin create <username> [--name 姓名] [--url <address>]
                     the first administrator (admin role at the root org) and a one-time
                     link to choose a password; there is never a default password
  admin link <username>
                     a new one-time setup or reset link for an existing person
  open311 issue <name> [--org <key>]
                     an api_key for an Open311 client application, filing as a resident
                     at that org and below (default: the whole city); shown once
  import <file.xlsx|file.csv> [--dry-run]
                     org tree, grids, people and role grants from a roster, all or nothing;
                     every problem with sheet, row and column (exit 1)
  export [--template] <file.xlsx>
                     the city in the import template (--template: empty, with instructions)
  new-plugin <name>  create plugins/<name>: a working plugin with a form, workflow, migration,
                     routes, web pages and a test (--title 中文名 --title-en "English name")
  new-city <name>    create examples/<name>/linli.config.json: org levels, a grid, demo people
                     and the installed plugins to choose from (--title 中文名 --title-en "English name")

Options:
  --config <file>    city config (default: $LINLI_CONFIG or ${defaultConfig})
  --data-dir <dir>   PGlite data directory (default: $LINLI_DATA_DIR or .linli/data); DATABASE_URL selects PostgreSQL
  --port <n>         port to serve on (default: $PORT or 3000)
  --host <addr>      address to bind (default: $HOST or 127.0.0.1)
  --web <dir>        built web app to serve at /
  --org <key>        the org an Open311 client files at (open311 issue)
  --title <text>     display name in Chinese (new-plugin, new-city)
  --title-en <text>  display name in English (new-plugin, new-city)
  -h, --help         show this help

Exit codes: 0 ok, 1 invalid input, 2 usage.`;

async function run(fn: () => Promise<number>, err: Out): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    return reportError(e, err);
  }
}

/** Runs the CLI and returns its exit code. `cwd` is where new-plugin and new-city look for the workspace. */
export async function main(argv: string[], out: Out = console.log, err: Out = console.error, cwd: string = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        web: { type: 'string' },
        title: { type: 'string' },
        'title-en': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'print-effective': { type: 'boolean', default: false },
        name: { type: 'string' },
        org: { type: 'string' },
        url: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        template: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? out : err)(usage);
    return values.help ? 0 : 2;
  }
  if (command === 'new-plugin' || command === 'new-city') {
    if (rest.length !== 1) {
      err(`${rest.length ? 'Too many arguments' : 'Missing the name'} for "${command}": linli ${command} <name>\n\n${usage}`);
      return 2;
    }
    const o = { name: rest[0]!, title: values.title, titleEn: values['title-en'], cwd };
    return command === 'new-plugin' ? newPlugin(o, out, err) : newCity(o, out, err);
  }
  if (command === 'admin') {
    const [sub, username, ...extra] = rest;
    if ((sub !== 'create' && sub !== 'link') || !username || extra.length) {
      err(`Usage: linli admin create <username> [--name 姓名] | linli admin link <username>\n\n${usage}`);
      return 2;
    }
    return run(() => admin(commonOptions(values), sub, username, { name: values.name, url: values.url }, out), err);
  }
  if (command === 'open311') {
    const [sub, name, ...extra] = rest;
    if (sub !== 'issue' || !name || extra.length) {
      err(`Usage: linli open311 issue <name> [--org <key>]\n\n${usage}`);
      return 2;
    }
    return run(() => open311Issue(commonOptions(values), name, values.org, out, err), err);
  }
  if (command === 'import' || command === 'export') {
    if (rest.length !== 1) {
      err(`Give one file: linli ${command} ${command === 'import' ? '<file.xlsx|file.csv> [--dry-run]' : '[--template] <file.xlsx>'}\n\n${usage}`);
      return 2;
    }
    const o = commonOptions(values);
    return run(() => (command === 'import' ? importRoster(o, rest[0]!, values['dry-run'] === true, out, err) : exportRoster(o, rest[0]!, values.template === true, out)), err);
  }
  if (rest.length > (command === 'check' ? 1 : 0)) {
    err(`Too many arguments for "${command}".\n\n${usage}`);
    return 2;
  }
  const o = commonOptions(values, rest[0]);
  switch (command) {
    case 'check':
      return check(o, out, err, { printEffective: values['print-effective'] === true });
    case 'migrate':
      return migrate(o, out, err);
    case 'seed':
      return seed(o, values.demo === true, out, err);
    case 'serve':
      return serve(o, { port: values.port, host: values.host, demo: values.demo === true, web: values.web }, out, err);
    default:
      err(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}
