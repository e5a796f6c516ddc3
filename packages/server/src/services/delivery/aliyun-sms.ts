import { createHmac, randomUUID } from 'node:crypto';
import { smsParams, type Locale } from '@linli/core';
import { PermanentJobError } from '@linli/jobs';
import type { DeliveryProvider } from './provider.js';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Template code per notice kind and language: the provider sends only pre-approved templates. */
  templates: Readonly<Record<string, { 'zh-CN': string; en?: string }>>;
  endpoint?: string;
  regionId?: string;
  /** The wall clock: the signed Timestamp must be near the provider's time. */
  wallClock?: () => Date;
}

/** RFC 3986 percent-encoding as Alibaba Cloud's RPC signature requires (space %20, `*` %2A, `~` kept). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Signs an Alibaba Cloud RPC request (signature version 1.0): the
 * parameters sorted by name, percent-encoded as `k=v&…`, the string
 * `GET&%2F&<encoded query>` signed with HMAC-SHA1 keyed `<secret>&`, base64.
 */
export function signAliyun(params: Readonly<Record<string, string>>, accessKeySecret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(toSign).digest('base64');
}

// Answers that no retry can change: a bad number, template or signature, a blocked number.
const permanent = /^isv\.(MOBILE_NUMBER_ILLEGAL|SMS_TEMPLATE_ILLEGAL|SMS_SIGNATURE_ILLEGAL|TEMPLATE_MISSING_PARAMETERS|INVALID_PARAMETERS|BLACK_KEY_CONTROL_LIMIT|PARAM_LENGTH_LIMIT)$/;

/**
 * Alibaba Cloud SMS (dysmsapi `SendSms`, API version 2017-05-25). The text
 * lives in a template the provider approved (its code per kind and
 * language in the city config); Linli sends the template code, the
 * approved signature and the kind's variables as `TemplateParam`, each
 * clipped to the provider's 35-character limit.
 */
export function aliyunSmsProvider(o: AliyunSmsOptions): DeliveryProvider {
  const endpoint = (o.endpoint ?? 'https://dysmsapi.aliyuncs.com').replace(/\/$/, '');
  const clock = o.wallClock ?? (() => new Date());
  const codeFor = (kind: string, locale: Locale) => {
    const t = o.templates[kind];
    return t ? ((locale === 'en' ? t.en : undefined) ?? t['zh-CN']) : undefined;
  };
  return {
    channel: 'sms',
    name: 'aliyun',
    address: (r) => r.phone,
    carries: (kind) => kind in o.templates,
    async send(to, n, signal) {
      const code = codeFor(n.kind.id, n.locale);
      if (!to) throw new Error('an SMS needs a mobile number');
      if (!code) throw new PermanentJobError(`no SMS template code for "${n.kind.id}" (notifications.sms.templates)`);
      const params: Record<string, string> = {
        AccessKeyId: o.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: to.replace(/[\s-]/g, ''),
        RegionId: o.regionId ?? 'cn-hangzhou',
        SignName: o.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: code,
        TemplateParam: JSON.stringify(smsParams(n.vars, n.locale)),
        Timestamp: clock().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const query = Object.entries({ ...params, Signature: signAliyun(params, o.accessKeySecret) })
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
        .join('&');
      const res = await fetch(`${endpoint}/?${query}`, { signal, redirect: 'manual' });
      const text = await res.text();
      let answer: { Code?: string; Message?: string } = {};
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        throw new Error(`Aliyun SMS answered HTTP ${res.status} without JSON`);
      }
      if (answer.Code === 'OK') return;
      const why = `Aliyun SMS refused: ${answer.Code ?? res.status} ${answer.Message ?? ''}`.trim();
      if (answer.Code && permanent.test(answer.Code)) throw new PermanentJobError(why);
      throw new Error(why);
    },
  };
}
