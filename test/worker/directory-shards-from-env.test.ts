import { describe, expect, it } from 'vitest';
import { defaultWorkerDirectoryShards, directoryShardsFromEnv } from '../../src/worker/directory-shards-from-env.js';

describe('directoryShardsFromEnv', () => {
  it('reads DIRECTORY_SHARDS, and defaults when it is unset or empty', () => {
    expect(directoryShardsFromEnv({ DIRECTORY_SHARDS: '16' })).toBe(16);
    expect(directoryShardsFromEnv({ DIRECTORY_SHARDS: ' 1 ' })).toBe(1);
    expect(directoryShardsFromEnv({})).toBe(defaultWorkerDirectoryShards);
    expect(directoryShardsFromEnv({ DIRECTORY_SHARDS: '' })).toBe(defaultWorkerDirectoryShards);
  });

  it.each([
    ['eight', /whole number/],
    ['2.5', /whole number/],
    ['0', /at least 1/],
    ['300', /at most 256/],
  ])('refuses %s', (value, message) => {
    expect(() => directoryShardsFromEnv({ DIRECTORY_SHARDS: value })).toThrow(message);
  });
});
