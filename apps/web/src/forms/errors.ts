import type { ErrorSchema } from '@rjsf/utils';
import type { ErrorDetail } from '../api/types';

/**
 * The server's 422 details as RJSF `extraErrors`: each message lands at the
 * field its path names ('/title', '/address/street', '/photos/0'). Paths the
 * form does not have (or '/') go to the form as a whole.
 */
export function detailsToErrorSchema(details: readonly ErrorDetail[], translate: (message: string) => string = (m) => m): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const d of details) {
    // Body-level paths ('/body/data/title') come from request validation: keep the part inside the form data.
    const path = d.path.replace(/^(\/body)?(\/data)?(?=\/|$)/, '');
    let node = root;
    for (const key of path.split('/').filter(Boolean)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const errors = ((node.__errors as string[] | undefined) ??= []);
    errors.push(translate(d.message));
  }
  return root as ErrorSchema;
}

/** The server's (English, ajv) field messages in the reader's language; unknown ones pass through. */
export function makeServerMessageTranslator(t: (key: string, o?: Record<string, unknown>) => string) {
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^is required$/, () => t('validation.required')],
    [/^is not a known field$/, () => t('validation.unknownField')],
    [/fewer than (\d+) characters/, (m) => t('validation.minLength', { count: Number(m[1]) })],
    [/more than (\d+) characters/, (m) => t('validation.maxLength', { count: Number(m[1]) })],
    [/more than (\d+) items/, (m) => t('validation.maxItems', { count: Number(m[1]) })],
    [/must match pattern/, () => t('validation.pattern')],
    [/must match format/, () => t('validation.format')],
    [/allowed values/, () => t('validation.enum')],
  ];
  return (message: string): string => {
    for (const [re, say] of rules) {
      const m = message.match(re);
      if (m) return say(m);
    }
    return message;
  };
}
