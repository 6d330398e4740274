import { useChat } from '@ai-sdk/react';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { chatStatusLine, chatTexts, pageLanguage } from '../shared/chat-text.js';
import { handoffOf } from '../shared/message-text.js';
import type { ConversationState, HandoffPartData, HandrailUIMessage } from '../shared/types.js';
import {
  clearSession,
  conversationTokenHeader,
  createConversationTransport,
  newSession,
  readSession,
  type StoredSession,
  saveSession,
} from './conversation-transport.js';
import { MessageList } from './message-list.js';
import { OfflineForm } from './offline-form.js';
import { type ConversationStateEvent, useConversationEvents } from './use-conversation-events.js';

/** What `GET /api/conversations/:id` answers (the fields the page uses). */
interface PublicConversation {
  id: string;
  state: ConversationState;
  messages: HandrailUIMessage[];
}

/**
 * The customer's chat: `useChat` against `/api/chat`, with the handoff shown as it happens. The
 * conversation's id and token stay in `sessionStorage`, so a reload restores the messages
 * (`GET /api/conversations/:id`) and resumes the events of a handed-off conversation.
 */
export function ChatApp() {
  const [initial] = useState(() => {
    const stored = readSession();
    return { session: stored ?? newSession(), restoring: stored !== null };
  });
  const [session, setSession] = useState<StoredSession>(initial.session);
  const [restoring, setRestoring] = useState(initial.restoring);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const conversationId = session.id;
  const token = session.token;
  const tokenRef = useRef<string | null>(token);
  tokenRef.current = token;
  const [conversationState, setConversationState] = useState<ConversationState>('bot');
  const [inbox, setInbox] = useState<HandrailUIMessage[]>([]);
  const [input, setInput] = useState('');

  const transport = useMemo(
    () =>
      createConversationTransport({
        getToken: () => tokenRef.current,
        onToken: (issued) => {
          tokenRef.current = issued;
          setSession((current) => {
            const next = { ...current, token: issued };
            saveSession(next);
            return next;
          });
        },
      }),
    [],
  );

  const { messages, sendMessage, setMessages, status, error, clearError, stop } = useChat<HandrailUIMessage>({
    id: conversationId,
    transport,
  });
  const busy = status === 'submitted' || status === 'streaming';

  // A reload: the kept conversation's messages come back from the server. Gone or no longer ours: start over.
  useEffect(() => {
    if (!restoring) return;
    let cancelled = false;
    void (async () => {
      try {
        const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}`, {
          headers: { [conversationTokenHeader]: token },
        });
        if (cancelled) return;
        if (response.status === 404 || response.status === 401 || response.status === 403) {
          clearSession();
          setSession(newSession());
        } else if (!response.ok) {
          setRestoreError('We could not load your earlier messages. You can keep writing, or start over.');
        } else {
          const body = (await response.json()) as PublicConversation;
          if (cancelled) return;
          setMessages(body.messages);
          setConversationState(body.state);
        }
      } catch {
        if (cancelled) return;
        setRestoreError('We could not load your earlier messages. You can keep writing, or start over.');
      }
      setRestoring(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [restoring, conversationId, token, setMessages]);

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
  // The page speaks the conversation's language once a handoff part names it, else the browser's.
  const language = pageLanguage(latest?.data, typeof navigator === 'undefined' ? undefined : navigator.language);
  const ui = chatTexts[language];
  const statusLine = chatStatusLine(
    language,
    settled ? null : (latest?.data ?? null),
    withPerson ? agentName : undefined,
  );
  const needsContact = latest?.data.status === 'offline' && !latest.data.ticketId;

  function send(text: string) {
    const trimmed = text.trim();
    if (!trimmed || busy || restoring) return;
    clearError();
    saveSession(session);
    void sendMessage({ text: trimmed });
  }

  function startOver() {
    void stop();
    clearSession();
    clearError();
    setSession(newSession());
    setRestoring(false);
    setRestoreError(null);
    setConversationState('bot');
    setInbox([]);
    setInput('');
    document.getElementById('chat-input')?.focus();
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
    if (!response.ok || !body?.handoff) throw new Error(body?.error?.message ?? ui.offlineForm.notSent);
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
    <div className="chat-layout" lang={language}>
      <header className="chat-header">
        <div className="chat-title">
          <h1>
            {ui.title} <span className="subtle">{ui.demo}</span>
          </h1>
          {(messages.length > 0 || restoreError) && (
            <button type="button" className="secondary start-over" onClick={startOver}>
              {ui.startOver}
            </button>
          )}
        </div>
        <p
          className={`status-line status-${settled ? 'bot' : (latest?.data.status ?? 'bot')}`}
          role="status"
          aria-live="polite"
        >
          {restoring ? ui.loading : statusLine}
        </p>
      </header>
      <main className="chat-main">
        <MessageList messages={messages} busy={busy || restoring} text={ui} />
        {restoreError && (
          <p className="form-error" role="alert">
            {/* The one restore error the page sets, in the page's language. */}
            {ui.restoreFailed}
          </p>
        )}
        {needsContact && <OfflineForm onSubmit={submitContact} text={ui.offlineForm} />}
        {error && (
          <p className="form-error" role="alert">
            {ui.error(error.message)}
          </p>
        )}
      </main>
      <footer className="chat-footer">
        <form className="composer" onSubmit={submit}>
          <label htmlFor="chat-input" className="visually-hidden">
            {ui.messageLabel}
          </label>
          <input
            id="chat-input"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            placeholder={ui.placeholder}
            autoComplete="off"
            maxLength={8000}
          />
          <button type="submit" disabled={busy || restoring || input.trim() === ''}>
            {ui.send}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => send(ui.askForPerson)}
            disabled={busy || restoring}
          >
            {ui.talkToPerson}
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
