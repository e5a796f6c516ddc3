import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import type { Deployment } from '@linli/core';
import { draft2020 } from 'json-schema-migrate';

/**
 * The API description at /api/openapi.json. OpenAPI 3.1, whose schemas are
 * JSON Schema 2020-12, because forms are written in draft-07 (what
 * react-jsonschema-form and fastify's ajv speak) and use keywords such as
 * `dependencies` that OpenAPI 3.0 forbids. Route schemas stay draft-07 for
 * validation; the published copy is translated keyword by keyword
 * (`dependencies` → `dependentRequired`/`dependentSchemas`, tuple `items` →
 * `prefixItems`) by ajv's own migrator, so a 2020-12 reader loses no rule.
 */
export function openApiOptions(deployment: Deployment): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: { title: `Linli API — ${deployment.config.title['zh-CN']}`, version: '0.1.0', description: 'Errors are `{ code, message, details? }` with stable LINLI_ERR_* codes (docs/errors.md).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'linli_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    // A copy: the document shares schema objects with the routes' validators and /api/forms.
    transformObject: publish,
  };
}

const publish: SwaggerTransformObject = (doc) =>
  'openapiObject' in doc ? (toJsonSchema2020(structuredClone(doc.openapiObject) as OpenApiDocument) as typeof doc.openapiObject) : doc.swaggerObject;

type Schema = Record<string, unknown>;
interface MediaTypes {
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, { schema?: Schema }>;
}
interface Operation {
  parameters?: { schema?: Schema }[];
  requestBody?: MediaTypes;
  responses?: Record<string, MediaTypes>;
}
interface OpenApiDocument {
  components?: { schemas?: Record<string, Schema> };
  paths?: Record<string, Record<string, Operation | unknown>>;
}

/** Rewrites, in place, every schema of the document (components, parameters, bodies, responses, headers) to JSON Schema 2020-12. */
export function toJsonSchema2020(doc: OpenApiDocument): OpenApiDocument {
  for (const schema of schemasOf(doc)) {
    const declared = '$schema' in schema;
    draft2020(schema);
    // The migrator names a meta-schema on each root; OpenAPI 3.1's own dialect applies instead.
    if (!declared) delete schema.$schema;
  }
  return doc;
}

function* schemasOf(doc: OpenApiDocument): Generator<Schema> {
  yield* Object.values(doc.components?.schemas ?? {});
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item) as Operation[]) {
      if (typeof op !== 'object' || op === null) continue;
      for (const p of op.parameters ?? []) if (p.schema) yield p.schema;
      yield* mediaSchemas(op.requestBody);
      for (const response of Object.values(op.responses ?? {})) yield* mediaSchemas(response);
    }
  }
}

function* mediaSchemas(m: MediaTypes | undefined): Generator<Schema> {
  for (const c of Object.values(m?.content ?? {})) if (c.schema && typeof c.schema === 'object') yield c.schema;
  for (const h of Object.values(m?.headers ?? {})) if (h.schema && typeof h.schema === 'object') yield h.schema;
}
