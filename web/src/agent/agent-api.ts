import type { HandoffBrief, HandrailUIMessage, Urgency } from '../shared/types.js';
import type {
  ConversationReview,
  GapReport,
  HandoffJudgement,
  JudgementInput,
  ReviewDetail,
  ReviewInput,
  ReviewQueue,
} from './judgement-types.js';

/** One entry of `GET /api/agent/queue`. */
export interface QueueEntry {
  id: string;
  state: 'queued' | 'assigned' | 'human';
  urgency: Urgency;
  reasons: Array<{ reason: string; source: string; detail: string }>;
  team: string | null;
  agentId: string | null;
  etaSeconds: number | null;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
  ticket: { id: string; email?: string } | null;
  brief: HandoffBrief | null;
}

/** A conversation as `GET /api/agent/conversations/:id` returns it. */
export interface AgentConversation {
  id: string;
  state: 'bot' | 'queued' | 'assigned' | 'human' | 'resolved';
  createdAt: string;
  updatedAt: string;
  identity?: { name?: string; email?: string };
  messages: HandrailUIMessage[];
  handoff: {
    id: string;
    createdAt?: string;
    team: string | null;
    urgency: Urgency;
    reasons?: Array<{ reason: string; source: string; detail: string; score?: number }>;
    briefSource?: 'model' | 'extractive';
    briefAt?: string;
    agentId?: string;
    claimedAt?: string;
    resolvedAt?: string;
    etaSeconds?: number;
    ticket?: { id: string; email?: string; name?: string };
    judgement?: HandoffJudgement;
  } | null;
}

/**
 * The `brief` event of the agent events route: sent whenever the handoff's brief, reasons or
 * urgency change, so the console can update the brief in place.
 */
export interface BriefEvent {
  brief: HandoffBrief | null;
  reasons: Array<{ reason: string; source: string; detail: string; score?: number }>;
  urgency: Urgency;
  briefSource?: 'model' | 'extractive';
  briefAt?: string;
}

/** Handoff metrics of `GET /api/agent/metrics` (the fields the console shows). */
export interface AgentMetrics {
  conversations: number;
  handoffs: number;
  escalationRate: number;
  timeToFirstAgentReply: { count: number; medianSeconds: number | null };
}

/** A failed agent API call, with the HTTP status and the server's error code. */
export class AgentApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'AgentApiError';
  }
}

/** The agent API at `base` (default `/api/agent`) with a bearer token. */
export function createAgentApi(token: string, base = '/api/agent') {
  async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const body = (await response.json().catch(() => null)) as
      | (T & { error?: { code?: string; message?: string } })
      | null;
    if (!response.ok || body === null) {
      throw new AgentApiError(
        body?.error?.message ?? `The server answered ${response.status}.`,
        response.status,
        body?.error?.code ?? 'http_error',
      );
    }
    return body;
  }
  const path = (id: string) => `/conversations/${encodeURIComponent(id)}`;
  return {
    queue: () => call<{ queue: QueueEntry[] }>('/queue').then((body) => body.queue),
    metrics: () => call<AgentMetrics>('/metrics'),
    conversation: (id: string) => call<{ conversation: AgentConversation; brief: HandoffBrief | null }>(path(id)),
    claim: (id: string) => call<{ state: string }>(`${path(id)}/claim`, { method: 'POST' }),
    reply: (id: string, text: string) =>
      call<{ state: string }>(`${path(id)}/messages`, { method: 'POST', body: { text } }),
    resolve: (id: string, to: 'bot' | 'closed') =>
      call<{ state: string }>(`${path(id)}/resolve`, { method: 'POST', body: { to } }),
    eventsUrl: (id: string) => `${base}${path(id)}/events?token=${encodeURIComponent(token)}`,
    judge: (id: string, judgement: JudgementInput) =>
      call<{ judgement: HandoffJudgement }>(`${path(id)}/judgement`, { method: 'POST', body: judgement }),
    reviewQueue: () => call<ReviewQueue>('/review'),
    reviewConversation: (id: string) => call<ReviewDetail>(`/review/${encodeURIComponent(id)}`),
    review: (id: string, verdict: ReviewInput) =>
      call<{ review: ConversationReview }>(`/review/${encodeURIComponent(id)}`, { method: 'POST', body: verdict }),
    gaps: () => call<GapReport>('/gaps'),
  };
}

/** The agent API client. */
export type AgentApi = ReturnType<typeof createAgentApi>;
