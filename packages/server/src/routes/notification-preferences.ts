import { personChannels, quietHoursSchema, type Locale } from '@linli/core';
import { getRecipient, saveNotificationPrefs, updateContact } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../policy.js';
import { channelsFor } from '../services/delivery/plan.js';
import { maskValue } from '../services/personal-data.js';
import { errorResponses } from './schemas.js';

const localized = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN'] } as const;

const preferencesSchema = {
  $id: 'NotificationPreferences',
  type: 'object',
  properties: {
    kinds: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, label: localized, channels: { type: 'array', items: { type: 'string' } }, chosen: { type: 'boolean', description: 'false: the city default applies' } },
        required: ['id', 'label', 'channels', 'chosen'],
      },
    },
    available: { type: 'array', items: { enum: personChannels }, description: 'The channels this city has configured and this person can be reached on' },
    configured: { type: 'array', items: { enum: personChannels }, description: 'The channels this city has configured' },
    quietHours: { anyOf: [{ type: 'null' }, quietHoursSchema] },
    cityQuietHours: { anyOf: [{ type: 'null' }, quietHoursSchema] },
    email: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'], description: 'Masked; the mobile number SMS goes to' },
    locale: { enum: ['zh-CN', 'en'] },
  },
  required: ['kinds', 'available', 'configured', 'quietHours', 'cityQuietHours', 'email', 'phone', 'locale'],
} as const;

interface PrefsBody {
  channels: Record<string, string[]>;
  quietHours: { start: string; end: string } | null;
  email?: string | null;
  locale?: Locale;
}

/**
 * A person's own notification settings: which kinds reach them on which
 * channels (a kind left out follows the city's default), quiet hours, their
 * e-mail and language. Only their own: no id in the path.
 */
export async function notificationPreferenceRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  app.addSchema(preferencesSchema);
  const deployment = linli.deployment;
  // The kinds a person may receive: everything but the one-time code, which is never a choice.
  const kinds = [...deployment.notices.values()].filter((k) => k.id !== 'account.code');
  const configured = personChannels.filter((c) => linli.channels.providers[c]);

  // Kinds only staff receive (assignments, deadlines, escalations, digests) are not offered to someone who holds no staff role.
  const residentKinds = new Set(['ticket.status']);
  const staffRoles = new Set([...deployment.roles.values()].filter((r) => (r.ticketScope ?? 'subtree') !== 'own').map((r) => r.id));
  const offered = async (personId: number) => {
    const roles = await linli.db.selectFrom('linli_role_assignments').select('role').where('person_id', '=', personId).execute();
    if (roles.some((r) => staffRoles.has(r.role))) return kinds;
    return kinds.filter((k) => residentKinds.has(k.id) || !/^(ticket|escalation|digest)\./.test(k.id));
  };

  const read = async (personId: number) => {
    const r = (await getRecipient(linli.db, personId))!;
    const mine = await offered(personId);
    const available = configured.filter((c) => (c === 'email' ? r.email : c === 'sms' ? r.phone : r.wecomUserId));
    return {
      kinds: mine.map((k) => ({ id: k.id, label: k.label, channels: [...channelsFor(deployment, r, k.id)], chosen: r.prefs?.channels[k.id] !== undefined })),
      available,
      configured,
      quietHours: r.prefs ? r.prefs.quietHours : (deployment.config.notifications?.quietHours ?? null),
      cityQuietHours: deployment.config.notifications?.quietHours ?? null,
      email: r.email,
      phone: maskValue(r.phone) as string | null,
      locale: r.locale,
    };
  };

  app.get(
    '/api/me/notification-preferences',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'My notification channels per kind, quiet hours, e-mail and language', response: { 200: { $ref: 'NotificationPreferences#' }, ...errorResponses } },
    },
    async (req) => read(Number(requireActor(req).personId)),
  );

  app.put<{ Body: PrefsBody }>(
    '/api/me/notification-preferences',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Replace my notification preferences',
        body: {
          type: 'object',
          properties: {
            channels: {
              type: 'object',
              propertyNames: { enum: kinds.map((k) => k.id) },
              additionalProperties: { type: 'array', items: { enum: personChannels }, uniqueItems: true },
              maxProperties: 200,
            },
            quietHours: { anyOf: [{ type: 'null' }, quietHoursSchema] },
            email: { anyOf: [{ type: 'null' }, { type: 'string', format: 'email', maxLength: 254 }] },
            locale: { enum: ['zh-CN', 'en'] },
          },
          required: ['channels', 'quietHours'],
          additionalProperties: false,
        },
        response: { 200: { $ref: 'NotificationPreferences#' }, ...errorResponses },
      },
    },
    async (req) => {
      const me = Number(requireActor(req).personId);
      await linli.db.transaction().execute(async (trx) => {
        await saveNotificationPrefs(trx, me, { channels: req.body.channels, quietHours: req.body.quietHours }, linli.now());
        await updateContact(trx, me, { ...(req.body.email !== undefined ? { email: req.body.email } : {}), ...(req.body.locale ? { locale: req.body.locale } : {}) });
      });
      return read(me);
    },
  );
}
