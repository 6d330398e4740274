import { MockEmbeddingModelV4 } from 'ai/test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createSemanticDetector } from '../../../src/guard/index.js';
import { createHandrailEngine } from '../../../src/handrail.js';
import { createOfflineModel } from '../../../src/model/index.js';
import { chatBody, userMessage } from '../../support/ui-stream.js';

/**
 * A small embedding space of three axes (a person, ending one's life, money) so that similarity is
 * predictable: a text points along the axes of the words it has.
 */
const axes: RegExp[] = [
  /\b(?:person|human|someone|agent|team)\b/i,
  /\b(?:life|live|wake|goodbye)\b/i,
  /\b(?:money|charged|account|paid)\b/i,
];
function vector(text: string): number[] {
  const values = axes.map((axis) => (axis.test(text) ? 1 : 0));
  return values.some(Boolean) ? values : [0.01, 0.01, 0.01];
}

function embeddingModel(fail = false) {
  return new MockEmbeddingModelV4({
    maxEmbeddingsPerCall: 100,
    doEmbed: async ({ values }) => {
      if (fail) throw new Error('provider down');
      return { embeddings: values.map(vector), warnings: [] };
    },
  });
}

const user = (content: string) => [{ role: 'user' as const, content }];
const exemplars = {
  explicit_request: ['let me talk to a person'],
  crisis: ['I do not want to live'],
  high_stakes: ['money was charged from my account'],
};

describe('createSemanticDetector', () => {
  it('reports the reason of the closest exemplar above the threshold', async () => {
    const detect = createSemanticDetector({ model: embeddingModel(), exemplars, threshold: 0.9 });
    const [signal] = await detect(user('could a human from your team look at this'));
    expect(signal).toMatchObject({ reason: 'explicit_request', detector: 'semantic' });
    expect(signal!.detail).toContain('let me talk to a person');
    expect(await detect(user('what colours does the jacket come in'))).toEqual([]);
  });

  it('reports a crisis with critical urgency and the safe message', async () => {
    const detect = createSemanticDetector({ model: embeddingModel(), exemplars });
    const [signal] = await detect(user('I would rather never wake up again'));
    expect(signal).toMatchObject({ reason: 'crisis', urgency: 'critical', topic: 'self_harm' });
    expect(signal!.userMessage).toMatch(/not alone|crisis|emergency/i);
  });

  it('embeds the exemplars once, then only each message', async () => {
    const model = embeddingModel();
    const detect = createSemanticDetector({ model, exemplars });
    await detect(user('I was charged twice'));
    await detect(user('someone please'));
    const sizes = model.doEmbedCalls.map((call) => call.values.length);
    expect(sizes.filter((size) => size === 3)).toHaveLength(1);
    expect(sizes.filter((size) => size === 1)).toHaveLength(2);
  });

  it('reports nothing when the embedding model fails, and tries the exemplars again next time', async () => {
    const failing = embeddingModel(true);
    const detect = createSemanticDetector({ model: failing, exemplars });
    await expect(detect(user('let me talk to a person'))).resolves.toEqual([]);
    await expect(detect(user('let me talk to a person'))).resolves.toEqual([]);
    expect(failing.doEmbedCalls.filter((call) => call.values.length === 3).length).toBe(2);
  });

  it('reports nothing past its deadline', async () => {
    const slow = new MockEmbeddingModelV4({
      doEmbed: ({ abortSignal }) =>
        new Promise((_, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason))),
    });
    const detect = createSemanticDetector({ model: slow, exemplars, timeoutMs: 50 });
    await expect(detect(user('let me talk to a person'))).resolves.toEqual([]);
  });
});

describe('the semantic option of handrail()', () => {
  it('hands off a message the built-in detectors let through when it is close to an exemplar', async () => {
    // Built-in wording now reads "money paid to a shop in a city I never saw": this one it does not.
    const text = 'a florist I have never been to is on my statement, paid last night';
    const ask = async (semantic: boolean) => {
      const engine = createHandrailEngine({
        model: createOfflineModel(),
        brief: { model: false },
        conversationAuth: 'none',
        ...(semantic
          ? { semantic: { model: embeddingModel(), exemplars: { high_stakes: ['money was charged from my account'] } } }
          : {}),
      });
      const app = new Hono();
      app.route('/api', engine.app);
      const response = await app.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: chatBody('semantic-1', [userMessage(text)]),
      });
      const body = (await response.json()) as { handoff: { reasons: { reason: string }[] } | null };
      return body.handoff?.reasons.map((reason) => reason.reason) ?? [];
    };
    expect(await ask(false)).not.toContain('high_stakes');
    expect(await ask(true)).toContain('high_stakes');
  });

  it('rejects an option that is not an embedding model, with a clear message', () => {
    expect(() => createHandrailEngine({ model: createOfflineModel(), semantic: { model: {} as never } })).toThrow(
      /semantic.model must be an AI SDK embedding model/,
    );
  });
});
