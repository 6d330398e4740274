import type { HandoffEventType } from '../notify/index.js';
import { type HandoffPhase, handoffPhases, openHandoffPhases } from './handoff-phase.js';
import type { HandoffTransitionEventType } from './handoff-transition-event.js';

/**
 * One allowed transition: an event, the phases it is allowed from, the phase it leads to
 * (`unchanged`: the one it came from) and exactly the notifications it writes to the outbox.
 */
export interface TransitionRule {
  event: HandoffTransitionEventType;
  from: readonly HandoffPhase[];
  to: HandoffPhase | 'unchanged';
  notifications: readonly HandoffEventType[];
  /** When this row applies rather than another row of the same event and phase. */
  when: string;
}

const open = openHandoffPhases;
const announced = open.filter((phase) => phase !== 'collecting');
const unclaimed: readonly HandoffPhase[] = ['collecting', 'queued', 'awaiting_contact', 'ticket'];

/** The rows of a handoff that completes (routed and announced). */
function routedRows(
  event: HandoffTransitionEventType,
  from: readonly HandoffPhase[],
  prefix: string,
): TransitionRule[] {
  return [
    { event, from, to: 'queued', notifications: ['handoff.created'], when: `${prefix}someone is available` },
    {
      event,
      from,
      to: 'ticket',
      notifications: ['ticket.created'],
      when: `${prefix}nobody is available and the email is known (or a ticket was opened meanwhile)`,
    },
    {
      event,
      from,
      to: 'awaiting_contact',
      notifications: ['handoff.created'],
      when: `${prefix}nobody is available and no email is known`,
    },
    // Only a handoff that was collecting can have a ticket opened meanwhile.
    ...(from.includes('collecting')
      ? [
          {
            event,
            from,
            to: 'awaiting_contact' as const,
            notifications: ['ticket.created' as const],
            when: `${prefix}nobody is available, no email is known, and a ticket without one was opened meanwhile`,
          },
        ]
      : []),
  ];
}

/**
 * What is allowed from where: every transition {@link applyHandoffEvent} accepts matches one
 * row (its event, the phase before, the phase after and its notifications); an event from a
 * phase no row lists is rejected.
 */
export const transitionTable: readonly TransitionRule[] = [
  { event: 'escalate', from: ['bot', 'resolved'], to: 'collecting', notifications: [], when: 'a question comes first' },
  ...routedRows('escalate', ['bot', 'resolved'], 'no question is needed and '),
  { event: 'question_answered', from: ['collecting'], to: 'collecting', notifications: [], when: 'another question' },
  ...routedRows('question_answered', ['collecting'], 'the questions are done and '),
  {
    event: 'contact_submitted',
    from: ['queued', 'awaiting_contact'],
    to: 'ticket',
    notifications: ['ticket.created'],
    when: 'the ticket opens',
  },
  {
    event: 'contact_submitted',
    from: ['awaiting_contact'],
    to: 'ticket',
    notifications: [],
    when: 'a ticket without an email was opened while collecting: the email completes it',
  },
  {
    event: 'contact_submitted',
    from: ['collecting', 'assigned', 'human'],
    to: 'unchanged',
    notifications: ['ticket.created'],
    when: 'no ticket yet: it opens',
  },
  {
    event: 'contact_submitted',
    from: ['collecting', 'ticket', 'assigned', 'human'],
    to: 'unchanged',
    notifications: [],
    when: 'the ticket is open already',
  },
  { event: 'claim', from: unclaimed, to: 'assigned', notifications: ['handoff.claimed'], when: 'nobody has it' },
  {
    event: 'agent_message',
    from: ['assigned', 'human'],
    to: 'human',
    notifications: [],
    when: 'by the agent who has it',
  },
  {
    event: 'user_message',
    from: announced,
    to: 'unchanged',
    notifications: ['user_message.created'],
    when: 'people have it, announced (for the desks that mirror it)',
  },
  {
    event: 'user_message',
    from: ['assigned', 'human'],
    to: 'unchanged',
    notifications: [],
    when: 'claimed while collecting, never announced',
  },
  {
    event: 'user_message',
    from: ['bot', 'collecting', 'resolved'],
    to: 'unchanged',
    notifications: [],
    when: 'not announced to people',
  },
  {
    event: 'raise_to_crisis',
    from: announced,
    to: 'unchanged',
    notifications: ['handoff.escalated'],
    when: 'not critical yet',
  },
  {
    event: 'raise_to_crisis',
    from: ['assigned', 'human'],
    to: 'unchanged',
    notifications: [],
    when: 'not critical yet, claimed while collecting, never announced',
  },
  ...routedRows('raise_to_crisis', ['collecting'], 'the questions stop and '),
  { event: 'brief_updated', from: announced, to: 'unchanged', notifications: [], when: 'reasons or brief changed' },
  {
    event: 'brief_ready',
    from: handoffPhases,
    to: 'unchanged',
    notifications: ['handoff.brief_ready'],
    when: 'the model wrote it',
  },
  {
    event: 'brief_ready',
    from: handoffPhases,
    to: 'unchanged',
    notifications: [],
    when: 'the model failed: the error is recorded',
  },
  {
    event: 'resolve_to_bot',
    from: open,
    to: 'bot',
    notifications: ['handoff.resolved'],
    when: 'by its agent, or anyone while unclaimed',
  },
  {
    event: 'close',
    from: open,
    to: 'resolved',
    notifications: ['handoff.resolved'],
    when: 'by its agent, or anyone while unclaimed',
  },
];

/** The rows that match a transition that happened (normally exactly one). */
export function matchingRules(
  event: HandoffTransitionEventType,
  from: HandoffPhase,
  to: HandoffPhase,
  notifications: readonly string[],
): TransitionRule[] {
  return transitionTable.filter(
    (rule) =>
      rule.event === event &&
      rule.from.includes(from) &&
      (rule.to === 'unchanged' ? to === from : rule.to === to) &&
      rule.notifications.length === notifications.length &&
      rule.notifications.every((type, index) => notifications[index] === type),
  );
}

/** True when some row allows `event` from `from`. */
export function isAllowedFrom(event: HandoffTransitionEventType, from: HandoffPhase): boolean {
  return transitionTable.some((rule) => rule.event === event && rule.from.includes(from));
}

/** The table as Markdown (the section of `docs/architecture.md` between its marker comments). */
export function renderTransitionTable(table: readonly TransitionRule[] = transitionTable): string {
  const cell = (values: readonly string[]) =>
    values.length > 0 ? values.map((value) => `\`${value}\``).join(', ') : '—';
  const lines = [
    '| Event | From | To | Notifications | When |',
    '| --- | --- | --- | --- | --- |',
    ...table.map(
      (rule) =>
        `| \`${rule.event}\` | ${cell(rule.from)} | ${rule.to === 'unchanged' ? 'unchanged' : `\`${rule.to}\``} | ${cell(rule.notifications)} | ${rule.when} |`,
    ),
  ];
  return lines.join('\n');
}
