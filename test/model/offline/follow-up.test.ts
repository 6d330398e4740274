import { describe, expect, it } from 'vitest';
import { followUpContext, isFollowUp } from '../../../src/model/offline/follow-up.js';

describe('isFollowUp', () => {
  it('takes short, linked or pointing-back messages as follow-ups, and a full question as none', () => {
    expect(isFollowUp('and to Canada?')).toBe(true);
    expect(isFollowUp('¿Y cuánto cuesta?')).toBe(true);
    expect(isFollowUp('Is that still possible after an hour?')).toBe(true);
    expect(isFollowUp('How long does delivery to Canada take?')).toBe(false);
  });
});

describe('followUpContext', () => {
  it('is the question before for a follow-up to a question that stands alone', () => {
    expect(followUpContext(['Do you ship to Canada?', 'and Mexico?'])).toBe('Do you ship to Canada?');
    expect(followUpContext(['Do you ship to Canada?'])).toBeUndefined();
  });

  it('goes back through a chain of follow-ups to the question it started from', () => {
    expect(followUpContext(['Do you ship to the US?', 'and to Canada?', 'and Mexico?'])).toBe(
      'Do you ship to the US?\nand to Canada?',
    );
    expect(followUpContext(['How do I return boots?', 'Do you ship to the US?', 'and to Canada?', 'and Mexico?'])).toBe(
      'Do you ship to the US?\nand to Canada?',
    );
  });

  it('reads at most four earlier questions', () => {
    const chain = ['Do you ship to the US?', 'and Canada?', 'and Peru?', 'and Chile?', 'and Brazil?', 'and Cuba?'];
    expect(followUpContext(chain)).toBe('and Canada?\nand Peru?\nand Chile?\nand Brazil?');
  });
});
