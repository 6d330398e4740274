import { createHash } from 'node:crypto';

/**
 * Deterministic split used by `scripts/build-guard-model.ts` and the evaluation gate: a case
 * whose id hashes (sha256) to an even first byte is in the calibration ("train") half; the rest
 * is held out.
 */
export function isTrainCase(id: string): boolean {
  return createHash('sha256').update(id).digest()[0]! % 2 === 0;
}
