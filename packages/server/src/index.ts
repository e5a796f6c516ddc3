/** @linli/server — the fastify app built from a city config and its plugins. */
export { buildApp, type BuildAppOptions } from './app.js';
export { startServer, loadCity, migrateAll, seedCity, type StartOptions, type RunningServer } from './start.js';
export { discoverPlugins, findInstalledPlugins, type InstalledPlugin } from './discover.js';
export { readJsonFile } from './config-file.js';
export { hashPassword, verifyPassword, passwordParams } from './auth/password.js';
export type { RoutePolicy, ServerOptions } from './types.js';
// For @linli/testing's test actors; plugin sources cannot import @linli/server (eslint.layers.js).
export { mintActor, type MintedActor } from './actor-mint.js';
export { createLinliServices, type CoreServices, type LinliServicesOptions } from './services/linli-services.js';
export { createAdministrator, linkFor } from './services/admin-accounts.js';
export { setupLink, accountTokenHours } from './auth/account-tokens.js';
export { importCity, importError, problemPath, type ImportResult } from './onboarding/import-city.js';
export { exportCity } from './onboarding/export-city.js';
export { importLimits } from './onboarding/sheets.js';
export { issueOpen311Key } from './services/open311-clients.js';
