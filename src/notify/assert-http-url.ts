/** Throws a plain error (a configuration mistake, at construction) when `value` is not an http(s) URL. */
export function assertHttpUrl(value: string, label: string): void {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${label} is not a valid URL: ${value}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${label} must be http or https: ${value}`);
  }
}
