/**
 * Heap and array buffers after garbage collection: what counts against a Worker's 128 MB. For
 * the benchmark's child processes, run with `node --expose-gc`.
 */
export function settledMemory(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let index = 0; index < 4; index++) gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
