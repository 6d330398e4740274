import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.conversation-not-found';
const symbol = Symbol.for(marker);

/** No conversation has this id. The HTTP layer answers 404. */
export class ConversationNotFoundError extends HandrailError {
  private readonly [symbol] = true;
  readonly conversationId: string;

  constructor({ conversationId }: { conversationId: string }) {
    super({ name: 'ConversationNotFoundError', message: `No conversation with id ${conversationId}.` });
    this.conversationId = conversationId;
  }

  static override isInstance(error: unknown): error is ConversationNotFoundError {
    return HandrailError.hasMarker(error, marker);
  }
}
