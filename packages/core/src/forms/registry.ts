import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { LinliError, type ErrorDetail } from '../errors.js';
import type { FormDefinition } from '../schemas/types.js';
import { schemaMessage } from './schema-messages.js';
import { translationProblems } from './translations.js';

// ajv-formats is published as CommonJS; under NodeNext its default export is the module object.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** A fresh ajv set up the way every Linli validator needs it. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addKeyword({ keyword: 'x-linli-sensitive', schemaType: 'boolean' });
  return ajv;
}

/** Turns ajv's errors into details that point at the field a person must fix. */
export function ajvErrorsToDetails(errors: readonly ErrorObject[] | null | undefined, base = ''): ErrorDetail[] {
  return (errors ?? []).map((e) => {
    let path = base + e.instancePath;
    let expected: string | undefined;
    if (e.keyword === 'required') path += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') path += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'enum':
        expected = `one of ${JSON.stringify(p.allowedValues)}`;
        break;
      case 'type':
        expected = String(p.type);
        break;
      case 'pattern':
        expected = `a string matching ${String(p.pattern)}`;
        break;
      case 'required':
        expected = 'a value';
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        expected = `a number ${String(p.comparison)} ${String(p.limit)}`;
        break;
      case 'minLength':
        expected = `at least ${String(p.limit)} characters`;
        break;
      case 'maxLength':
        expected = `at most ${String(p.limit)} characters`;
        break;
      case 'minItems':
        expected = `at least ${String(p.limit)} items`;
        break;
      case 'maxItems':
        expected = `at most ${String(p.limit)} items`;
        break;
      case 'oneOf':
        expected = e.schemaPath.includes('timeLimit') || e.instancePath.endsWith('/timeLimit')
          ? 'exactly one of the allowed forms (for a time limit: either "hours" or "days")'
          : 'exactly one of the allowed forms';
        break;
      case 'const':
        expected = JSON.stringify(p.allowedValue);
        break;
    }
    const message =
      e.keyword === 'required' ? 'is required' : e.keyword === 'additionalProperties' ? 'is not a known field' : (e.message ?? 'is invalid');
    return expected ? { path: path || '/', message, expected } : { path: path || '/', message };
  });
}

/**
 * The details of a person's form data, each message in both languages
 * (ajv-i18n): the answer carries the reader's. Config checks keep English
 * details (`ajvErrorsToDetails`): they are read by the city's engineer.
 */
export function localizedDetails(errors: readonly ErrorObject[] | null | undefined, base = ''): ErrorDetail[] {
  const list = errors ?? [];
  return ajvErrorsToDetails(list, base).map((d, i) => ({ ...d, localized: schemaMessage(list[i]!, d.message) }));
}

interface Entry {
  form: FormDefinition;
  source: string;
  validate: ValidateFunction;
}

/** Every form of a deployment, by id, each compiled once. */
export class FormRegistry {
  readonly #ajv = createAjv();
  readonly #forms = new Map<string, Entry>();
  /** sensitiveFields per form, worked out once: every row of every list page asks. */
  readonly #sensitive = new Map<string, string[]>();

  /** Adds a form; `source` names who brought it (a plugin, the config) for conflict messages. */
  register(form: FormDefinition, source: string): void {
    const existing = this.#forms.get(form.id);
    if (existing) {
      throw new LinliError('LINLI_ERR_PLUGIN_CONFLICT', [`The form id "${form.id}" is claimed by both ${existing.source} and ${source}. Rename one of them.`]);
    }
    let validate: ValidateFunction;
    try {
      validate = this.#ajv.compile(form.schema);
    } catch (e) {
      throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`the schema of form "${form.id}" from ${source} does not compile: ${(e as Error).message}`]);
    }
    const problems = translationProblems(form);
    if (problems.length > 0) throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`form "${form.id}" from ${source}: ${problems.join('; ')}`]);
    this.#forms.set(form.id, { form, source, validate });
    this.#sensitive.delete(form.id);
  }

  has(id: string): boolean {
    return this.#forms.has(id);
  }

  get(id: string): FormDefinition | undefined {
    return this.#forms.get(id)?.form;
  }

  list(): FormDefinition[] {
    return [...this.#forms.values()].map((e) => e.form);
  }

  /** Validation errors of `data` against the form, each at its field path; empty when valid. */
  errors(id: string, data: unknown): ErrorDetail[] {
    const entry = this.#forms.get(id);
    if (!entry) return [{ path: '/', message: `unknown form "${id}"` }];
    return entry.validate(data) ? [] : localizedDetails(entry.validate.errors);
  }

  /** Throws LINLI_ERR_FORM_INVALID (422) listing every invalid field. */
  assertValid(id: string, data: unknown): void {
    const details = this.errors(id, data);
    if (details.length) throw new LinliError('LINLI_ERR_FORM_INVALID', [id], details);
  }

  /** Names of the fields marked `x-linli-sensitive` at the top level of the form. */
  sensitiveFields(id: string): string[] {
    const known = this.#sensitive.get(id);
    if (known) return known;
    const entry = this.#forms.get(id);
    const props = (entry?.form.schema as { properties?: Record<string, { 'x-linli-sensitive'?: boolean }> } | undefined)?.properties;
    const fields = props ? Object.entries(props).filter(([, s]) => s['x-linli-sensitive'] === true).map(([k]) => k) : [];
    if (entry) this.#sensitive.set(id, fields);
    return fields;
  }
}
