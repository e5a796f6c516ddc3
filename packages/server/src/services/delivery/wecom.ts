import { renderNotice } from '@linli/core';
import { PermanentJobError } from '@linli/jobs';
import type { DeliveryProvider, OutgoingNotice } from './provider.js';

const defaultEndpoint = 'https://qyapi.weixin.qq.com';

interface WecomAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

async function call(url: string, init: RequestInit, what: string): Promise<WecomAnswer> {
  const res = await fetch(url, { ...init, redirect: 'manual' });
  const text = await res.text();
  let a: WecomAnswer;
  try {
    a = JSON.parse(text) as WecomAnswer;
  } catch {
    throw new Error(`WeCom ${what} answered HTTP ${res.status} without JSON`);
  }
  if (a.errcode !== 0) {
    const why = `WeCom ${what} refused: ${a.errcode} ${a.errmsg ?? ''}`.trim();
    // 40003 invalid userid, 40014/42001 token (retried after a fresh token), 93000 robot key invalid
    if (a.errcode === 40003 || a.errcode === 93000 || a.errcode === 81013) throw new PermanentJobError(why);
    throw Object.assign(new Error(why), { errcode: a.errcode });
  }
  return a;
}

const text = (n: OutgoingNotice) => {
  const { title, body } = renderNotice(n.kind.template, n.vars, n.locale);
  return `${title}\n${body}`;
};

/**
 * WeCom application messages (应用消息) to a person's WeCom user id: an
 * access token from `gettoken` (corp id + the application's secret from
 * `LINLI_WECOM_APP_SECRET`), kept until shortly before it expires, then
 * `message/send` with the application's agent id.
 */
export function wecomAppProvider(o: { corpId: string; agentId: number; secret: string; endpoint?: string; wallClock?: () => Date }): DeliveryProvider {
  const base = (o.endpoint ?? defaultEndpoint).replace(/\/$/, '');
  const clock = o.wallClock ?? (() => new Date());
  let token: { value: string; until: number } | null = null;
  const accessToken = async (signal: AbortSignal) => {
    if (token && token.until > clock().getTime()) return token.value;
    const a = await call(`${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(o.corpId)}&corpsecret=${encodeURIComponent(o.secret)}`, { signal }, 'gettoken');
    token = { value: a.access_token ?? '', until: clock().getTime() + Math.max(0, (a.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };
  return {
    channel: 'wecom',
    name: 'wecom-app',
    address: (r) => r.wecomUserId,
    carries: () => true,
    async send(to, n, signal) {
      if (!to) throw new Error('a WeCom message needs a user id');
      const body = JSON.stringify({ touser: to, msgtype: 'text', agentid: o.agentId, text: { content: text(n) }, enable_duplicate_check: 1, duplicate_check_interval: 1800 });
      const send = async () => call(`${base}/cgi-bin/message/send?access_token=${encodeURIComponent(await accessToken(signal))}`, { method: 'POST', body, signal, headers: { 'content-type': 'application/json' } }, 'message/send');
      try {
        await send();
      } catch (e) {
        // An expired or revoked token: fetch a new one once.
        if ((e as { errcode?: number }).errcode !== 40014 && (e as { errcode?: number }).errcode !== 42001) throw e;
        token = null;
        await send();
      }
    },
  };
}

/**
 * A WeCom group robot (群机器人): posts a notice's title and body to one group
 * chat through its webhook key (`LINLI_WECOM_ROBOT_KEY`). The whole group
 * reads it, so it carries only what the kind's variables hold (ticket
 * numbers, titles, org names, counts), never a person's details.
 */
export function wecomRobotProvider(o: { key: string; endpoint?: string }): DeliveryProvider {
  const base = (o.endpoint ?? defaultEndpoint).replace(/\/$/, '');
  return {
    channel: 'wecom-robot',
    name: 'wecom-robot',
    address: () => null,
    carries: () => true,
    async send(_to, n, signal) {
      await call(`${base}/cgi-bin/webhook/send?key=${encodeURIComponent(o.key)}`, { method: 'POST', body: JSON.stringify({ msgtype: 'text', text: { content: text(n) } }), signal, headers: { 'content-type': 'application/json' } }, 'robot');
    },
  };
}
