import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.missing-peer-dependency';
const symbol = Symbol.for(marker);

/**
 * An optional peer dependency that a feature needs is not installed (`@ai-sdk/openai` for
 * `resolveModel` with a key, the OpenTelemetry and Langfuse packages for the Langfuse tracer).
 * The message names the feature and the `npm install` line that fixes it.
 */
export class MissingPeerDependencyError extends HandrailError {
  private readonly [symbol] = true;
  /** The packages to install. */
  readonly packages: readonly string[];

  constructor({ feature, packages, cause }: { feature: string; packages: readonly string[]; cause?: unknown }) {
    super({
      name: 'MissingPeerDependencyError',
      message: `${feature} needs ${packages.join(', ')} (optional peer ${packages.length === 1 ? 'dependency' : 'dependencies'} of handrail), which could not be loaded. Install ${packages.length === 1 ? 'it' : 'them'}: npm install ${packages.join(' ')}`,
      cause,
    });
    this.packages = packages;
  }

  static override isInstance(error: unknown): error is MissingPeerDependencyError {
    return HandrailError.hasMarker(error, marker);
  }
}
