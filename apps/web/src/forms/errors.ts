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
