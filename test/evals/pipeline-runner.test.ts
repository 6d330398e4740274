import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createPipelineRunner } from '../../src/evals/pipeline-runner.js';
import { makeCase } from './helpers.js';

interface ChatBody {
  id: string;
  messages: Array<{ id: string; role: string; parts: Array<{ type: string; text?: string }> }>;
}

/** A stand-in for the Handrail app that speaks the POST /chat JSON contract. */
function fakeHandrail(requests: ChatBody[]) {
  const app = new Hono();
  app.post('/chat', async (c) => {
    expect(c.req.header('accept')).toContain('application/json');
    const body = (await c.req.json()) as ChatBody;
    requests.push(body);
    const last = body.messages.at(-1)?.parts[0]?.text ?? '';
    const messages = [
      ...body.messages,
      { id: `a${body.messages.length}`, role: 'assistant', parts: [{ type: 'text', text: 'Here you go.' }] },
    ];
    const handoff = /human/.test(last)
      ? {
          status: 'queued',
          reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person' }],
          message: 'Connecting you',
        }
      : null;
    return c.json({ conversationId: body.id, messages, handoff });
  });
  return app;
}

describe('createPipelineRunner', () => {
  it('posts each user turn with the conversation so far and stops at the handoff', async () => {
    const requests: ChatBody[] = [];
    let apps = 0;
    const runner = createPipelineRunner({
      createApp: () => {
        apps++;
        return fakeHandrail(requests);
      },
    });
    const evalCase = makeCase('p1', 'escalate', 'explicit_request');
    evalCase.messages = [
      { role: 'user', content: 'where is my order' },
      { role: 'assistant', content: 'scripted answer, not sent' },
      { role: 'user', content: 'get me a human' },
      { role: 'assistant', content: 'scripted' },
      { role: 'user', content: 'never sent' },
    ];
    const outcome = await runner(evalCase);
    expect(apps).toBe(1);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.id).toBe(requests[1]?.id);
    expect(requests[1]?.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(requests[1]?.messages[1]?.parts[0]?.text).toBe('Here you go.');
    expect(outcome).toMatchObject({ escalated: true, firedReason: 'explicit_request', escalatedAtTurn: 2 });
    expect(outcome.evidence[0]).toMatchObject({ source: 'guard', detail: 'asked for a person', fired: true });
  });

  it('reports no escalation with the last bot reply as evidence', async () => {
    const runner = createPipelineRunner({ createApp: () => fakeHandrail([]) });
    const outcome = await runner(makeCase('p2', 'handle', 'none'));
    expect(outcome).toMatchObject({ escalated: false, firedReason: null });
    expect(outcome.evidence[0]?.detail).toBe('last bot reply: Here you go.');
  });

  it('throws on an error status so the run records the case as failed', async () => {
    const app = new Hono();
    app.post('/chat', (c) => c.json({ error: { code: 'bad' } }, 400));
    const runner = createPipelineRunner({ createApp: () => app });
    await expect(runner(makeCase('p3', 'handle', 'none'))).rejects.toThrow(/answered 400/);
  });
});
