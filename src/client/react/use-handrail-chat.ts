import { type UseChatHelpers, useChat } from '@ai-sdk/react';
import type { ChatInit } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ConversationState, HandoffPartData, HandrailUIMessage } from '../../chat/conversation.js';
import type { ConversationSession } from '../conversation-session.js';
import { createHandrailTransport, type HandrailTransport } from '../handrail-transport.js';
import type { HandrailTransportOptions } from '../handrail-transport-options.js';
import { latestHandoff, mergeMessages } from '../merge-messages.js';

/** Options of {@link useHandrailChat}: `useChat`'s, minus `id` and `transport`, plus Handrail's. */
export interface UseHandrailChatOptions extends Omit<ChatInit<HandrailUIMessage>, 'id' | 'transport'> {
  /** A transport made with `createHandrailTransport`, or the options to make one (once). */
  transport?: HandrailTransport | HandrailTransportOptions;
  /**
   * When to listen to the conversation's live events (agents' replies, notices, state):
   * `handoff` once the conversation has been handed off, `always`, or never (`false`).
   * @default 'handoff'
   */
  live?: 'handoff' | 'always' | false;
  /** Load the messages of a conversation kept in `storage` (a reload). @default true */
  restore?: boolean;
  /** `useChat`'s throttle of message updates, in milliseconds. */
  throttle?: number;
}

/** What {@link useHandrailChat} returns: `useChat`'s helpers and the conversation around them. */
export type UseHandrailChatHelpers = UseChatHelpers<HandrailUIMessage> & {
  transport: HandrailTransport;
  conversationId: string;
  /** Where the conversation is: `bot`, `queued`, `assigned`, `human` or `resolved`. */
  conversationState: ConversationState;
  /** The newest handoff part in the messages (what the user was last told about the handoff), or null. */
  handoff: HandoffPartData | null;
  /** True while a kept conversation's messages are loading. */
  restoring: boolean;
  /** Why the kept conversation could not be loaded (the chat still works). */
  restoreError: Error | null;
  /** A new conversation: the stream stopped, the kept one forgotten, no messages. */
  startOver(): void;
  /** Leaves name and email for an offline team; the ticket's notice joins the messages. */
  submitContact(contact: { name?: string; email: string }): Promise<HandoffPartData>;
};

/**
 * `useChat` for Handrail: the token-keeping transport, agents' replies and Handrail's notices
 * merged into `messages` as they happen (no new POST needed), the conversation's state, and a
 * reload that continues the conversation when the transport keeps it in `storage`.
 *
 * @example
 * ```tsx
 * const { messages, sendMessage, handoff } = useHandrailChat({ transport: { api: '/api/chat', storage: 'session' } });
 * ```
 */
export function useHandrailChat(options: UseHandrailChatOptions = {}): UseHandrailChatHelpers {
  const { transport: given, live = 'handoff', restore = true, throttle, ...chatInit } = options;
  const [transport] = useState(() => (isTransport(given) ? given : createHandrailTransport(given)));
  const session = useSyncExternalStore(
    transport.subscribe,
    () => transport.session,
    () => transport.session,
  );
  const chat = useChat<HandrailUIMessage>({
    ...chatInit,
    ...(throttle !== undefined ? { throttle } : {}),
    id: session.conversationId,
    transport,
  });
  const { setMessages, stop, clearError } = chat;
  const [conversationState, setConversationState] = useState<ConversationState>('bot');
  const restored = useRestoredConversation(transport, restore, setMessages, setConversationState);
  const handoff = useMemo(() => latestHandoff(chat.messages), [chat.messages]);
  useLiveMessages({
    transport,
    session,
    enabled: !restored.restoring && (live === 'always' || (live === 'handoff' && handoff !== null)),
    busy: chat.status === 'submitted' || chat.status === 'streaming',
    after: chat.messages.at(-1)?.id,
    setMessages,
    onState: setConversationState,
  });

  const stopRestoring = restored.stop;
  const startOver = useCallback(() => {
    void stop();
    clearError();
    stopRestoring();
    transport.reset();
    setConversationState('bot');
  }, [stop, clearError, stopRestoring, transport]);

  const submitContact = useCallback(
    async (contact: { name?: string; email: string }) => {
      const part = await transport.submitContact(contact);
      const notice: HandrailUIMessage = {
        id: `ticket-${part.ticketId ?? crypto.randomUUID()}`,
        role: 'assistant',
        parts: [
          { type: 'data-handoff', data: part },
          { type: 'text', text: part.message },
        ],
        metadata: { author: 'system' },
      };
      setMessages((current) => mergeMessages(current, [notice]));
      return part;
    },
    [transport, setMessages],
  );

  return {
    ...chat,
    transport,
    conversationId: session.conversationId,
    conversationState,
    handoff,
    restoring: restored.restoring,
    restoreError: restored.error,
    startOver,
    submitContact,
  };
}

function isTransport(value: UseHandrailChatOptions['transport']): value is HandrailTransport {
  return typeof value === 'object' && value !== null && typeof (value as HandrailTransport).sendMessages === 'function';
}

/** Loads a kept conversation's messages once; a conversation gone or no longer this client's starts over. */
function useRestoredConversation(
  transport: HandrailTransport,
  enabled: boolean,
  setMessages: (messages: HandrailUIMessage[]) => void,
  setState: (state: ConversationState) => void,
) {
  const [restoring, setRestoring] = useState(() => enabled && transport.restored);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!restoring) return;
    const controller = new AbortController();
    transport.loadConversation({ signal: controller.signal }).then(
      (conversation) => {
        if (controller.signal.aborted) return;
        if (conversation) {
          setMessages(conversation.messages);
          setState(conversation.state);
        } else {
          transport.reset();
        }
        setRestoring(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setRestoring(false);
      },
    );
    return () => controller.abort();
  }, [restoring, transport, setMessages, setState]);
  const stop = useCallback(() => {
    setRestoring(false);
    setError(null);
  }, []);
  return { restoring, error, stop };
}

/**
 * Listens to the conversation's events while `enabled` and merges the messages into the chat
 * once no answer is streaming (a message pushed mid-stream would split the streamed one).
 */
function useLiveMessages(options: {
  transport: HandrailTransport;
  session: ConversationSession;
  enabled: boolean;
  busy: boolean;
  after: string | undefined;
  setMessages: (update: (messages: HandrailUIMessage[]) => HandrailUIMessage[]) => void;
  onState: (state: ConversationState) => void;
}) {
  const { transport, session, enabled, busy, setMessages } = options;
  const [inbox, setInbox] = useState<HandrailUIMessage[]>([]);
  const latest = useRef(options);
  latest.current = options;
  const open = enabled && session.token !== null;

  // `after` is read once, when the stream opens: the server sends what came since.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session (id or token) needs a new subscription.
  useEffect(() => {
    if (!open) return;
    const subscription = transport.subscribeEvents({
      after: latest.current.after,
      onMessage: (message) => setInbox((current) => [...current, message]),
      onState: (event) => latest.current.onState(event.state),
    });
    return () => {
      subscription.close();
      setInbox([]);
    };
  }, [open, transport, session]);

  useEffect(() => {
    if (inbox.length === 0 || busy) return;
    setMessages((current) => mergeMessages(current, inbox));
    setInbox([]);
  }, [inbox, busy, setMessages]);
}
