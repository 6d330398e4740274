/**
 * A local fake of the parts of Chatwoot the Chatwoot desk uses, written from Chatwoot's public
 * references (https://developers.chatwoot.com/api-reference, webhook events at
 * https://www.chatwoot.com/docs/product/others/webhook-events): the application API under
 * `/api/v1/accounts/{account_id}/conversations/{id}` (messages, labels, toggle_priority,
 * assignments, toggle_status) authenticated by the `api_access_token` header, with an Agent Bot
 * token limited to messages and status; and the Agent Bot webhooks Chatwoot sends
 * (`message_created`, `conversation_status_changed`) to the bot's URL.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChatwootSender {
  id: number;
  name: string;
  email?: string;
  type: 'contact' | 'user' | 'agent_bot';
}

export interface FakeChatwootMessage {
  id: number;
  content: string;
  message_type: 'incoming' | 'outgoing' | 'activity';
  private: boolean;
  sender: FakeChatwootSender;
  created_at: number;
}

export interface FakeChatwootConversation {
  id: number;
  inbox_id: number;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  priority: 'urgent' | 'high' | 'medium' | 'low' | null;
  labels: string[];
  team_id: number | null;
  assignee: FakeChatwootSender | null;
  contact: FakeChatwootSender;
  messages: FakeChatwootMessage[];
}

export interface FakeChatwootRequest {
  method: string;
  path: string;
  token: string | undefined;
  body: unknown;
  status: number;
}

/** A JSON request body as the fake reads it. */
export type FakeChatwootBody = {
  content?: unknown;
  message_type?: unknown;
  private?: unknown;
  labels?: unknown;
  priority?: unknown;
  team_id?: unknown;
  status?: unknown;
} | null;

/** What {@link FakeChatwoot.failNext} picks from. */
export interface FakeChatwootCall {
  method: string;
  path: string;
  body: FakeChatwootBody;
}

export interface FakeChatwootOptions {
  accountId: number;
  inboxId: number;
  botToken: string;
  userToken: string;
  /** Team ids that exist in the account. */
  teams?: number[];
}

export interface FakeChatwoot {
  /** The installation's base URL (`http://127.0.0.1:port`). */
  baseUrl: string;
  requests: FakeChatwootRequest[];
  /** Webhooks sent to the bot, with the status the bot answered. */
  webhooks: Array<{ payload: Record<string, unknown>; status: number }>;
  conversation(id: number): FakeChatwootConversation | undefined;
  /** Sets the Agent Bot's webhook URL (the `outgoing_url`). */
  connectBot(url: string): void;
  /** The next `count` API calls (those `which` picks, by default all) answer `status` (500 by default). */
  failNext(count: number, status?: number, which?: (request: FakeChatwootCall) => boolean): void;
  /** While down, every API call gets its connection dropped. */
  setDown(down: boolean): void;
  /** A customer writes in the bot's inbox (a new conversation when `conversationId` is omitted). */
  customerWrites(input: {
    conversationId?: number;
    text: string;
    contact?: { name: string; email?: string };
  }): Promise<{
    conversationId: number;
    messageId: number;
    /** Sends the same `message_created` webhook again, as a redelivery would. */
    redeliver(): Promise<number>;
  }>;
  /** An agent takes the conversation (assignee), as in Chatwoot's "Assign to me". */
  agentAssigns(conversationId: number, agent: { id: number; name: string }): Promise<void>;
  /** An agent replies to the customer from Chatwoot. */
  agentReplies(conversationId: number, agent: { id: number; name: string }, text: string): Promise<void>;
  /** An agent resolves the conversation. */
  agentResolves(conversationId: number): Promise<void>;
  /** Resolves when the webhooks sent so far have been answered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const botSender: FakeChatwootSender = { id: 1, name: 'Handrail Bot', type: 'agent_bot' };
const adminSender: FakeChatwootSender = { id: 7, name: 'Admin', email: 'admin@example.com', type: 'user' };

export async function startFakeChatwoot(options: FakeChatwootOptions): Promise<FakeChatwoot> {
  const conversations = new Map<number, FakeChatwootConversation>();
  const requests: FakeChatwootRequest[] = [];
  const webhooks: FakeChatwoot['webhooks'] = [];
  const inFlight = new Set<Promise<unknown>>();
  let botUrl: string | undefined;
  let failures = 0;
  let failureStatus = 500;
  let failureFilter: (request: FakeChatwootCall) => boolean = () => true;
  let down = false;
  let nextConversation = 100;
  let nextMessage = 5000;
  let nextContact = 900;
  const now = () => Math.floor(Date.now() / 1000);

  function conversationPayload(conversation: FakeChatwootConversation) {
    return {
      id: conversation.id,
      account_id: options.accountId,
      inbox_id: conversation.inbox_id,
      status: conversation.status,
      priority: conversation.priority,
      labels: [...conversation.labels],
      can_reply: true,
      channel: 'Channel::WebWidget',
      additional_attributes: {},
      meta: {
        sender: conversation.contact,
        assignee: conversation.assignee,
        team: conversation.team_id ? { id: conversation.team_id } : null,
      },
      timestamp: now(),
    };
  }

  /** Chatwoot posts inbox events to the Agent Bot's URL; it does not retry a failed one. */
  function sendWebhook(payload: Record<string, unknown>): Promise<number> {
    if (!botUrl) return Promise.resolve(0);
    const sent = fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })
      .then(async (response) => {
        await response.text();
        webhooks.push({ payload, status: response.status });
        return response.status;
      })
      .catch(() => {
        webhooks.push({ payload, status: 0 });
        return 0;
      });
    inFlight.add(sent);
    sent.finally(() => inFlight.delete(sent));
    return sent;
  }

  function messageCreated(conversation: FakeChatwootConversation, message: FakeChatwootMessage) {
    return {
      event: 'message_created',
      id: message.id,
      content: message.content,
      created_at: new Date(message.created_at * 1000).toISOString(),
      message_type: message.message_type,
      content_type: 'text',
      content_attributes: {},
      source_id: null,
      private: message.private,
      sender: message.sender,
      conversation: conversationPayload(conversation),
      account: { id: options.accountId, name: 'Northwind' },
      inbox: { id: conversation.inbox_id, name: 'Website' },
    };
  }

  function addMessage(conversation: FakeChatwootConversation, message: Omit<FakeChatwootMessage, 'id' | 'created_at'>) {
    const stored: FakeChatwootMessage = { ...message, id: ++nextMessage, created_at: now() };
    conversation.messages.push(stored);
    return stored;
  }

  function setStatus(conversation: FakeChatwootConversation, status: FakeChatwootConversation['status']) {
    const previous = conversation.status;
    conversation.status = status;
    if (previous !== status) {
      void sendWebhook({
        event: 'conversation_status_changed',
        ...conversationPayload(conversation),
        changed_attributes: [{ status: { previous_value: previous, current_value: status } }],
      });
    }
  }

  function route(
    method: string,
    path: string,
    token: string | undefined,
    body: FakeChatwootBody,
  ): { status: number; body: unknown } {
    const match = /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)\/([a-z_]+)$/.exec(path);
    if (!match) return { status: 404, body: { error: 'Resource could not be found' } };
    const [, account, id, action] = match;
    const isBot = token === options.botToken;
    if (!isBot && token !== options.userToken) return { status: 401, body: { error: 'Invalid Access Token' } };
    if (Number(account) !== options.accountId)
      return { status: 401, body: { error: 'You are not authorized to access this account' } };
    const conversation = conversations.get(Number(id));
    if (!conversation) return { status: 404, body: { error: 'Resource could not be found' } };
    if (isBot && !['messages', 'toggle_status'].includes(action!)) {
      return { status: 401, body: { error: 'Access to this endpoint is not authorized for bots' } };
    }
    const sender = isBot ? botSender : adminSender;
    if (action === 'messages' && method === 'POST') {
      if (typeof body?.content !== 'string' || !body.content)
        return { status: 422, body: { message: "Content can't be blank" } };
      const message = addMessage(conversation, {
        content: body.content,
        message_type: body.message_type === 'incoming' ? 'incoming' : 'outgoing',
        private: body.private === true,
        sender,
      });
      void sendWebhook(messageCreated(conversation, message));
      return {
        status: 200,
        body: {
          ...message,
          message_type: message.message_type === 'incoming' ? 0 : 1,
          account_id: options.accountId,
          inbox_id: conversation.inbox_id,
          conversation_id: conversation.id,
          status: 'sent',
          content_type: 'text',
        },
      };
    }
    if (action === 'labels' && method === 'GET') return { status: 200, body: { payload: [...conversation.labels] } };
    if (action === 'labels' && method === 'POST') {
      if (!Array.isArray(body?.labels)) return { status: 422, body: { message: 'labels must be an array' } };
      conversation.labels = [...new Set(body.labels as string[])];
      return { status: 200, body: { payload: conversation.labels } };
    }
    if (action === 'toggle_priority' && method === 'POST') {
      const priority = body?.priority as FakeChatwootConversation['priority'];
      if (![null, 'urgent', 'high', 'medium', 'low'].includes(priority))
        return { status: 422, body: { message: 'Invalid priority' } };
      conversation.priority = priority;
      return { status: 200, body: null };
    }
    if (action === 'assignments' && method === 'POST') {
      if (typeof body?.team_id === 'number') {
        if (!(options.teams ?? []).includes(body.team_id))
          return { status: 404, body: { error: 'Resource could not be found' } };
        conversation.team_id = body.team_id;
        return { status: 200, body: { id: body.team_id, name: `Team ${body.team_id}` } };
      }
      return { status: 422, body: { message: 'assignee_id or team_id is required' } };
    }
    if (action === 'toggle_status' && method === 'POST') {
      const status = body?.status as FakeChatwootConversation['status'];
      if (!['open', 'resolved', 'pending', 'snoozed'].includes(status))
        return { status: 422, body: { message: 'Invalid status' } };
      setStatus(conversation, status);
      return {
        status: 200,
        body: {
          meta: {},
          payload: { success: true, current_status: conversation.status, conversation_id: conversation.id },
        },
      };
    }
    return { status: 404, body: { error: 'Resource could not be found' } };
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (down) {
        response.socket?.destroy();
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: FakeChatwootBody = null;
      try {
        body = raw ? (JSON.parse(raw) as FakeChatwootBody) : null;
      } catch {
        body = null;
      }
      const path = (request.url ?? '').split('?')[0] ?? '';
      const token = request.headers.api_access_token as string | undefined;
      const method = request.method ?? 'GET';
      const failing = failures > 0 && failureFilter({ method, path, body });
      if (failing) failures--;
      const answer = failing
        ? { status: failureStatus, body: { error: 'Internal Server Error' } }
        : route(method, path, token, body);
      requests.push({ method: request.method ?? '', path, token, body, status: answer.status });
      response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(answer.body === null ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const mustGet = (id: number) => {
    const conversation = conversations.get(id);
    if (!conversation) throw new Error(`no Chatwoot conversation ${id}`);
    return conversation;
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    webhooks,
    conversation: (id) => conversations.get(id),
    connectBot(url) {
      botUrl = url;
    },
    failNext(count, status = 500, which = () => true) {
      failures = count;
      failureStatus = status;
      failureFilter = which;
    },
    setDown(next) {
      down = next;
    },
    async customerWrites({ conversationId, text, contact }) {
      let conversation = conversationId === undefined ? undefined : conversations.get(conversationId);
      if (!conversation) {
        // A new conversation in an inbox with an Agent Bot starts pending: the bot has it.
        conversation = {
          id: conversationId ?? ++nextConversation,
          inbox_id: options.inboxId,
          status: 'pending',
          priority: null,
          labels: [],
          team_id: null,
          assignee: null,
          contact: {
            id: ++nextContact,
            name: contact?.name ?? 'Visitor',
            ...(contact?.email ? { email: contact.email } : {}),
            type: 'contact',
          },
          messages: [],
        };
        conversations.set(conversation.id, conversation);
      }
      // A resolved conversation reopens on the customer's next message; with a bot, as pending.
      if (conversation.status === 'resolved') conversation.status = 'pending';
      const message = addMessage(conversation, {
        content: text,
        message_type: 'incoming',
        private: false,
        sender: conversation.contact,
      });
      const payload = messageCreated(conversation, message);
      await sendWebhook(payload);
      return { conversationId: conversation.id, messageId: message.id, redeliver: () => sendWebhook(payload) };
    },
    async agentAssigns(conversationId, agent) {
      const conversation = mustGet(conversationId);
      conversation.assignee = { ...agent, type: 'user' };
      await sendWebhook({
        event: 'conversation_updated',
        ...conversationPayload(conversation),
        changed_attributes: [{ assignee_id: { current_value: agent.id } }],
      });
    },
    async agentReplies(conversationId, agent, text) {
      const conversation = mustGet(conversationId);
      const message = addMessage(conversation, {
        content: text,
        message_type: 'outgoing',
        private: false,
        sender: { ...agent, type: 'user' },
      });
      await sendWebhook(messageCreated(conversation, message));
    },
    async agentResolves(conversationId) {
      setStatus(mustGet(conversationId), 'resolved');
      await Promise.allSettled([...inFlight]);
    },
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
