import { MissingPeerDependencyError } from './errors/missing-peer-dependency-error.js';

/**
 * Runs `load` (a dynamic `import()` with a literal specifier, so bundlers still see it) and turns
 * "module not found" for one of `packages` into a {@link MissingPeerDependencyError} that says what
 * to install. Any other failure is rethrown as it is.
 *
 * @example
 * const { createOpenAI } = await loadOptionalPeer('resolveModel', ['@ai-sdk/openai'], () => import('@ai-sdk/openai'));
 */
export async function loadOptionalPeer<T>(
  feature: string,
  packages: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw missingPeerError(error, feature, packages);
  }
}

/** `error` as a {@link MissingPeerDependencyError} when it says one of `packages` is not installed, else as it is. */
export function missingPeerError(error: unknown, feature: string, packages: readonly string[]): unknown {
  return isMissingPackage(error, packages)
    ? new MissingPeerDependencyError({ feature, packages, cause: error })
    : error;
}

function isMissingPackage(error: unknown, packages: readonly string[]): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return (
    typeof message === 'string' &&
    packages.some((name) => message.includes(`'${name}'`) || message.includes(`"${name}"`))
  );
}
