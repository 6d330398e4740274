import { useEffect, useRef } from 'react';
import { authorOf, handoffOf, messageText } from '../shared/message-text.js';
import type { HandrailUIMessage } from '../shared/types.js';

const authorLabels = { user: 'You', bot: 'Assistant', agent: 'Support agent', system: 'Notice' } as const;

/** The conversation as the customer sees it, newest at the bottom, announced politely. */
export function MessageList({ messages, busy }: { messages: HandrailUIMessage[]; busy: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = messages.length;
  const lastLength = messages.at(-1)?.parts.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when messages grow.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count, lastLength]);

  return (
    <div
      className="messages"
      role="log"
      aria-label="Conversation"
      aria-live="polite"
      aria-relevant="additions"
      aria-busy={busy}
      ref={scroller}
    >
      <p className="message message-bot" data-author="bot" data-greeting="">
        <span className="message-author">Assistant</span>
        Hi! I am the Northwind Outfitters assistant. Ask me about orders, shipping, returns or sizes.
      </p>
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} />
      ))}
    </div>
  );
}

function MessageItem({ message }: { message: HandrailUIMessage }) {
  const author = authorOf(message);
  const handoff = handoffOf(message);
  // A notice shows its own message; the server may repeat agent lines after it for clients without events.
  const text = author === 'system' && handoff ? handoff.message : messageText(message);
  if (!text) return null;
  const name = author === 'agent' ? (message.metadata?.agentName ?? authorLabels.agent) : authorLabels[author];
  return (
    <div
      className={`message message-${author}${handoff ? ` handoff-${handoff.status}` : ''}`}
      data-author={author}
      data-handoff-status={handoff?.status}
    >
      <span className="message-author">{name}</span>
      <span className="message-text">{text}</span>
    </div>
  );
}
