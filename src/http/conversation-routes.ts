import { Hono } from 'hono';
import { z } from 'zod';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { Store } from '../store/store.js';
import type { ConversationAccess } from './authorization.js';
import { conversationEventsResponse } from './conversation-events.js';
import { publicConversation } from './public-conversation.js';
import { readJsonBody } from './read-json-body.js';

/** Options of {@link createConversationRoutes}. */
export interface ConversationRoutesOptions {
  store: Store;
  access: ConversationAccess;
  handoffs: HandoffService;
  eventsPollMs: number;
}

const contactSchema = z.object({ name: z.string().min(1).max(200).optional(), email: z.email().max(320) }).strict();

/**
 * The user's conversation routes, each behind the conversation's access check: `GET
 * /conversations/:id` (the public view), `POST /conversations/:id/contact` (the offline
 * ticket's contact form) and `GET /conversations/:id/events` (server-sent events).
 */
export function createConversationRoutes({ store, access, handoffs, eventsPollMs }: ConversationRoutesOptions): Hono {
  const app = new Hono();

  app.get('/conversations/:id', async (c) => {
    const id = c.req.param('id');
    const conversation = await store.getConversation(id);
    await access.authorize(c, conversation, id);
    return c.json(publicConversation(conversation!));
  });

  app.post('/conversations/:id/contact', async (c) => {
    const id = c.req.param('id');
    await access.authorize(c, await store.getConversation(id), id);
    const contact = await readJsonBody(c, contactSchema, 4096);
    const outcome = await handoffs.submitContact(id, contact);
    return c.json({ conversationId: id, handoff: outcome.part });
  });

  app.get('/conversations/:id/events', async (c) => {
    const id = c.req.param('id');
    await access.authorize(c, await store.getConversation(id), id);
    return conversationEventsResponse(c, {
      store,
      conversationId: id,
      pollMs: eventsPollMs,
      afterMessageId: c.req.query('after'),
      audience: 'user',
    });
  });

  return app;
}
