import { useEffect, useRef } from 'react';
import { type ChatText, chatTexts } from '../shared/chat-text.js';
import { authorOf, handoffOf, messageText } from '../shared/message-text.js';
import type { HandrailUIMessage } from '../shared/types.js';

/** The conversation as the customer sees it, newest at the bottom, announced politely. */
export function MessageList({
  messages,
  busy,
  text = chatTexts.en,
}: {
  messages: HandrailUIMessage[];
  busy: boolean;
  /** The page's strings, in its language. */
  text?: ChatText;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = messages.length;
  const lastLength = messages.at(-1)?.parts.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when messages grow.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count, lastLength]);
  // A narrower window makes the list taller: a reader at the newest message stays there.
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let pinned = true;
    const onScroll = () => {
      pinned = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
    };
    const observer = new ResizeObserver(() => {
      if (pinned) element.scrollTop = element.scrollHeight;
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);

  return (
    <div
      className="messages"
      role="log"
      aria-label={text.conversationLabel}
      aria-live="polite"
      aria-relevant="additions"
      aria-busy={busy}
      ref={scroller}
    >
      <p className="message message-bot" data-author="bot" data-greeting="">
        <span className="message-author">{text.authors.bot}</span>
        {text.greeting}
      </p>
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} authors={text.authors} />
      ))}
    </div>
  );
}

function MessageItem({ message, authors }: { message: HandrailUIMessage; authors: ChatText['authors'] }) {
  const author = authorOf(message);
  const handoff = handoffOf(message);
  // A notice shows its own message; the server may repeat agent lines after it for clients without events.
  const text = author === 'system' && handoff ? handoff.message : messageText(message);
  if (!text) return null;
  const name = author === 'agent' ? (message.metadata?.agentName ?? authors.agent) : authors[author];
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
