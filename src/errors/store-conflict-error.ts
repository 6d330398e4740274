import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.store-conflict';
const symbol = Symbol.for(marker);

/** A conditional write lost a race: the stored version was not the one expected. */
export class StoreConflictError extends HandrailError {
  private readonly [symbol] = true;
  readonly conversationId: string;

  constructor({ conversationId, message }: { conversationId: string; message?: string }) {
    super({
      name: 'StoreConflictError',
      message: message ?? `Conversation ${conversationId} was changed by another request.`,
    });
    this.conversationId = conversationId;
  }

  static override isInstance(error: unknown): error is StoreConflictError {
    return HandrailError.hasMarker(error, marker);
  }
}
