import { authorOf } from '../shared/message-text.js';
import type { HandrailUIMessage } from '../shared/types.js';
import { turnText } from './brief-text.js';

const labels = { user: 'Customer', bot: 'Bot', agent: 'Agent', system: 'Handrail' } as const;

/** The DOM id of a transcript turn, so the brief can point at it. */
export const turnElementId = (messageId: string) => `turn-${messageId}`;

/**
 * The whole conversation for the agent, oldest first, in the page's own flow (no inner scroll,
 * no jump to the bottom): the turn that triggered the handoff is marked.
 */
export function TranscriptView({ messages, triggerId }: { messages: HandrailUIMessage[]; triggerId?: string }) {
  return (
    <section className="card transcript-card" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <ol className="transcript" aria-label="Transcript">
        {messages.map((message) => {
          const author = authorOf(message);
          const text = turnText(message);
          if (!text) return null;
          const at = message.metadata?.createdAt;
          const trigger = message.id === triggerId;
          return (
            <li
              key={message.id}
              id={turnElementId(message.id)}
              tabIndex={-1}
              className={`turn turn-${author}${trigger ? ' turn-trigger' : ''}`}
              data-author={author}
              data-trigger={trigger ? '' : undefined}
            >
              <span className="turn-meta">
                <strong>{author === 'agent' ? (message.metadata?.agentName ?? labels.agent) : labels[author]}</strong>
                {at && (
                  <time dateTime={at}>
                    {new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                  </time>
                )}
                {trigger && <span className="trigger-label">Triggered the handoff</span>}
              </span>
              <span className="turn-text">{text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
