import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.api';
const symbol = Symbol.for(marker);

/**
 * A Handrail route refused a client's request (`handrail/client`): the HTTP status and the
 * `{ error: { code, message } }` the server answered, e.g. 403 `invalid_conversation_token`.
 */
export class HandrailApiError extends HandrailError {
  private readonly [symbol] = true;
  readonly status: number;
  readonly code: string;

  constructor({ status, code, message }: { status: number; code: string; message: string }) {
    super({ name: 'HandrailApiError', message });
    this.status = status;
    this.code = code;
  }

  /** The error of a response that is not ok, from its JSON body when it has one. */
  static async fromResponse(response: Response): Promise<HandrailApiError> {
    const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
    const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`;
    const message =
      typeof body?.error?.message === 'string' ? body.error.message : `Handrail answered ${response.status}.`;
    return new HandrailApiError({ status: response.status, code, message });
  }

  static override isInstance(error: unknown): error is HandrailApiError {
    return HandrailError.hasMarker(error, marker);
  }
}
