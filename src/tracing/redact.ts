/** Masks PII in a value before it leaves the process. Must not throw; if it does, the value is dropped. */
export type Redact = (value: unknown) => unknown;

/** Placeholder recorded when the redact function throws: the raw value is never sent. */
export const redactionFailed = '<redaction failed>';

/** Applies `redact` to `value` (identity without one), never throwing and never leaking on failure. */
export function applyRedact(redact: Redact | undefined, value: unknown): unknown {
  if (!redact || value === undefined) return value;
  try {
    return redact(value);
  } catch {
    return redactionFailed;
  }
}
