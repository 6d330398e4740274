import type { HandrailUIMessage } from '../chat/conversation.js';
import type { EscalationReason } from '../guard/types.js';
import type { HandoffJudgement, Store, StoredConversation } from '../store/store.js';

const hour = 3_600_000;

/** One seeded conversation: the customer's words, the bot's answer, and what happened next. */
interface Seed {
  id: string;
  hoursAgo: number;
  question: string;
  answer: string;
  /** A handoff for these reasons, resolved and closed; none: the bot kept it. */
  handoff?: EscalationReason[];
  judgement?: Pick<HandoffJudgement, 'needed' | 'reason'>;
  /** A second customer message (the bot kept the conversation). */
  followUp?: string;
}

const seeds: Seed[] = [
  ...[
    'Can you mount bindings on skis I bought elsewhere?',
    'do you do ski binding mounting',
    'I need bindings fitted to my new skis, can the shop do it?',
    'Is ski binding mounting a service you offer?',
    'ski binding mounting price?',
  ].map((question, index) => ({
    id: `demo-history-bindings-${index}`,
    hoursAgo: index < 4 ? 20 + index * 30 : 200,
    question,
    answer: 'I am not sure about that one, let me find someone who knows.',
    handoff: ['low_confidence'] as EscalationReason[],
    ...(index === 0 ? { judgement: { needed: false } } : {}),
  })),
  ...['Do you price match other shops?', 'will you match a lower price from another store'].map((question, index) => ({
    id: `demo-history-price-${index}`,
    hoursAgo: 180 + index * 5,
    question,
    answer: 'That is outside what I can help with here.',
    handoff: ['out_of_scope'] as EscalationReason[],
  })),
  {
    id: 'demo-history-charged-twice',
    hoursAgo: 50,
    question: 'I was charged twice for order 48213, I want my money back.',
    answer: 'Let me bring in a person for this.',
    handoff: ['high_stakes'],
    judgement: { needed: true },
  },
  {
    id: 'demo-history-bot-upset',
    hoursAgo: 5,
    question: 'Where is my parcel? It was due on Monday.',
    answer: 'Parcels usually arrive in 3 to 5 business days.',
    followUp: 'This is useless and ridiculous, I am so frustrated with this shop.',
  },
  {
    id: 'demo-history-bot-repeat',
    hoursAgo: 6,
    question: 'How do I change the delivery address of my order?',
    answer: 'You can change it in your account until the order ships.',
    followUp: 'How can I change the delivery address for my order?',
  },
  {
    id: 'demo-history-bot-calm',
    hoursAgo: 7,
    question: 'Do you ship to Canada?',
    answer: 'Yes, we ship to Canada in 5 to 8 business days.',
  },
];

/** The seeded conversations as of `now`. Pure. */
export function demoHistory(now: Date): StoredConversation[] {
  return seeds.map((seed) => {
    const start = now.getTime() - seed.hoursAgo * hour;
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const texts: Array<[HandrailUIMessage['role'], string]> = [
      ['user', seed.question],
      ['assistant', seed.answer],
      ...(seed.followUp ? [['user', seed.followUp] as [HandrailUIMessage['role'], string]] : []),
    ];
    const messages = texts.map(
      ([role, text], index): HandrailUIMessage => ({
        id: `${seed.id}-m${index}`,
        role,
        parts: [{ type: 'text', text }],
        metadata: role === 'user' ? { createdAt: at(index) } : { author: 'bot', createdAt: at(index) },
      }),
    );
    const base: StoredConversation = {
      id: seed.id,
      version: 0,
      state: 'bot',
      createdAt: at(0),
      updatedAt: at(texts.length),
      language: 'en',
      messages,
      handoff: null,
    };
    if (!seed.handoff) return base;
    return {
      ...base,
      state: 'resolved',
      updatedAt: at(20),
      handoff: {
        id: `${seed.id}-handoff`,
        createdAt: at(1),
        reasons: seed.handoff.map((reason) => ({ reason, source: 'guard' as const, detail: reason.replace('_', ' ') })),
        urgency: 'normal',
        team: 'support',
        brief: null,
        routedAt: at(1),
        agentId: 'agent',
        claimedAt: at(5),
        firstAgentReplyAt: at(6),
        resolvedAt: at(20),
        resolution: 'closed',
        ...(seed.judgement ? { judgement: { ...seed.judgement, by: 'agent', at: at(21) } } : {}),
      },
    };
  });
}

/**
 * Seeds a little history (a few weeks of resolved handoffs, some judged, and conversations the
 * bot kept) into an empty store, so the console's Review and Gaps views have something on first
 * start. A store that holds any conversation is left as it is.
 */
export async function seedDemoHistory(store: Store, now: Date): Promise<number> {
  if ((await store.listConversations()).length > 0) return 0;
  const conversations = demoHistory(now);
  for (const conversation of conversations) await store.putConversation(conversation, null);
  return conversations.length;
}
