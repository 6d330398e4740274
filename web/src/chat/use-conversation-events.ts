import { useEffect, useRef } from 'react';
import type { ConversationState, HandrailUIMessage } from '../shared/types.js';

/** A `state` event of the conversation events route. */
export interface ConversationStateEvent {
  state: ConversationState;
  handoff: { id?: string; team?: string | null; urgency?: string; agentId?: string; etaSeconds?: number } | null;
}

/**
 * Listens to `GET /api/conversations/:id/events` while `enabled`: agent messages and
 * Handrail's notices arrive as `message` events, state changes as `state` events.
 * `after` is the last message id the page already has, so nothing in between is lost.
 */
export function useConversationEvents(options: {
  conversationId: string;
  token: string | null;
  enabled: boolean;
  after: string | undefined;
  onMessage: (message: HandrailUIMessage) => void;
  onState: (event: ConversationStateEvent) => void;
}) {
  const { conversationId, token, enabled } = options;
  const handlers = useRef(options);
  handlers.current = options;
  const open = enabled && token !== null;

  // `after` is read from the ref once, when the stream opens.
  useEffect(() => {
    if (!open || !token) return;
    const query = new URLSearchParams({ token });
    const after = handlers.current.after;
    if (after) query.set('after', after);
    const source = new EventSource(`/api/conversations/${encodeURIComponent(conversationId)}/events?${query}`);
    source.addEventListener('message', (event) => {
      handlers.current.onMessage(JSON.parse((event as MessageEvent<string>).data) as HandrailUIMessage);
    });
    source.addEventListener('state', (event) => {
      handlers.current.onState(JSON.parse((event as MessageEvent<string>).data) as ConversationStateEvent);
    });
    return () => source.close();
  }, [open, token, conversationId]);
}
