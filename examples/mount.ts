// The README's "Mount it in your Hono app", word for word between the region markers
// (test/package/readme-examples.test.ts checks it and runs the app against a local
// OpenAI-compatible server). Type-checked with the project (`npm run typecheck`).
// #region README
import { createOpenAI } from '@ai-sdk/openai';
import { createWebhookNotifier, handrail } from 'handrail';
import { Hono } from 'hono';

const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = new Hono();

app.route(
  '/api',
  handrail({
    model: openai.chat('gpt-4o-mini'),
    promptVariables: { companyName: 'Acme', scope: 'orders, shipping and returns' },
    tools: {}, // your own AI SDK tools, passed through to the model
    agentToken: process.env.HANDRAIL_AGENT_TOKEN,
    notifiers: [
      createWebhookNotifier({ url: 'https://example.com/hooks/handoff', secret: process.env.WEBHOOK_SECRET! }),
    ],
  }),
);

export default app;
// #endregion
