import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { loadForm } from '../api/cache';
import type { FormDoc } from '../api/types';
import { useLoad } from '../api/useApi';
import { loadValidator } from './validator';

/** A form's definition and its precompiled validator, loaded together. */
export function useForm(formId: string | null) {
  return useLoad<{ form: FormDoc; validator: ValidatorType }>(formId, async () => {
    const form = await loadForm(formId!);
    const validator = await loadValidator(form.id, form.schema as RJSFSchema);
    return { form, validator };
  });
}
