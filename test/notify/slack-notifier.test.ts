import { afterEach, describe, expect, it } from 'vitest';
import { NotificationError } from '../../src/errors/notification-error.js';
import { buildSlackMessage } from '../../src/notify/slack-message.js';
import { createSlackNotifier } from '../../src/notify/slack-notifier.js';
import { delivery, handoffEvent } from './fixtures.js';
import { type Receiver, startReceiver } from './receiver.js';

const signal = new AbortController().signal;
let receiver: Receiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

interface Block {
  type: string;
  text?: { type: string; text: string };
  fields?: Array<{ type: string; text: string }>;
  elements?: Array<{ type: string; text?: { text: string } | string; url?: string }>;
}

function blockTexts(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [
      block.text?.text,
      ...(block.fields ?? []).map((field) => field.text),
      ...(block.elements ?? []).map((element) =>
        typeof element.text === 'string' ? element.text : element.text?.text,
      ),
    ])
    .filter(Boolean)
    .join('\n');
}

describe('createSlackNotifier', () => {
  it('posts a Block Kit message with header, reasons, urgency, team, summary and a link button', async () => {
    receiver = await startReceiver();
    const notifier = createSlackNotifier({
      webhookUrl: receiver.url,
      consoleUrl: 'https://support.example.com/console/',
    });
    await notifier.deliver(delivery(handoffEvent(), 'slack'), { signal });

    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.headers['content-type']).toBe('application/json');
    const message = JSON.parse(receiver.requests[0]?.body ?? '{}') as { text: string; blocks: Block[] };
    const types = message.blocks.map((block) => block.type);
    expect(types[0]).toBe('header');
    expect(types).toContain('actions');
    expect(message.blocks[0]?.text).toEqual({
      type: 'plain_text',
      text: ':large_orange_circle: New handoff',
      emoji: true,
    });

    const text = blockTexts(message.blocks);
    expect(text).toContain('*Explicit request*: User asked for a person.');
    expect(text).toContain('*High stakes*: Disputed charge of $480.');
    expect(text).toContain('*Reasons*');
    expect(text).toContain('*Urgency*\n:large_orange_circle: High');
    expect(text).toContain('*Team*\nbilling');
    expect(text).toContain('Customer was charged twice for order 10442 and wants a refund.');

    const button = message.blocks.find((block) => block.type === 'actions')?.elements?.[0];
    expect(button).toMatchObject({
      type: 'button',
      url: 'https://support.example.com/console/conversations/conv_123',
    });
    expect(message.text).toContain('New handoff');
    expect(message.text).toContain('high urgency');
    expect(message.text).toContain('Customer was charged twice');
  });

  it('uses the event link over the console URL, and a {conversationId} placeholder', async () => {
    const withLink = buildSlackMessage(handoffEvent({ link: 'https://x.example/c/1' }), {
      link: 'https://x.example/c/1',
    });
    expect(JSON.stringify(withLink)).toContain('"url":"https://x.example/c/1"');

    receiver = await startReceiver();
    const notifier = createSlackNotifier({
      webhookUrl: receiver.url,
      consoleUrl: 'https://support.example.com/#/queue?open={conversationId}',
    });
    await notifier.deliver(delivery(handoffEvent({ conversationId: 'a b' }), 'slack'), { signal });
    expect(receiver.requests[0]?.body).toContain('https://support.example.com/#/queue?open=a%20b');
  });

  it('omits the button when there is no link, and says when the team is unassigned', () => {
    const message = buildSlackMessage(
      handoffEvent({ team: null, reasons: [{ reason: 'low_confidence', detail: '' }] }),
    );
    expect(message.blocks.map((block) => block.type)).not.toContain('actions');
    const text = blockTexts(message.blocks as Block[]);
    expect(text).toContain('*Team*\nUnassigned');
    expect(text).toContain('*Reason*\n• *Low confidence*');
  });

  it('escapes user text so it cannot mention @channel or forge links', () => {
    const message = buildSlackMessage(
      handoffEvent({ summary: 'Hey <!channel> see <https://evil.example|bank> & more' }),
    );
    const text = JSON.stringify(message);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&amp; more');
  });

  it('shows a different emoji per urgency and titles per event type', () => {
    const critical = buildSlackMessage(handoffEvent({ urgency: 'critical', type: 'ticket.created' }));
    expect(critical.blocks[0]).toMatchObject({ text: { text: ':rotating_light: New offline ticket' } });
    const low = buildSlackMessage(handoffEvent({ urgency: 'low', type: 'handoff.resolved' }));
    expect(low.blocks[0]).toMatchObject({ text: { text: ':large_blue_circle: Handoff resolved' } });
  });

  it('masks PII when redact is on', async () => {
    receiver = await startReceiver();
    const notifier = createSlackNotifier({ webhookUrl: receiver.url, redact: true });
    await notifier.deliver(
      delivery(handoffEvent({ summary: 'IBAN DE89 3704 0044 0532 0130 00, mail a@b.co' }), 'slack'),
      {
        signal,
      },
    );
    const body = receiver.requests[0]?.body ?? '';
    expect(body).toContain('IBAN [iban], mail [email]');
    expect(body).not.toContain('3704');
  });

  it('fails without retry when the payload is not a handoff event, and on Slack 4xx errors', async () => {
    receiver = await startReceiver({ status: 404, body: 'no_service' });
    const notifier = createSlackNotifier({ webhookUrl: receiver.url });
    const bad = { ...delivery(handoffEvent(), 'slack'), payload: { hello: 'world' } };
    await expect(notifier.deliver(bad, { signal })).rejects.toMatchObject({ retryable: false, status: undefined });
    expect(receiver.requests).toHaveLength(0);

    const error = await notifier.deliver(delivery(handoffEvent(), 'slack'), { signal }).catch((caught) => caught);
    expect(NotificationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ notifier: 'slack', status: 404, retryable: false });
    expect(String(error.message)).toContain('no_service');
  });
});
