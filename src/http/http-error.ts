import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error answer: `{ error: { code, message, issues? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

/** An `HTTPException` whose response is the JSON error body, with any extra `headers`. */
export function httpError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: ErrorBody['error']['issues'],
  headers?: Record<string, string>,
): HTTPException {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return new HTTPException(status, {
    message,
    res: new Response(JSON.stringify(body), {
      status,
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
    }),
  });
}

/** Turns zod issues into `{ path, message }` pairs for an error body. */
export function zodIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
  return issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
