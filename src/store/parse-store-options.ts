import type { z } from 'zod';

/**
 * `options` as `schema` reads them, or an Error naming the factory and the first bad option
 * (`createMemoryStore: retentionMs must be a positive number of milliseconds or Infinity.`).
 */
export function parseStoreOptions<Schema extends z.ZodType>(
  factory: string,
  schema: Schema,
  options: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${factory}: ${issue?.path.join('.') || 'options'} ${issue?.message ?? 'are invalid'}.`);
  }
  return parsed.data;
}
