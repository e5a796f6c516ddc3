/**
 * The id of a workflow, form, state, transition or role: lower-case ASCII,
 * with `.` between a plugin's name and its own part (`three-linked-office.problem`).
 * Routes that take such an id in the URL use this same rule, so every id a
 * config may declare is one the API accepts.
 */
export const definitionIdPattern = '^[a-z][a-z0-9_.-]*$';
export const definitionIdMaxLength = 100;
export const definitionIdSchema = { type: 'string', pattern: definitionIdPattern, maxLength: definitionIdMaxLength } as const;
