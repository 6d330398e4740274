import type { HandoffPartData } from './types.js';

/** Plain-language names of escalation reasons, for people. */
export const reasonLabels: Record<string, string> = {
  crisis: 'Crisis / self-harm',
  explicit_request: 'Asked for a person',
  negative_sentiment: 'Negative sentiment',
  high_stakes: 'High-stakes matter',
  compliance: 'Compliance',
  out_of_scope: 'Out of scope',
  low_confidence: 'Bot not confident',
  repeat_failure: 'Repeated failure',
  model_decision: 'Bot escalated',
  error: 'Bot error',
};

/** The label of a reason, falling back to the reason id with spaces. */
export function reasonLabel(reason: string): string {
  return reasonLabels[reason] ?? reason.replaceAll('_', ' ');
}

/** "about 3 min" for a wait in seconds; "less than a minute" under one. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `about ${minutes} min` : `about ${Math.round(minutes / 60)} h`;
}

/** The one-line status the chat page shows for a handoff state. */
export function handoffStatusLine(data: HandoffPartData | null, agentName?: string): string {
  if (!data) return 'You are chatting with the assistant.';
  switch (data.status) {
    case 'queued':
      return data.etaSeconds !== undefined
        ? `Waiting for a person · expected wait ${formatWait(data.etaSeconds)}`
        : 'Waiting for a person';
    case 'waiting':
      return agentName ? `You are chatting with ${agentName}.` : 'Waiting for a person';
    case 'collecting':
      return 'A few details before a person takes over';
    case 'offline':
      return data.ticketId
        ? `Ticket ${data.ticketId} created: we will reply by email`
        : 'Our team is offline right now';
    case 'assigned':
    case 'agent_message':
      return agentName ? `You are chatting with ${agentName}.` : 'A person has joined the conversation.';
    case 'resolved':
      return 'Back to the assistant.';
  }
}

/** "2 min ago" from an ISO time and now. */
export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}
