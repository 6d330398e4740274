import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.handoff-state';
const symbol = Symbol.for(marker);

/** An agent action that the conversation's state does not allow (claimed by another agent, not handed off). The HTTP layer answers 409. */
export class HandoffStateError extends HandrailError {
  private readonly [symbol] = true;
  readonly code: string;

  constructor({ code, message }: { code: string; message: string }) {
    super({ name: 'HandoffStateError', message });
    this.code = code;
  }

  static override isInstance(error: unknown): error is HandoffStateError {
    return HandrailError.hasMarker(error, marker);
  }
}
