import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Alibaba Cloud SMS on 127.0.0.1 for the browser tests: keeps what it was asked to send, answers OK. */
export async function fakeSms(): Promise<{ server: Server; base: string; sent: { phone: string; params: Record<string, string> }[] }> {
  const sent: { phone: string; params: Record<string, string> }[] = [];
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    sent.push({ phone: q.get('PhoneNumbers') ?? '', params: JSON.parse(q.get('TemplateParam') ?? '{}') });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Code: 'OK', Message: 'OK' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
}
