import { useChat } from '@ai-sdk/react';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { handoffStatusLine } from '../shared/handoff-text.js';
import { handoffOf } from '../shared/message-text.js';
import type { ConversationState, HandoffPartData, HandrailUIMessage } from '../shared/types.js';
import {
  conversationTokenHeader,
  createConversationTransport,
  newConversationToken,
} from './conversation-transport.js';
import { MessageList } from './message-list.js';
import { OfflineForm } from './offline-form.js';
import { type ConversationStateEvent, useConversationEvents } from './use-conversation-events.js';

const askForPerson = 'I would like to talk to a person, please.';

/** The customer's chat: `useChat` against `/api/chat`, with the handoff shown as it happens. */
export function ChatApp() {
  const conversationId = useMemo(() => crypto.randomUUID().replaceAll('-', ''), []);
  const firstToken = useMemo(() => newConversationToken(), []);
  const tokenRef = useRef<string | null>(firstToken);
  const [token, setToken] = useState<string | null>(firstToken);
  const [conversationState, setConversationState] = useState<ConversationState>('bot');
  const [inbox, setInbox] = useState<HandrailUIMessage[]>([]);
  const [input, setInput] = useState('');

  const transport = useMemo(
    () =>
      createConversationTransport({
        getToken: () => tokenRef.current,
        onToken: (issued) => {
          tokenRef.current = issued;
          setToken(issued);
        },
      }),
    [],
  );

  const { messages, sendMessage, setMessages, status, error, clearError } = useChat<HandrailUIMessage>({
    id: conversationId,
    transport,
  });
  const busy = status === 'submitted' || status === 'streaming';

  // Messages from the events route join the list once no answer is streaming, without duplicates.
  useEffect(() => {
    if (inbox.length === 0 || busy) return;
    setMessages((current) => {
      const known = new Set(current.map((message) => message.id));
      const fresh = inbox.filter((message) => !known.has(message.id));
      return fresh.length > 0 ? [...current, ...fresh] : current;
    });
    setInbox([]);
  }, [inbox, busy, setMessages]);

  const latest = useMemo(() => latestHandoff(messages), [messages]);
  const agentName = useMemo(() => latestAgentName(messages), [messages]);
  const handedOff = latest !== null;

  useConversationEvents({
    conversationId,
    token,
    enabled: handedOff,
    after: messages.at(-1)?.id,
    onMessage: useCallback((message: HandrailUIMessage) => setInbox((current) => [...current, message]), []),
    onState: useCallback((event: ConversationStateEvent) => setConversationState(event.state), []),
  });

  const withPerson = conversationState === 'assigned' || conversationState === 'human';
  // Once the bot has answered again after a handoff ended, the page is simply a chat with the assistant.
  const settled = latest?.data.status === 'resolved' && messages.at(-1)?.metadata?.author === 'bot';
  const statusLine = handoffStatusLine(settled ? null : (latest?.data ?? null), withPerson ? agentName : undefined);
  const needsContact = latest?.data.status === 'offline' && !latest.data.ticketId;

  function send(text: string) {
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    clearError();
    void sendMessage({ text: trimmed });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(input);
    setInput('');
  }

  async function submitContact(contact: { name?: string; email: string }) {
    const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [conversationTokenHeader]: tokenRef.current ?? '' },
      body: JSON.stringify(contact),
    });
    const body = (await response.json().catch(() => null)) as {
      handoff?: HandoffPartData;
      error?: { message?: string };
    } | null;
    if (!response.ok || !body?.handoff) throw new Error(body?.error?.message ?? 'Could not send your details.');
    const part = body.handoff;
    setMessages((current) => [
      ...current,
      {
        id: `ticket-${part.ticketId ?? crypto.randomUUID()}`,
        role: 'assistant',
        parts: [
          { type: 'data-handoff', data: part },
          { type: 'text', text: part.message },
        ],
        metadata: { author: 'system' },
      },
    ]);
  }

  return (
    <div className="chat-layout">
      <header className="chat-header">
        <h1>
          Northwind Outfitters support <span className="subtle">Handrail demo</span>
        </h1>
        <p
          className={`status-line status-${settled ? 'bot' : (latest?.data.status ?? 'bot')}`}
          role="status"
          aria-live="polite"
        >
          {statusLine}
        </p>
      </header>
      <main className="chat-main">
        <MessageList messages={messages} busy={busy} />
        {needsContact && <OfflineForm onSubmit={submitContact} />}
        {error && (
          <p className="form-error" role="alert">
            Something went wrong: {error.message}
          </p>
        )}
      </main>
      <footer className="chat-footer">
        <form className="composer" onSubmit={submit}>
          <label htmlFor="chat-input" className="visually-hidden">
            Message
          </label>
          <input
            id="chat-input"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            placeholder="Ask about shipping, returns, sizes…"
            autoComplete="off"
            maxLength={8000}
          />
          <button type="submit" disabled={busy || input.trim() === ''}>
            Send
          </button>
          <button type="button" className="secondary" onClick={() => send(askForPerson)} disabled={busy}>
            Talk to a person
          </button>
        </form>
      </footer>
    </div>
  );
}

function latestHandoff(messages: HandrailUIMessage[]): { messageId: string; data: HandoffPartData } | null {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    const data = message ? handoffOf(message) : null;
    if (message && data) return { messageId: message.id, data };
  }
  return null;
}

function latestAgentName(messages: HandrailUIMessage[]): string | undefined {
  for (let index = messages.length - 1; index >= 0; index--) {
    const metadata = messages[index]?.metadata;
    if (metadata?.author === 'agent') return metadata.agentName;
  }
  return undefined;
}
