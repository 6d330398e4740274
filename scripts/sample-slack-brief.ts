/**
 * The Slack message of a sample handoff (an order that never arrived, then a request for a person), for
 * the two scripts that show it in docs/agent-desks.md: render-slack-brief.ts and screenshot-slack-brief.ts.
 */
import { demoTeams } from '../src/demo/demo-teams.js';
import { buildSlackBrief } from '../src/desks/index.js';
import { createHandrailEngine } from '../src/handrail.js';
import { createOfflineModel } from '../src/model/index.js';

export async function sampleSlackBrief(): Promise<ReturnType<typeof buildSlackBrief>> {
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    brief: { model: false },
    teams: demoTeams,
    conversationAuth: 'none',
    clock: () => new Date('2026-12-01T10:15:00Z'),
  });
  const texts = [
    'Hi, my order 4417 never arrived and I paid 89,90 €.',
    'This is ridiculous, I want to talk to a person now.',
  ];
  const messages: Array<{ id: string; role: 'user'; parts: Array<{ type: 'text'; text: string }> }> = [];
  for (const [index, text] of texts.entries()) {
    messages.push({ id: `sample-${index}`, role: 'user', parts: [{ type: 'text', text }] });
    await engine.app.request('/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ id: 'sample-conversation', messages }),
    });
  }
  await engine.idle();
  const conversation = await engine.store.getConversation('sample-conversation');
  if (!conversation?.handoff) throw new Error('The sample did not hand off.');
  return buildSlackBrief(conversation, { link: 'https://support.example.com/agent#sample-conversation' });
}
