import { useEffect, useRef } from 'react';
import { authorOf, handoffOf, messageText } from '../shared/message-text.js';
import type { HandrailUIMessage } from '../shared/types.js';

const labels = { user: 'Customer', bot: 'Bot', agent: 'Agent', system: 'Handrail' } as const;

/** The whole conversation for the agent, oldest first, in its own scroll area kept at the newest. */
export function TranscriptView({ messages }: { messages: HandrailUIMessage[] }) {
  const scroller = useRef<HTMLElement>(null);
  const count = messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a message arrives.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);
  return (
    <section className="card transcript-card" aria-labelledby="transcript-title" ref={scroller}>
      <h2 id="transcript-title">Transcript</h2>
      <ol className="transcript" aria-label="Transcript">
        {messages.map((message) => {
          const author = authorOf(message);
          const handoff = handoffOf(message);
          const text = author === 'system' && handoff ? handoff.message : messageText(message);
          if (!text) return null;
          const at = message.metadata?.createdAt;
          return (
            <li key={message.id} className={`turn turn-${author}`} data-author={author}>
              <span className="turn-meta">
                <strong>{author === 'agent' ? (message.metadata?.agentName ?? labels.agent) : labels[author]}</strong>
                {at && (
                  <time dateTime={at}>
                    {new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                  </time>
                )}
              </span>
              <span className="turn-text">{text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
