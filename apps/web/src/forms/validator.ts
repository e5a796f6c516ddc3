import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import uri from 'ajv/dist/runtime/uri';
import { fullFormats } from 'ajv-formats/dist/formats';
import { cached } from '../api/cache';

/**
 * Validators for generated forms without eval. The server's CSP forbids
 * compiling code in the page (a stored-XSS payload could otherwise do the
 * same), so ajv cannot compile schemas here. The server serves each form's
 * validators precompiled (ajv "standalone" code) as an ES module from our own
 * origin; we import it and hand it the few runtime helpers it names.
 */
const runtime: Record<string, unknown> = {
  'ajv/dist/runtime/equal': { default: equal },
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
  'ajv/dist/runtime/uri': { default: uri },
  'ajv-formats/dist/formats': { fullFormats },
};

function runtimeRequire(id: string): unknown {
  if (!(id in runtime)) throw new Error(`precompiled validator needs ${id}, which the app does not provide`);
  return runtime[id];
}

type ValidatorModule = { default: (require: (id: string) => unknown, exports: Record<string, unknown>) => void };

/**
 * When the module cannot be loaded (an older server, a schema using a helper
 * we lack), the form still works: the server validates every submission and
 * its 422 answer marks the fields.
 */
const serverOnly: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => true,
  rawValidation: () => ({}),
};

export function loadValidator(formId: string, schema: RJSFSchema): Promise<ValidatorType> {
  return cached(`validator:${formId}`, async () => {
    try {
      const mod = (await import(/* @vite-ignore */ `/api/forms/${encodeURIComponent(formId)}/validator.js`)) as ValidatorModule;
      const fns: Record<string, unknown> = {};
      mod.default(runtimeRequire, fns);
      return createPrecompiledValidator(fns as never, schema);
    } catch (e) {
      console.warn(`Form ${formId}: validating on the server only`, e);
      return serverOnly;
    }
  });
}
