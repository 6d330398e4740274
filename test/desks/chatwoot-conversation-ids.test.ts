import { describe, expect, it } from 'vitest';
import { chatwootConversationIds } from '../../src/desks/chatwoot-conversation-ids.js';

describe('chatwootConversationIds', () => {
  const ids = chatwootConversationIds(1);

  it('names a Chatwoot conversation in Handrail and reads the name back', () => {
    expect(ids.handrailId(42)).toBe('chatwoot-1-42');
    expect(ids.chatwootIdOf(ids.handrailId(42))).toBe(42);
  });

  it('reads nothing from conversations of other accounts or channels', () => {
    expect(ids.chatwootIdOf('chatwoot-2-42')).toBe(null);
    expect(ids.chatwootIdOf('chatwoot-11-42')).toBe(null);
    expect(ids.chatwootIdOf('conv_42')).toBe(null);
    expect(ids.chatwootIdOf('chatwoot-1-')).toBe(null);
    expect(ids.chatwootIdOf('chatwoot-1-42x')).toBe(null);
  });
});
