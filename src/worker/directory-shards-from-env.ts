import { z } from 'zod';
import { maxDirectoryShards } from '../store/directory-shards.js';
import type { WorkerBindings } from './env.js';

/** Directory shards of the Worker when `DIRECTORY_SHARDS` is unset or empty. */
export const defaultWorkerDirectoryShards = 8;

const shardsSchema = z.coerce
  .number({ error: 'DIRECTORY_SHARDS must be a whole number' })
  .int('DIRECTORY_SHARDS must be a whole number')
  .min(1, 'DIRECTORY_SHARDS must be at least 1')
  .max(maxDirectoryShards, `DIRECTORY_SHARDS must be at most ${maxDirectoryShards}`);

/**
 * How many directory objects the Worker spreads its queue index over (`DIRECTORY_SHARDS`, a
 * `wrangler.toml` var): unset or empty, {@link defaultWorkerDirectoryShards}. Anything but a whole
 * number from 1 to 256 throws (a configuration mistake). Raise it, never lower it.
 */
export function directoryShardsFromEnv(env: Pick<WorkerBindings, 'DIRECTORY_SHARDS'>): number {
  const raw = env.DIRECTORY_SHARDS?.trim();
  if (!raw) return defaultWorkerDirectoryShards;
  const parsed = shardsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'DIRECTORY_SHARDS is invalid');
  return parsed.data;
}
