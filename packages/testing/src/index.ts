/** @linli/testing — the kit every plugin's tests use: a real deployment in-process, logins, a movable clock. */
export { startTestServer, TestClient, TEST_PASSWORD, type TestServer, type TestServerOptions, type ApiResponse } from './server.js';
export { TestClock } from './clock.js';
export { testActor, type TestGrant } from './actor.js';
export { testBackends, type TestBackend } from '@linli/db/testing';
export { cityWithPlugins } from './config.js';
