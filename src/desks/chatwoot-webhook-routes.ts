import { Hono } from 'hono';
import { timingSafeEqual } from '../http/conversation-token.js';
import { httpError } from '../http/http-error.js';
import type { ChatwootDeskParts } from './chatwoot-desk-parts.js';
import { type ChatwootWebhook, chatwootWebhookAccount } from './chatwoot-webhook.js';
import { handleChatwootWebhook } from './chatwoot-webhook-handler.js';

/** The most a Chatwoot webhook body may hold, in characters. */
const maxBodyLength = 1_000_000;

/**
 * The Chatwoot desk's routes: `POST /webhook?token=...` checks the token (401), reads the payload
 * (413, 400), acknowledges at once and works on it after the response; another account's event is
 * acknowledged (Chatwoot must not retry it) and ignored.
 */
export function createChatwootWebhookRoutes(parts: ChatwootDeskParts, webhookToken: string): Hono {
  const routes = new Hono();
  routes.use(parts.runtime.requireConnected);
  routes.post('/webhook', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!timingSafeEqual(token, webhookToken)) {
      throw httpError(
        401,
        'invalid_webhook_token',
        'Put the desk webhookToken in the Agent Bot webhook URL as ?token=.',
      );
    }
    const payload = parseChatwootWebhook(await c.req.text());
    if (chatwootWebhookAccount(payload) === parts.accountId) {
      parts.runtime.afterResponse(c, 'chatwoot-webhook', () => handleChatwootWebhook(parts, payload));
    }
    return c.json({ ok: true });
  });
  routes.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404),
  );
  return routes;
}

/** A webhook body as Chatwoot's payload: 413 above 1 MB, 400 when it is not JSON. */
export function parseChatwootWebhook(text: string): ChatwootWebhook {
  if (text.length > maxBodyLength)
    throw httpError(413, 'payload_too_large', 'Chatwoot webhooks are at most 1 MB here.');
  try {
    return JSON.parse(text) as ChatwootWebhook;
  } catch {
    throw httpError(400, 'invalid_json', 'The body is not the JSON Chatwoot sends.');
  }
}
