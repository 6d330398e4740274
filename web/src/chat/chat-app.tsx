import { type FormEvent, useMemo, useState } from 'react';
import { HandrailApiError } from '../../../src/client/index.js';
import { useHandrailChat } from '../../../src/client/react/index.js';
import { chatStatusLine, chatTexts, pageLanguage } from '../shared/chat-text.js';
import type { HandrailUIMessage } from '../shared/types.js';
import { MessageList } from './message-list.js';
import { OfflineForm } from './offline-form.js';

/**
 * The customer's chat: `useChat` against `/api/chat` through the shipped client
 * (`handrail/client/react`), with the handoff shown as it happens. The conversation's id and token
 * stay in `sessionStorage`, so a reload restores the messages (`GET /api/conversations/:id`) and
 * resumes the events of a handed-off conversation.
 */
export function ChatApp() {
  const [input, setInput] = useState('');
  const {
    messages,
    sendMessage,
    status,
    error,
    clearError,
    handoff: latest,
    conversationState,
    restoring,
    restoreError,
    startOver: startNewConversation,
    submitContact: leaveContact,
  } = useHandrailChat({ transport: { api: '/api/chat', storage: 'session' } });
  const busy = status === 'submitted' || status === 'streaming';
  const agentName = useMemo(() => latestAgentName(messages), [messages]);

  const withPerson = conversationState === 'assigned' || conversationState === 'human';
  // Once the bot has answered again after a handoff ended, the page is simply a chat with the assistant.
  const settled = latest?.status === 'resolved' && messages.at(-1)?.metadata?.author === 'bot';
  // The page speaks the conversation's language once a handoff part names it, else the browser's.
  const language = pageLanguage(latest, typeof navigator === 'undefined' ? undefined : navigator.language);
  const ui = chatTexts[language];
  const statusLine = chatStatusLine(language, settled ? null : latest, withPerson ? agentName : undefined);
  const needsContact = latest?.status === 'offline' && !latest.ticketId;

  function send(text: string) {
    const trimmed = text.trim();
    if (!trimmed || busy || restoring) return;
    clearError();
    void sendMessage({ text: trimmed });
  }

  function startOver() {
    startNewConversation();
    setInput('');
    document.getElementById('chat-input')?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(input);
    setInput('');
  }

  async function submitContact(contact: { name?: string; email: string }) {
    try {
      await leaveContact(contact);
    } catch (failure) {
      // The server's own words when it gave a reason, else the page's.
      const reason = HandrailApiError.isInstance(failure) && !failure.code.startsWith('http_') ? failure.message : null;
      throw new Error(reason ?? ui.offlineForm.notSent);
    }
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
          className={`status-line status-${settled ? 'bot' : (latest?.status ?? 'bot')}`}
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

function latestAgentName(messages: HandrailUIMessage[]): string | undefined {
  for (let index = messages.length - 1; index >= 0; index--) {
    const metadata = messages[index]?.metadata;
    if (metadata?.author === 'agent') return metadata.agentName;
  }
  return undefined;
}
