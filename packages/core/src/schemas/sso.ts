import { localizedTextSchema } from '../i18n.js';

/**
 * Single sign-on through an OpenID Connect provider (config `sso`): a city
 * whose staff log in through a provincial identity service (统一身份认证)
 * names the provider here; the client secret is never in the file
 * (LINLI_SSO_CLIENT_SECRET). A login is matched to an existing, enabled
 * person by one claim; nobody is ever created by it.
 */
export const ssoSchema = {
  type: 'object',
  description: 'Single sign-on through an OpenID Connect provider, for staff who already have an account here. The client secret is read from LINLI_SSO_CLIENT_SECRET',
  properties: {
    issuer: { type: 'string', pattern: '^https?://[^\\s]+$', description: "The provider's issuer URL (its /.well-known/openid-configuration is read). https, except a provider on this machine (127.0.0.1, localhost) for tests" },
    clientId: { type: 'string', minLength: 1, maxLength: 200, description: 'The client id the provider registered for this city' },
    claim: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$', description: 'The claim of the ID token (or of userinfo) that names the person, e.g. preferred_username or phone_number' },
    matchField: { enum: ['username', 'phone'], description: "Which field of a person the claim must equal: username, or phone (the mobile number; a leading +86 is ignored)" },
    label: { ...localizedTextSchema, description: 'The login button, e.g. {"zh-CN": "统一身份认证登录", "en": "Log in with the provincial ID service"}' },
    scope: { type: 'string', pattern: '^openid( [A-Za-z0-9_:.-]+)*$', description: 'Scopes asked for (default "openid profile"; add "phone" when matching phone_number)' },
  },
  required: ['issuer', 'clientId', 'claim', 'matchField', 'label'],
  additionalProperties: false,
} as const;
