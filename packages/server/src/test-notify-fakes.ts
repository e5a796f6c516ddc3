import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  notice: string;
}

/** An SMTP server on 127.0.0.1 that keeps every message it is given, parsed. */
export async function fakeSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then(
        (m) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: m.subject ?? '', text: (m.text ?? '').trim(), messageId: m.messageId ?? '', notice: String(m.headers.get('x-linli-notice') ?? '') });
          done();
        },
        (e: Error) => done(e),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

export interface SmsRequest {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  signatureValid: boolean;
}

/** The signature Alibaba Cloud computes, written out here independently of the code under test. */
function aliyunSignature(query: URLSearchParams, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const pairs = [...query.entries()].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return createHmac('sha1', `${secret}&`).update(`GET&%2F&${enc(canonical)}`).digest('base64');
}

/**
 * One HTTP server on 127.0.0.1 playing Alibaba Cloud SMS (`GET /?Action=SendSms…`,
 * checking the signature with `smsSecret`) and WeCom (gettoken, message/send,
 * the group robot's webhook/send). `failSms` makes the next N SMS answers fail.
 */
export async function fakeProviders(smsSecret: string): Promise<{
  base: string;
  sms: SmsRequest[];
  wecom: { touser: string; content: string }[];
  robot: string[];
  failSms: { next: number };
  close(): Promise<void>;
}> {
  const sms: SmsRequest[] = [];
  const wecom: { touser: string; content: string }[] = [];
  const robot: string[] = [];
  const failSms = { next: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const json = (status: number, v: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(v));
      };
      const q = url.searchParams;
      if (url.pathname === '/' && q.get('Action') === 'SendSms') {
        if (failSms.next > 0) {
          failSms.next--;
          return json(503, { Code: 'ServiceUnavailable', Message: 'try later' });
        }
        sms.push({ phone: q.get('PhoneNumbers') ?? '', signName: q.get('SignName') ?? '', templateCode: q.get('TemplateCode') ?? '', params: JSON.parse(q.get('TemplateParam') ?? '{}'), signatureValid: q.get('Signature') === aliyunSignature(q, smsSecret) });
        return json(200, { Code: 'OK', Message: 'OK', BizId: String(sms.length), RequestId: 'r' });
      }
      if (url.pathname === '/cgi-bin/gettoken') return json(200, q.get('corpsecret') === 'wecom-secret' ? { errcode: 0, errmsg: 'ok', access_token: 'token-1', expires_in: 7200 } : { errcode: 40001, errmsg: 'invalid credential' });
      if (url.pathname === '/cgi-bin/message/send') {
        if (q.get('access_token') !== 'token-1') return json(200, { errcode: 40014, errmsg: 'invalid access_token' });
        const m = JSON.parse(body) as { touser: string; text: { content: string } };
        wecom.push({ touser: m.touser, content: m.text.content });
        return json(200, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/cgi-bin/webhook/send') {
        if (q.get('key') !== 'robot-key') return json(200, { errcode: 93000, errmsg: 'invalid webhook url' });
        robot.push((JSON.parse(body) as { text: { content: string } }).text.content);
        return json(200, { errcode: 0, errmsg: 'ok' });
      }
      json(404, { error: 'unknown' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sms,
    wecom,
    robot,
    failSms,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
