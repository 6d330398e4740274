// The README's examples are copied from files that CI type-checks (`npm run typecheck` covers
// examples/) and runs (here): every TypeScript block of the README is an examples/ file, or the
// `// #region README` ... `// #endregion` part of one, word for word.
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { generateWebhookSecret } from '../../src/index.js';
import { createFakeOpenAIServer, type RunningFakeOpenAIServer } from '../support/fake-openai-server.js';
import { chatBody, readAssistantMessage, userMessage } from '../support/ui-stream.js';

// The examples import the package by its name, as an app does; here that name is this checkout's source
// (`npm run typecheck` maps it the same way, with the `paths` of tsconfig.json).
vi.mock('handrail', () => import('../../src/index.js'));

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

/** The fenced ```ts and ```tsx blocks of a Markdown text, with the line each starts on. */
function typeScriptBlocks(markdown: string): { line: number; language: string; code: string }[] {
  const blocks: { line: number; language: string; code: string }[] = [];
  for (const match of markdown.matchAll(/^```(ts|tsx|typescript)\n([\s\S]*?)^```$/gm)) {
    const line = markdown.slice(0, match.index).split('\n').length;
    blocks.push({ line, language: match[1] ?? '', code: match[2] ?? '' });
  }
  return blocks;
}

/** What the README may copy from an example: the whole file, and each region marked for it. */
function copyableParts(source: string): string[] {
  const regions = [...source.matchAll(/^\/\/ #region README\n([\s\S]*?)^\/\/ #endregion\n/gm)].map(
    (match) => match[1] ?? '',
  );
  return [source, ...regions];
}

async function examples(): Promise<{ file: string; parts: string[] }[]> {
  const files = (await readdir(new URL('examples/', root))).filter((file) => /\.tsx?$/.test(file)).sort();
  return Promise.all(files.map(async (file) => ({ file, parts: copyableParts(await read(`examples/${file}`)) })));
}

describe('the README’s TypeScript examples', () => {
  it('are each an examples/ file or a README region of one, word for word', async () => {
    const [readme, sources] = await Promise.all([read('README.md'), examples()]);
    const blocks = typeScriptBlocks(readme);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const source = sources.find(({ parts }) => parts.includes(block.code));
      expect({ line: block.line, copiedFrom: source?.file ?? 'no examples/ file' }).toEqual({
        line: block.line,
        copiedFrom: expect.stringMatching(/\.tsx?$/),
      });
    }
  });

  it('every README region of an example is in the README', async () => {
    const [readme, sources] = await Promise.all([read('README.md'), examples()]);
    const codes = typeScriptBlocks(readme).map((block) => block.code);
    for (const { file, parts } of sources) {
      for (const region of parts.slice(1))
        expect({ file, inReadme: codes.includes(region) }).toEqual({ file, inReadme: true });
    }
  });
});

describe('examples/mount.ts (the README’s "Mount it in your Hono app") runs', () => {
  let fake: RunningFakeOpenAIServer | undefined;
  afterAll(async () => {
    await fake?.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('answers through @ai-sdk/openai against a local OpenAI-compatible server; the agent API takes its token', async () => {
    fake = await createFakeOpenAIServer([
      { type: 'text', text: 'We ship to Austria in 3 to 5 business days.' },
    ]).start();
    vi.stubEnv('OPENAI_API_KEY', 'test-key');
    vi.stubEnv('OPENAI_BASE_URL', fake.url);
    vi.stubEnv('HANDRAIL_AGENT_TOKEN', 'readme-example-agent-token-0123');
    vi.stubEnv('WEBHOOK_SECRET', generateWebhookSecret());
    vi.resetModules();
    const { default: app } = await import('../../examples/mount.js');

    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody('readme-mount-1', [userMessage('Do you ship to Austria?')]),
    });
    expect(response.status).toBe(200);
    const message = await readAssistantMessage(response);
    const text = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    expect(text).toContain('We ship to Austria in 3 to 5 business days.');
    expect(fake.requests[0]?.body.model).toBe('gpt-4o-mini');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key');

    const queue = await app.request('/api/agent/queue', {
      headers: { authorization: 'Bearer readme-example-agent-token-0123' },
    });
    expect(queue.status).toBe(200);
    expect((await app.request('/api/agent/queue')).status).toBe(401);
  });
});

describe('examples/typed-hooks.ts (the README’s "Your app’s `Env`, typed hooks") runs', () => {
  it('authorises by the host’s user, and calls onHandoff and onStateChange on a handoff', async () => {
    vi.resetModules();
    const { default: app, crm, metrics } = await import('../../examples/typed-hooks.js');
    const send = (user: string, conversationId: string, text: string) =>
      app.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user-id': user },
        body: chatBody(conversationId, [userMessage(text)]),
      });

    const refused = await send('u2', 'u1-readme-hooks', 'I want to talk to a person');
    expect(refused.status).toBe(403);
    const accepted = await send('u1', 'u1-readme-hooks', 'I want to talk to a person');
    expect(accepted.status).toBe(200);
    await accepted.text();

    await vi.waitFor(() => {
      expect(crm.cases).toEqual([
        { conversationId: 'u1-readme-hooks', intent: expect.any(String), urgency: expect.any(String) },
      ]);
      expect(metrics.counts).toEqual(
        expect.arrayContaining([
          { name: 'conversation_state', labels: { from: null, to: 'bot' } },
          { name: 'conversation_state', labels: { from: 'bot', to: 'queued' } },
        ]),
      );
    });
  });
});
