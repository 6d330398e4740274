import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.store-unavailable';
const symbol = Symbol.for(marker);

/** The store could not be read or written. Requests that need it answer 503. */
export class StoreUnavailableError extends HandrailError {
  private readonly [symbol] = true;

  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super({ name: 'StoreUnavailableError', message: message ?? 'The conversation store is unavailable.', cause });
  }

  static override isInstance(error: unknown): error is StoreUnavailableError {
    return HandrailError.hasMarker(error, marker);
  }
}
