import type { z } from 'zod';

/**
 * A desk's invalid options in one line, each problem as `path: message` (`options` for the object
 * itself), joined with `; `, for the `TypeError` its factory throws.
 */
export function optionProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'options'}: ${issue.message}`).join('; ');
}
