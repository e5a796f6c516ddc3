import ValidatorSelector from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type RouteSchema = { schema: unknown; method: string; url: string; httpPart?: string; httpStatus?: string; contentType?: string };
type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type Serialize = (data: unknown) => string;
type Builder<F> = (externalSchemas: unknown, serverOption: unknown) => (route: RouteSchema) => F;

/**
 * Route validators and response serializers compiled on a route's first use
 * instead of all at start. ajv and fast-json-stringify turn every schema of
 * every route into code when the app starts (the example city with every
 * bundled plugin: some 2,500 functions for 247 routes): measured, about a
 * third of `linli serve`'s start-up, for routes many cities never call. Each function is the one fastify would
 * build (its own compilers, the same shared schemas and options), only later.
 *
 * `compileAll()` builds every one now: a test of the example city with every
 * bundled plugin calls it, so a schema that cannot be compiled still fails a
 * test rather than a request.
 */
export function lazyRouteCompilers() {
  const pending = new Set<() => unknown>();
  const later = <F>(builder: Builder<F>, wrap: (built: () => F) => F) => (externalSchemas: unknown, serverOption: unknown) => {
    const compile = builder(externalSchemas, serverOption);
    return (route: RouteSchema): F => {
      let fn: F | undefined;
      const built = () => (fn ??= compile(route));
      pending.add(built);
      return wrap(built);
    };
  };
  return {
    buildValidator: later<Validate>((ValidatorSelector as unknown as () => Builder<Validate>)(), (built) => {
      // fastify reads a failed validation's errors from the function itself.
      const validate: Validate = (data) => {
        const fn = built();
        const ok = fn(data);
        validate.errors = fn.errors;
        return ok;
      };
      return validate;
    }),
    buildSerializer: later<Serialize>((SerializerSelector as unknown as () => Builder<Serialize>)(), (built) => (data) => built()(data)),
    compileAll(): number {
      for (const built of pending) built();
      return pending.size;
    },
  };
}
