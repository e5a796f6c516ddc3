import { localizedTextSchema } from '../i18n.js';
import { definitionIdSchema } from './ids.js';

/**
 * A form: one JSON Schema gives the server's validator, the web app's
 * generated form (react-jsonschema-form), the TypeScript type (json-schema-to-ts)
 * and the OpenAPI document. Titles in `schema` are Chinese (the default);
 * `translations.en` maps a field path (`/` for the form, `/field/sub` for a
 * field) to its English title, and `/field=value` to the English label of
 * one of an enum field's values (forms/translations.ts). A field marked `"x-linli-sensitive": true`
 * (phone, ID-card number, address) is personal data under PIPL.
 */
export const formSchema = {
  $id: 'https://linli.dev/schemas/form.json',
  type: 'object',
  properties: {
    id: definitionIdSchema,
    title: localizedTextSchema,
    schema: {
      type: 'object',
      properties: { type: { const: 'object' } },
      required: ['type'],
    },
    uiSchema: { type: 'object' },
    translations: {
      type: 'object',
      properties: {
        en: {
          type: 'object',
          description: 'English text by key: "/" the form title, "/field" (or "/field/sub") a field title, "/field=value" the label of one of an enum field\'s values, "/field@help" and "/field@placeholder" its uiSchema help and placeholder',
          additionalProperties: { type: 'string' },
        },
      },
      additionalProperties: false,
    },
  },
  required: ['id', 'title', 'schema'],
  additionalProperties: false,
} as const;
