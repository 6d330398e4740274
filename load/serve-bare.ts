/**
 * The ceiling for the load test: a bare Hono app on @hono/node-server that answers the same
 * routes as Handrail (`POST /api/chat` as a UI message stream, the agent calls, the read-back)
 * with conversations in a `Map` and no guard, model, store or notifications. Run against it,
 * the load test measures what HTTP, JSON and streaming alone cost on this machine. Prints
 * `{"port":N}` once it listens; exits when its standard input closes, or after 30 minutes.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

interface BareMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: Array<{ type: 'text'; text: string }>;
  metadata?: { author: 'bot' | 'agent' };
}

interface BareConversation {
  state: string;
  messages: BareMessage[];
  handoff: { reasons: Array<{ reason: string }> } | null;
}

const conversations = new Map<string, BareConversation>();
const app = new Hono();
let sequence = 0;

app.post('/api/chat', async (c) => {
  const body = (await c.req.json()) as { id: string; messages: BareMessage[] };
  const conversation = conversations.get(body.id) ?? { state: 'bot', messages: [], handoff: null };
  conversations.set(body.id, conversation);
  const last = body.messages.at(-1)!;
  if (!conversation.messages.some((message) => message.id === last.id)) conversation.messages.push(last);
  const text = last.parts.map((part) => part.text).join('');
  const chunks: unknown[] = [{ type: 'start', messageId: `m${++sequence}` }];
  if (conversation.state !== 'bot') {
    // A person has the conversation: the bot stays silent, as Handrail's does.
  } else if (/real person/.test(text)) {
    conversation.state = 'queued';
    conversation.handoff = { reasons: [{ reason: 'explicit_request' }] };
    chunks.push({ type: 'data-handoff', data: { status: 'queued', reasons: conversation.handoff.reasons } });
  } else {
    const answer = `An answer to: ${text}`;
    conversation.messages.push({
      id: `m${sequence}`,
      role: 'assistant',
      parts: [{ type: 'text', text: answer }],
      metadata: { author: 'bot' },
    });
    chunks.push(
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: answer },
      { type: 'text-end', id: 't' },
    );
  }
  chunks.push({ type: 'finish' });
  const stream = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
  return c.body(stream, 200, { 'content-type': 'text/event-stream' });
});

app.post('/api/agent/conversations/:id/:action', async (c) => {
  const conversation = conversations.get(c.req.param('id'));
  if (!conversation) return c.json({ error: { code: 'conversation_not_found' } }, 404);
  const action = c.req.param('action');
  if (action === 'claim') conversation.state = 'assigned';
  if (action === 'messages') {
    const { text } = (await c.req.json()) as { text: string };
    conversation.state = 'human';
    conversation.messages.push({
      id: `m${++sequence}`,
      role: 'assistant',
      parts: [{ type: 'text', text }],
      metadata: { author: 'agent' },
    });
  }
  if (action === 'resolve') conversation.state = 'resolved';
  return c.json({ conversationId: c.req.param('id'), state: conversation.state });
});

app.get('/api/conversations/:id', (c) => {
  const conversation = conversations.get(c.req.param('id'));
  return conversation ? c.json(conversation) : c.json({ error: { code: 'conversation_not_found' } }, 404);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
const stop = () => {
  server.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
setTimeout(stop, 30 * 60_000).unref();
