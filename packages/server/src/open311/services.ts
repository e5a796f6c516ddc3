import type { Deployment, FormDefinition, WorkflowDefinition } from '@linli/core';

/**
 * Open311 GeoReport v2 services from the city's workflows: every workflow a
 * resident may file (a `create` rule for the role `resident`) is a service,
 * its `service_code` the workflow id; its intake form's fields are the
 * service's attributes, in the spec's datatypes. Fields the spec's own
 * request fields fill (`description`, the title, the location text, the
 * reporter's phone) and fields no Open311 client can send (photos, which are
 * ids of uploads; sensitive fields) are not attributes.
 */

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Attribute {
  variable: true;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

type Field = { type?: string | string[]; title?: string; description?: string; enum?: unknown[]; format?: string; maxLength?: number; items?: Field; 'x-linli-sensitive'?: boolean };

/** The form fields the spec's standard request fields fill, by the names Linli's forms use. */
export const standardFields = { description: ['description'], address: ['location', 'address'] } as const;

export function isPublicIntake(def: WorkflowDefinition): boolean {
  return def.create.some((r) => r.role === 'resident');
}

export function serviceWorkflows(deployment: Deployment): WorkflowDefinition[] {
  return deployment.workflows
    .list()
    .map((w) => w.def)
    .filter(isPublicIntake)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function intakeFormOf(deployment: Deployment, def: WorkflowDefinition): FormDefinition | undefined {
  return deployment.forms.get(def.intakeForm);
}

/** The form's fields an Open311 client sends as `attribute[code]`, with their spec datatypes. */
export function attributesOf(def: WorkflowDefinition, form: FormDefinition | undefined): Attribute[] {
  if (!form) return [];
  const schema = form.schema as { properties?: Record<string, Field>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const filledBySpec = new Set<string>([...standardFields.description, ...standardFields.address, ...(def.titleField ? [def.titleField] : [])]);
  const order = ((form.uiSchema as Record<string, unknown> | undefined)?.['ui:order'] as string[] | undefined) ?? [];
  const fields = Object.entries(schema.properties ?? {}).sort(([a], [b]) => rank(order, a) - rank(order, b));
  const out: Attribute[] = [];
  for (const [code, field] of fields) {
    if (filledBySpec.has(code) || field['x-linli-sensitive']) continue;
    const typed = datatypeOf(field);
    if (!typed) continue;
    out.push({
      variable: true,
      code,
      datatype: typed.datatype,
      required: required.has(code),
      datatype_description: typed.describe,
      order: out.length + 1,
      description: field.title ?? field.description ?? code,
      ...(typed.values ? { values: typed.values } : {}),
    });
  }
  return out;
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

const typeOf = (f: Field | undefined) => [f?.type ?? []].flat().find((t) => t !== 'null');

/** A field's Open311 datatype, or none when a client cannot send it (uploads, nested objects). */
function datatypeOf(field: Field): { datatype: Datatype; describe: string; values?: { key: string; name: string }[] } | null {
  const t = typeOf(field);
  const list = (values: unknown[]) => values.map((v) => ({ key: String(v), name: String(v) }));
  if (field.enum) return { datatype: 'singlevaluelist', describe: '', values: list(field.enum) };
  if (t === 'array' && field.items?.enum) return { datatype: 'multivaluelist', describe: '', values: list(field.items.enum) };
  if (t === 'boolean') return { datatype: 'singlevaluelist', describe: '', values: [{ key: 'true', name: '是' }, { key: 'false', name: '否' }] };
  if (t === 'integer' || t === 'number') return { datatype: 'number', describe: t === 'integer' ? 'A whole number' : '' };
  if (t === 'string' && field.format === 'date-time') return { datatype: 'datetime', describe: 'W3C date-time with an offset, e.g. 2026-12-05T09:30:00+08:00' };
  if (t === 'string' && field.format === 'date') return { datatype: 'string', describe: 'A date, YYYY-MM-DD' };
  if (t === 'string') return (field.maxLength ?? 0) > 200 ? { datatype: 'text', describe: '' } : { datatype: 'string', describe: '' };
  return null;
}

/** The value the form takes for an attribute sent as text (or several texts for a multivaluelist). */
export function attributeValue(field: Field | undefined, raw: string | string[]): unknown {
  const t = typeOf(field);
  const one = Array.isArray(raw) ? raw[0] ?? '' : raw;
  if (t === 'array') return [raw].flat();
  if (t === 'boolean') return one === 'true' ? true : one === 'false' ? false : one;
  if (t === 'integer' || t === 'number') return one.trim() !== '' && Number.isFinite(Number(one)) ? Number(one) : one;
  return one;
}

export function toService(def: WorkflowDefinition, form: FormDefinition | undefined, group: string): Service {
  return {
    service_code: def.id,
    service_name: def.title['zh-CN'],
    description: def.description?.['zh-CN'] ?? form?.title['zh-CN'] ?? def.title['zh-CN'],
    metadata: attributesOf(def, form).length > 0,
    type: 'realtime',
    keywords: [def.title['zh-CN'], def.title.en].filter(Boolean).join(','),
    group,
  };
}
