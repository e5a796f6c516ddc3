import { LinliError, type SsoConfig } from '@linli/core';
import type * as Oidc from 'openid-client';

/** openid-client, loaded when the city's single sign-on is first used: a server without it never holds the library. */
let oidc: typeof Oidc;

/** The secret the provider issued to this city's client: only ever from the environment, never from the config file. */
export const ssoSecretVariable = 'LINLI_SSO_CLIENT_SECRET';

/**
 * What the browser carries between leaving for the identity service and
 * coming back (an httpOnly cookie, ten minutes): the state the callback must
 * echo, the nonce the ID token must hold, and the PKCE verifier only this
 * browser knows. All three are checked against the provider's answer, so a
 * cookie an attacker made up gets them nothing.
 */
export interface PendingSso {
  state: string;
  nonce: string;
  verifier: string;
  /** The redirect_uri sent, so the token request repeats it exactly. */
  redirectUri: string;
  /** Where in the app to land afterwards (a same-app path). */
  next: string;
}

export const ssoCookie = 'linli_sso';
export const ssoCookieSeconds = 600;

export function encodePending(p: PendingSso): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodePending(raw: string | undefined): PendingSso | null {
  if (!raw || raw.length > 4000) return null;
  try {
    const p = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingSso>;
    const ok = (['state', 'nonce', 'verifier', 'redirectUri', 'next'] as const).every((k) => typeof p[k] === 'string' && p[k]!.length > 0);
    return ok ? (p as PendingSso) : null;
  } catch {
    return null;
  }
}

/** Plain HTTP to the provider only for one on this machine (a test's, or a developer's): anywhere else the code and tokens would cross the network in clear. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const unavailable = (e: unknown) => new LinliError('LINLI_ERR_SSO_UNAVAILABLE', [e instanceof Error ? e.message.slice(0, 200) : String(e)]);

/**
 * The OpenID Connect relying party (openid-client): discovers the provider
 * once (again after a failure), builds the authorization-code request with
 * PKCE, state and nonce, and turns the callback into the verified claims.
 */
export class OidcLogin {
  #configuration: Promise<Oidc.Configuration> | null = null;

  constructor(
    readonly sso: SsoConfig,
    private readonly secret: string | undefined,
  ) {}

  private configuration(): Promise<Oidc.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.sso.issuer);
      this.#configuration = import('openid-client').then((loaded) => {
        oidc = loaded;
        // With a secret: client_secret_basic, the OpenID default; without: a public client, PKCE alone.
        const auth = this.secret ? oidc.ClientSecretBasic(this.secret) : oidc.None();
        const options: Oidc.DiscoveryRequestOptions = { timeout: 10, ...(isLoopback(issuer.hostname) ? { execute: [oidc.allowInsecureRequests] } : {}) };
        return oidc.discovery(issuer, this.sso.clientId, this.secret, auth, options);
      }).catch((e: unknown) => {
        this.#configuration = null;
        throw unavailable(e);
      });
    }
    return this.#configuration;
  }

  /** The provider's authorization URL and what the browser must keep until it comes back. */
  async start(redirectUri: string, next: string): Promise<{ url: string; pending: PendingSso }> {
    const config = await this.configuration();
    const pending: PendingSso = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), redirectUri, next };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.sso.scope ?? 'openid profile',
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /**
   * Verifies the callback (state, code at the token endpoint with the PKCE
   * verifier, the ID token's signature, issuer, audience and nonce) and
   * returns the configured claim: from the ID token, or from userinfo when a
   * provider sends profile claims only there.
   */
  async finish(query: string, pending: PendingSso): Promise<{ subject: string; value: string | null }> {
    const config = await this.configuration();
    const current = new URL(pending.redirectUri);
    current.search = query;
    let tokens: Awaited<ReturnType<typeof Oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, current, { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.verifier, idTokenExpected: true });
    } catch (e) {
      // The provider unreachable is not the user's doing; anything else (an error answer, a bad token) is a failed login.
      if (e instanceof TypeError || (e instanceof Error && /fetch failed|ECONNREFUSED|timed? ?out|aborted/i.test(`${e.message} ${String((e as { cause?: unknown }).cause ?? '')}`))) throw unavailable(e);
      throw new LinliError('LINLI_ERR_SSO_FAILED', [describe(e)]);
    }
    const claims = tokens.claims()!;
    let value = claimText(claims[this.sso.claim]);
    if (value === null && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        value = claimText(info[this.sso.claim]);
      } catch (e) {
        throw new LinliError('LINLI_ERR_SSO_FAILED', [describe(e)]);
      }
    }
    return { subject: claims.sub, value };
  }
}

function claimText(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A short, safe reason for the page and the log: the provider's error code, or the check that failed. */
function describe(e: unknown): string {
  // Only called after configuration(), so the library is loaded.
  if (e instanceof oidc.AuthorizationResponseError || e instanceof oidc.ResponseBodyError) return e.error;
  if (e instanceof Error) return (e as { code?: string }).code ?? e.message.slice(0, 120);
  return 'unknown';
}

/** A mobile number as people store it: digits only, without the country code 86. */
export function normalizeMobile(v: string): string {
  const digits = v.replace(/[\s-]/g, '').replace(/^\+/, '');
  return /^861[3-9]\d{9}$/.test(digits) ? digits.slice(2) : digits;
}
