import { Hono } from 'hono';
import { handleSlackBlockActions } from './slack-block-actions.js';
import type { SlackDeskParts } from './slack-desk-parts.js';
import { handleSlackMessageEvent } from './slack-message-event.js';
import type { SlackEventEnvelope, SlackInteraction } from './slack-payloads.js';
import { parseSlackJson, readSignedSlackBody } from './slack-request.js';

/**
 * The Slack desk's routes: `POST /events` (Event Subscriptions, with the `url_verification`
 * challenge) and `POST /interactions` (Interactivity). Every request is verified with the signing
 * secret (401 otherwise), acknowledged at once and worked on after the response.
 */
export function createSlackDeskRoutes(parts: SlackDeskParts): Hono {
  const { runtime, signingSecret } = parts;
  const signedBody = (c: Parameters<typeof readSignedSlackBody>[0]) =>
    readSignedSlackBody(c, signingSecret, () => runtime.context().clock());
  const routes = new Hono();
  routes.use(runtime.requireConnected);
  routes.post('/events', async (c) => {
    const envelope = parseSlackJson<SlackEventEnvelope>(await signedBody(c));
    if (envelope.type === 'url_verification') return c.json({ challenge: envelope.challenge ?? '' });
    if (envelope.type === 'event_callback') {
      runtime.afterResponse(c, 'slack-event', () => handleSlackMessageEvent(parts, envelope));
    }
    return c.json({ ok: true });
  });
  routes.post('/interactions', async (c) => {
    const form = new URLSearchParams(await signedBody(c));
    const payload = parseSlackJson<SlackInteraction>(form.get('payload') ?? '');
    if (payload.type === 'block_actions') {
      runtime.afterResponse(c, 'slack-action', () => handleSlackBlockActions(parts, payload));
    }
    return c.body(null, 200);
  });
  routes.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404),
  );
  return routes;
}
