import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for the single sign-on
 * tests, playing the province's identity service. Its own development login
 * pages take any login name with any password: the login name is the
 * account's subject, and `accounts` says which claims it has. Pages and
 * tokens are the provider's own, so the client under test meets a real
 * authorization-code flow with PKCE, state, nonce, signed ID tokens and
 * userinfo.
 */
export interface FakeOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers Linli's callback as the client's only redirect_uri (known once Linli listens) and starts answering. */
  register(redirectUri: string): void;
  /**
   * Walks the provider's pages as a browser would (log in as `login`, consent)
   * starting from Linli's redirect to the provider, and returns the URL the
   * provider sends the browser back to (redirect_uri?code&state&iss).
   */
  authorize(authorizationUrl: string, login: string): Promise<string>;
  close(): Promise<void>;
}

export async function fakeOidcProvider(accounts: Record<string, Record<string, string>>, clientId = 'linli-test', clientSecret = 'test-client-secret-0123456789'): Promise<FakeOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end('not registered yet');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let redirect = '';

  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri) {
      redirect = redirectUri;
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
        claims: { openid: ['sub'], profile: ['name', 'preferred_username'], phone: ['phone_number'] },
        findAccount: (_ctx, sub) => (accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined),
        features: { devInteractions: { enabled: true } },
        pkce: { required: () => true },
        cookies: { keys: ['fake-idp-cookie-key-for-tests-only'] },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
      });
      handler = provider.callback();
    },
    async authorize(authorizationUrl, login) {
      const jar = new Map<string, string>();
      const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const keep = (res: Response) => {
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const i = pair!.indexOf('=');
          jar.set(pair!.slice(0, i), pair!.slice(i + 1));
        }
      };
      let url = authorizationUrl;
      // Bounded: a provider that loops is a failed test, not a hung one.
      for (let step = 0; step < 12; step++) {
        const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
        keep(res);
        if (res.status >= 300 && res.status < 400) {
          url = new URL(res.headers.get('location')!, url).href;
          if (url.startsWith(redirect)) return url;
          continue;
        }
        const page = await res.text();
        const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
        const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
        if (res.status !== 200 || !prompt || !action) throw new Error(`the provider answered ${res.status} at ${url}: ${page.slice(0, 300)}`);
        const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
        const posted = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', body, headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } });
        keep(posted);
        if (posted.status < 300 || posted.status >= 400) throw new Error(`the provider answered ${posted.status} to the ${prompt} form`);
        url = new URL(posted.headers.get('location')!, url).href;
      }
      throw new Error('the provider did not send the browser back within 12 steps');
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
