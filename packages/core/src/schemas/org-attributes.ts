import { localizedTextSchema } from '../i18n.js';

/**
 * A classification a city gives its orgs (config `orgAttributes`), such as
 * the compound type 商品房 / 安置房 / 无物业 / 老旧小区 (DOMAIN.md §5). An org
 * carries a value in `attributes`; the orgs below it inherit it (a building
 * is of its compound's type). Routing rules (`routing.rules[].attributes`)
 * and where a workflow is offered (`offerWhere`) may depend on it, and
 * plugins read it from the deployment.
 */
export const orgAttributeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-zA-Z0-9_]*$' },
    title: localizedTextSchema,
    orgTypes: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Org types that may carry it (default: any)' },
    values: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: { value: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1, description: 'English label' } },
        required: ['value'],
        additionalProperties: false,
      },
      description: 'The values it may take (Chinese, as stored and shown)',
    },
  },
  required: ['id', 'title', 'values'],
  additionalProperties: false,
} as const;
