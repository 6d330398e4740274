// A complete React front end for Handrail mounted at /api (see the README's "Mount it in your Hono
// app"). Type-checked with the project (`npm run typecheck`); the README copies it.
import { useChat } from '@ai-sdk/react';
import { createHandrailTransport, type HandrailUIMessage } from 'handrail/client';
import { useHandrailChat } from 'handrail/client/react';
import { type FormEvent, useState } from 'react';

/** The whole experience: answers, the handoff, agents' replies as they happen, a reload that continues. */
export function SupportChat() {
  const { messages, sendMessage, status, handoff, conversationState, startOver } = useHandrailChat({
    transport: { api: '/api/chat', storage: 'session' },
  });
  const [input, setInput] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (input.trim()) void sendMessage({ text: input });
    setInput('');
  }

  return (
    <section>
      <p role="status">
        {conversationState === 'bot' ? 'Chatting with the assistant' : `Handoff: ${handoff?.status ?? 'queued'}`}
      </p>
      <ul>
        {messages.map((message) => (
          <li key={message.id} data-author={message.metadata?.author ?? message.role}>
            {message.metadata?.agentName ? `${message.metadata.agentName}: ` : ''}
            {textOf(message)}
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <input value={input} onChange={(event) => setInput(event.target.value)} aria-label="Message" />
        <button type="submit" disabled={status === 'submitted' || status === 'streaming'}>
          Send
        </button>
        <button type="button" onClick={startOver}>
          Start over
        </button>
      </form>
    </section>
  );
}

/** Plain `useChat` with Handrail's transport: every message after the first keeps its token. */
export function StockUseChat() {
  const [transport] = useState(() => createHandrailTransport({ api: '/api/chat' }));
  const { messages, sendMessage } = useChat({ id: transport.session.conversationId, transport });
  return (
    <section>
      {messages.map((message) => (
        <p key={message.id}>{textOf(message)}</p>
      ))}
      <button type="button" onClick={() => void sendMessage({ text: 'Where is my order?' })}>
        Ask
      </button>
    </section>
  );
}

function textOf(message: HandrailUIMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
