import { LinliError, type FormDefinition, type WorkflowDefinition } from '@linli/core';
import type { PostBody } from './schemas.js';
import { attributesOf, attributeValue, standardFields } from './services.js';

/** The intake form's data from a POST: attributes by code; description, title, location text and phone from the spec's own fields. */
export function formDataFrom(def: WorkflowDefinition, form: FormDefinition | undefined, b: PostBody): Record<string, unknown> {
  const props = ((form?.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as Record<string, any>;
  const data: Record<string, unknown> = {};
  const allowed = new Set(attributesOf(def, form).map((a) => a.code));
  for (const [key, raw] of Object.entries(b)) {
    const m = /^attribute\[([A-Za-z0-9_]+)\](\[\])?$/.exec(key);
    if (!m || raw === undefined || typeof raw === 'number') continue;
    if (!allowed.has(m[1]!)) throw new LinliError('LINLI_ERR_VALIDATION', [`attribute[${m[1]}] is not an attribute of ${def.id}`], [{ path: `/body/attribute[${m[1]}]`, message: 'is not an attribute of this service' }]);
    data[m[1]!] = attributeValue(props[m[1]!], raw);
  }
  const description = typeof b.description === 'string' ? b.description.trim() : '';
  const descField = standardFields.description.find((f) => f in props);
  if (description && descField) data[descField] = description;
  if (def.titleField && def.titleField in props && description) data[def.titleField] = [...description].slice(0, Math.min(30, props[def.titleField].maxLength ?? 30)).join('');
  const addressField = standardFields.address.find((f) => f in props);
  if (addressField && typeof b.address_string === 'string' && b.address_string) data[addressField] = b.address_string;
  const phoneField = Object.keys(props).find((k) => props[k]['x-linli-sensitive'] && /phone/i.test(k));
  if (phoneField && typeof b.phone === 'string' && (!props[phoneField].pattern || new RegExp(props[phoneField].pattern).test(b.phone))) data[phoneField] = b.phone;
  return data;
}
