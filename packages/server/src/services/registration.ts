import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { LinliError, type Deployment } from '@linli/core';
import type { CoreTables } from '@linli/db';
import { PermanentJobError } from '@linli/jobs';
import type { Kysely } from 'kysely';
import { rateLimited } from '../auth/login-limit.js';
import type { DeliveryProvider } from './delivery/provider.js';

const MINUTE = 60_000;
/** How long a code works, how often a number may ask, and how much a number or an address may ask per day/hour. */
export const codeLimits = { validMinutes: 10, perNumberGapSeconds: 60, perNumberPerDay: 5, perAddressPerHour: 10, attemptsPerCode: 5 } as const;

const hash = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');
export const normalizePhone = (phone: string) => phone.replace(/[\s-]/g, '');

/**
 * Sends a one-time code to a mobile number through the SMS provider (the
 * configured one, else the development provider that logs it). Limits are
 * counted in the database, so they hold across instances: one code a minute
 * and five a day per number, ten an hour per client address. The code is
 * sent while the request waits (the resident is waiting for it anyway), with
 * a timeout: a provider that is down answers 503 and the resident tries again.
 */
export async function sendRegistrationCode(db: Kysely<CoreTables>, deployment: Deployment, sms: DeliveryProvider, o: { phone: string; address: string; now: Date }): Promise<{ expiresAt: Date }> {
  const phone = normalizePhone(o.phone);
  const t = o.now.getTime();
  const recent = await db.selectFrom('linli_sms_codes').select(['created_at']).where('phone', '=', phone).where('created_at', '>', new Date(t - 24 * 60 * MINUTE)).orderBy('created_at', 'desc').execute();
  const last = recent[0]?.created_at.getTime();
  if (last !== undefined && t - last < codeLimits.perNumberGapSeconds * 1000) throw rateLimited(Math.ceil((last + codeLimits.perNumberGapSeconds * 1000 - t) / 1000));
  if (recent.length >= codeLimits.perNumberPerDay) throw rateLimited(Math.ceil((recent[recent.length - 1]!.created_at.getTime() + 24 * 60 * MINUTE - t) / 1000));
  const byAddress = await db.selectFrom('linli_sms_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('address', '=', o.address).where('created_at', '>', new Date(t - 60 * MINUTE)).executeTakeFirstOrThrow();
  if (Number(byAddress.n) >= codeLimits.perAddressPerHour) throw rateLimited(60 * 60);
  if ((await db.selectFrom('linli_people').select('id').where('phone', '=', phone).executeTakeFirst()) !== undefined) {
    throw new LinliError('LINLI_ERR_CONFLICT', [{ 'zh-CN': '该手机号已注册，请直接登录，或请社区重置密码', en: 'this mobile number already has an account: log in, or ask the community to reset its password' }]);
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(t + codeLimits.validMinutes * MINUTE);
  await db.insertInto('linli_sms_codes').values({ phone, code_hash: hash(phone, code), address: o.address, created_at: o.now, expires_at: expiresAt }).execute();
  const kind = deployment.notices.get('account.code')!;
  if (!sms.carries(kind.id)) throw new LinliError('LINLI_ERR_SMS_UNAVAILABLE', ['no SMS template for account.code (notifications.sms.templates)']);
  try {
    await sms.send(phone, { kind, vars: { code, minutes: codeLimits.validMinutes }, locale: 'zh-CN', deliveryId: `code:${phone}:${t}` }, AbortSignal.timeout(10_000));
  } catch (e) {
    throw new LinliError('LINLI_ERR_SMS_UNAVAILABLE', [e instanceof PermanentJobError ? e.message : 'the SMS provider did not answer']);
  }
  return { expiresAt };
}

/**
 * Uses up the newest live code of a number if it matches; each wrong try
 * counts and five end the code. Answers instead of throwing, so the caller
 * commits the count before refusing.
 */
export async function consumeCode(trx: Kysely<CoreTables>, phoneIn: string, code: string, now: Date): Promise<'ok' | 'wrong' | 'expired'> {
  const phone = normalizePhone(phoneIn);
  const row = await trx
    .selectFrom('linli_sms_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.attempts >= codeLimits.attemptsPerCode) return 'expired';
  if (!timingSafeEqual(Buffer.from(row.code_hash, 'hex'), Buffer.from(hash(phone, code), 'hex'))) {
    await trx.updateTable('linli_sms_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    return 'wrong';
  }
  await trx.updateTable('linli_sms_codes').set({ used_at: now }).where('id', '=', row.id).execute();
  return 'ok';
}
