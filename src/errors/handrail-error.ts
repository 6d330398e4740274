const marker = 'handrail.error';
const symbol = Symbol.for(marker);

/**
 * Base class of every error Handrail throws. `isInstance` works across bundles and
 * realms (a Worker and its Durable Object), where `instanceof` does not.
 */
export class HandrailError extends Error {
  private readonly [symbol] = true;

  constructor({ name, message, cause }: { name: string; message: string; cause?: unknown }) {
    super(message, { cause });
    this.name = name;
  }

  static isInstance(error: unknown): error is HandrailError {
    return HandrailError.hasMarker(error, marker);
  }

  protected static hasMarker(error: unknown, markerName: string): boolean {
    const markerSymbol = Symbol.for(markerName);
    return (
      error != null &&
      typeof error === 'object' &&
      markerSymbol in error &&
      (error as Record<symbol, unknown>)[markerSymbol] === true
    );
  }
}
