import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

/**
 * GeoReport v2 answers in JSON or XML, chosen by the resource's extension
 * (`services.json`, `services.xml`), and dates in the W3C profile of ISO 8601
 * with the city's UTC offset (`2026-12-05T17:30:00+08:00`).
 */
export type Format = 'json' | 'xml';

/** `grid-request.json` → `{ id: 'grid-request', format: 'json' }`; no known extension → null. */
export function splitFormat(file: string): { id: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { id: m[1]!, format: m[2] as Format } : null;
}

export function w3cDate(d: Date, offsetHours: number): string {
  const local = new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours < 0 ? '-' : '+';
  const abs = Math.abs(offsetHours);
  const hh = String(Math.floor(abs)).padStart(2, '0');
  const mm = String(Math.round((abs % 1) * 60)).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** A W3C date-time (with `Z` or an offset) as a Date, or null when it is none. */
export function parseW3cDate(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

/** Element names of each answer's XML form: root, and the element of each item. */
export const xmlNames = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;

export function toXml(root: string, itemName: string, items: readonly unknown[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: { [itemName]: items.map(xmlReady) } })}`;
}

/** One object as an XML document under `root` (a service definition). */
export function toXmlDocument(root: string, body: object): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: xmlReady(body) })}`;
}

/** Lists inside an item (an attribute's `values`) become repeated elements, as the spec's XML examples show. */
function xmlReady(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(xmlReady);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (k === 'attributes' && Array.isArray(x)) return [k, { attribute: x.map(xmlReady) }];
        if (k === 'values' && Array.isArray(x)) return [k, { value: x.map(xmlReady) }];
        return [k, xmlReady(x)];
      }),
    );
  }
  return v;
}

export function send(reply: FastifyReply, format: Format, status: number, body: unknown, xml: () => string): FastifyReply {
  reply.code(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xml());
  return reply.type('application/json; charset=utf-8').send(body);
}
