/**
 * A local fake of the parts of Slack the Slack desk uses, written from Slack's public references:
 * the Web API methods `chat.postMessage` and `chat.update` (https://api.slack.com/methods), with
 * bearer-token auth, `{ ok: false, error }` bodies, Block Kit limits and rate limits (HTTP 429,
 * `Retry-After`, `error: 'ratelimited'`); and, the other way, the Events API and interactivity
 * requests Slack sends to an app, signed with the signing secret (`v0` HMAC-SHA256 over
 * `v0:{timestamp}:{body}`), with `x-slack-retry-num` on retries.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as the fake stores it. */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: Array<Record<string, unknown>>;
  /** Set on messages the bot posted through the Web API. */
  bot_id?: string;
  /** Set on messages a person wrote (the test, through {@link FakeSlack.userWrites}). */
  user?: string;
  edited?: boolean;
  reply_broadcast?: boolean;
}

/** One Web API call the fake received. */
export interface FakeSlackCall {
  method: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The HTTP status and `error` it answered with. */
  status: number;
  error?: string;
}

/** What a signed request to the app answered. */
export interface AppAnswer {
  status: number;
  body: string;
  /** How long the app took to answer, in milliseconds (Slack allows 3000). */
  elapsedMs: number;
}

/** Options of {@link startFakeSlack}. */
export interface FakeSlackOptions {
  botToken: string;
  signingSecret: string;
  /** Channels that exist, and whether the bot is a member of each. */
  channels: Record<string, { member: boolean }>;
  /** Where the app's routes are (`{url}/events`, `{url}/interactions`); set later with `connectApp`. */
  appUrl?: string;
  /** Current time, for message ts and request timestamps. @default () => new Date() */
  clock?: () => Date;
}

export interface FakeSlack {
  /** Base URL of the Web API, e.g. `http://127.0.0.1:1234/api`. */
  apiUrl: string;
  calls: FakeSlackCall[];
  /** Messages of a channel, top level and replies, in order. */
  messages(channel: string): FakeSlackMessage[];
  /** Replies in the thread of `ts`. */
  thread(channel: string, ts: string): FakeSlackMessage[];
  /** The message `ts` of `channel` as it is now (after updates). */
  message(channel: string, ts: string): FakeSlackMessage | undefined;
  connectApp(url: string): void;
  /** The next `count` Web API calls answer 429 with `Retry-After: seconds`. */
  rateLimitNext(count: number, seconds: number): void;
  /** While down, every Web API call gets a 503 (`'http'`) or a dropped connection (`'network'`). */
  setDown(down: false | 'http' | 'network'): void;
  /** Every Web API answer waits this long first (a slow Slack). */
  setLatency(ms: number): void;
  /** A person writes in a thread: stored, then sent to the app as a signed `message` event. */
  userWrites(input: { channel: string; threadTs: string; user: string; text: string }): Promise<SentEvent>;
  /** A person clicks a button of a message: a signed `block_actions` interaction. */
  clickButton(input: {
    channel: string;
    ts: string;
    user: string;
    actionId: string;
    userName?: string;
  }): Promise<AppAnswer>;
  /** Sends `body` to the app's path, signed (or not, or with another secret or time). */
  sendToApp(path: string, body: string, options?: SendOptions): Promise<AppAnswer>;
  /** Events Slack sent to the app on its own (the bot's own messages), and their answers. */
  autoEvents: AppAnswer[];
  close(): Promise<void>;
}

/** A `message` event sent to the app, with a way to send it again as Slack's retry would. */
export interface SentEvent {
  eventId: string;
  answer: AppAnswer;
  /** Sends the same envelope again with `x-slack-retry-num: n` and `x-slack-retry-reason: http_timeout`. */
  retry(n: number): Promise<AppAnswer>;
}

export interface SendOptions {
  contentType?: string;
  /** Signed with this secret instead. */
  secret?: string;
  /** Timestamp (unix seconds) of the request. @default now */
  timestamp?: number;
  /** No signature headers at all. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

/** A Block Kit block as JSON, the fields the fake checks. */
interface BlockJson {
  type?: string;
  text?: { type?: string; text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<{ type?: string; text?: { type?: string; text: string }; value?: string; action_id?: string }>;
}

/** Block Kit limits the fake checks (https://api.slack.com/reference/block-kit/blocks). */
function invalidBlocks(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks) || blocks.length > 50) return 'blocks must be an array of at most 50';
  for (const block of blocks as BlockJson[]) {
    if (block.type === 'header' && (block.text?.type !== 'plain_text' || block.text.text.length > 150)) return 'header';
    if (block.type === 'section') {
      if (!block.text && !block.fields) return 'section needs text or fields';
      if (block.text && (block.text.text.length > 3000 || block.text.text.length === 0)) return 'section text';
      if (block.fields && (block.fields.length > 10 || block.fields.some((field) => field.text.length > 2000)))
        return 'section fields';
    }
    if (block.type === 'actions') {
      if (!Array.isArray(block.elements) || block.elements.length > 25) return 'actions elements';
      for (const element of block.elements) {
        if (element.type !== 'button' || element.text?.type !== 'plain_text' || element.text.text.length > 75)
          return 'button text';
        if (element.value !== undefined && element.value.length > 2000) return 'button value';
        if (!element.action_id || element.action_id.length > 255) return 'action_id';
      }
    }
    if (!['header', 'section', 'actions', 'context', 'divider'].includes(block.type ?? ''))
      return `block type ${block.type}`;
  }
  return null;
}

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const clock = options.clock ?? (() => new Date());
  const botId = 'B0HANDRAIL';
  const store = new Map<string, FakeSlackMessage[]>();
  const calls: FakeSlackCall[] = [];
  const autoEvents: AppAnswer[] = [];
  let appUrl = options.appUrl;
  let rateLimited = 0;
  let retryAfterSeconds = 1;
  let down: false | 'http' | 'network' = false;
  let latencyMs = 0;
  let sequence = 0;
  const pendingAuto = new Set<Promise<unknown>>();

  const nextTs = () => `${Math.floor(clock().getTime() / 1000)}.${String(++sequence).padStart(6, '0')}`;
  const channelMessages = (channel: string) => {
    const list = store.get(channel) ?? [];
    store.set(channel, list);
    return list;
  };

  function answer(
    response: ServerResponse,
    call: FakeSlackCall,
    status: number,
    body: Record<string, unknown>,
    headers = {},
  ) {
    call.status = status;
    if (body.ok === false) call.error = String(body.error);
    calls.push(call);
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  function webApi(method: string, call: FakeSlackCall, response: ServerResponse) {
    const fail = (error: string) => answer(response, call, 200, { ok: false, error });
    if (!call.authorization) return fail('not_authed');
    if (call.authorization !== `Bearer ${options.botToken}`) return fail('invalid_auth');
    if (rateLimited > 0) {
      rateLimited--;
      return answer(
        response,
        call,
        429,
        { ok: false, error: 'ratelimited' },
        { 'retry-after': String(retryAfterSeconds) },
      );
    }
    const body = call.body;
    const channel = String(body.channel ?? '');
    if (!options.channels[channel]) return fail('channel_not_found');
    if (!options.channels[channel].member) return fail('not_in_channel');
    if (typeof body.text !== 'string' && body.blocks === undefined) return fail('no_text');
    if (invalidBlocks(body.blocks)) return fail('invalid_blocks');
    if (method === 'chat.postMessage') {
      const message: FakeSlackMessage = {
        channel,
        ts: nextTs(),
        text: String(body.text ?? ''),
        bot_id: botId,
        ...(body.blocks ? { blocks: body.blocks as FakeSlackMessage['blocks'] } : {}),
        ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
        ...(body.reply_broadcast === true ? { reply_broadcast: true } : {}),
      };
      channelMessages(channel).push(message);
      answer(response, call, 200, { ok: true, channel, ts: message.ts, message });
      emitBotMessage(message);
      return;
    }
    if (method === 'chat.update') {
      const message = channelMessages(channel).find((candidate) => candidate.ts === body.ts);
      if (!message) return fail('message_not_found');
      if (message.bot_id !== botId) return fail('cant_update_message');
      message.text = String(body.text ?? message.text);
      if (body.blocks) message.blocks = body.blocks as FakeSlackMessage['blocks'];
      message.edited = true;
      return answer(response, call, 200, { ok: true, channel, ts: message.ts, text: message.text });
    }
    answer(response, call, 404, { ok: false, error: 'unknown_method' });
  }

  /** Slack tells subscribed apps about the bot's own messages too; the app must ignore them. */
  function emitBotMessage(message: FakeSlackMessage) {
    if (!appUrl) return;
    const envelope = eventEnvelope({
      type: 'message',
      channel: message.channel,
      bot_id: message.bot_id,
      text: message.text,
      ts: message.ts,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    });
    const sent = sendToApp('/events', JSON.stringify(envelope), {}).then((result) => autoEvents.push(result));
    pendingAuto.add(sent);
    sent.finally(() => pendingAuto.delete(sent)).catch(() => {});
  }

  function eventEnvelope(event: Record<string, unknown>) {
    const eventId = `Ev${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
    return {
      token: 'deprecated-verification-token',
      team_id: 'T0FAKE',
      api_app_id: 'A0HANDRAIL',
      event: { ...event, event_ts: event.ts, channel_type: 'channel' },
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(clock().getTime() / 1000),
    };
  }

  async function sendToApp(path: string, body: string, send: SendOptions = {}): Promise<AppAnswer> {
    if (!appUrl) throw new Error('connectApp(url) first');
    const timestamp = send.timestamp ?? Math.floor(clock().getTime() / 1000);
    const signature = `v0=${createHmac('sha256', send.secret ?? options.signingSecret)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex')}`;
    const headers: Record<string, string> = {
      'content-type': send.contentType ?? 'application/json',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(send.unsigned ? {} : { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) }),
      ...send.headers,
    };
    const started = performance.now();
    const response = await fetch(`${appUrl.replace(/\/+$/, '')}${path}`, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text, elapsedMs: performance.now() - started };
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (down === 'network') {
        response.socket?.destroy();
        return;
      }
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      const raw = Buffer.concat(chunks).toString('utf8');
      const type = request.headers['content-type'] ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = type.includes('json')
          ? (JSON.parse(raw) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(raw));
      } catch {
        body = {};
      }
      if (typeof body.blocks === 'string') body.blocks = JSON.parse(body.blocks);
      const call: FakeSlackCall = { method, authorization: request.headers.authorization, body, status: 0 };
      if (down === 'http') return answer(response, call, 503, { ok: false, error: 'service_unavailable' });
      if (request.method !== 'POST') return answer(response, call, 405, { ok: false, error: 'method_not_allowed' });
      webApi(method, call, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    calls,
    autoEvents,
    messages: (channel) => [...channelMessages(channel)],
    thread: (channel, ts) =>
      channelMessages(channel).filter((message) => message.thread_ts === ts && message.ts !== ts),
    message: (channel, ts) => channelMessages(channel).find((message) => message.ts === ts),
    connectApp(url) {
      appUrl = url;
    },
    rateLimitNext(count, seconds) {
      rateLimited = count;
      retryAfterSeconds = seconds;
    },
    setDown(next) {
      down = next;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    async userWrites({ channel, threadTs, user, text }) {
      const message: FakeSlackMessage = { channel, ts: nextTs(), thread_ts: threadTs, text, user };
      channelMessages(channel).push(message);
      const envelope = eventEnvelope({ type: 'message', channel, user, text, ts: message.ts, thread_ts: threadTs });
      const body = JSON.stringify(envelope);
      const answer = await sendToApp('/events', body);
      return {
        eventId: envelope.event_id,
        answer,
        retry: (n) =>
          sendToApp('/events', body, {
            headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
          }),
      };
    },
    async clickButton({ channel, ts, user, actionId, userName }) {
      const message = channelMessages(channel).find((candidate) => candidate.ts === ts);
      const actions = (message?.blocks ?? []).filter((block) => block.type === 'actions') as Array<{
        block_id?: string;
        elements: Array<Record<string, unknown>>;
      }>;
      const block = actions.find((candidate) => candidate.elements.some((element) => element.action_id === actionId));
      const button = block?.elements.find((element) => element.action_id === actionId);
      if (!message || !block || !button) throw new Error(`No ${actionId} button on message ${ts} of ${channel}.`);
      const payload = {
        type: 'block_actions',
        user: {
          id: user,
          username: userName ?? user.toLowerCase(),
          name: userName ?? user.toLowerCase(),
          team_id: 'T0FAKE',
        },
        api_app_id: 'A0HANDRAIL',
        token: 'deprecated-verification-token',
        container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
        trigger_id: `${Date.now()}.fake`,
        team: { id: 'T0FAKE', domain: 'fake' },
        channel: { id: channel, name: 'support' },
        message: { ...message, type: 'message' },
        response_url: `${appUrl}/response-url-unused`,
        actions: [
          {
            action_id: actionId,
            block_id: block.block_id ?? 'block',
            text: button.text,
            value: button.value,
            type: 'button',
            action_ts: `${Math.floor(clock().getTime() / 1000)}.000100`,
          },
        ],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return sendToApp('/interactions', body, { contentType: 'application/x-www-form-urlencoded' });
    },
    sendToApp,
    async close() {
      await Promise.allSettled([...pendingAuto]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
