import { describe, expect, it } from 'vitest';
import { detectSmallTalk } from '../../../src/model/offline/small-talk.js';

describe('detectSmallTalk', () => {
  it('recognises greetings, thanks and short closing statements', () => {
    expect(detectSmallTalk('Hi there!')).toBe('greeting');
    expect(detectSmallTalk('Thanks, that helps!')).toBe('thanks');
    expect(detectSmallTalk("Okay, I'll pick it up in store then. Thanks!")).toBe('thanks');
    expect(detectSmallTalk("Great, that's all I needed.")).toBe('thanks');
  });

  it('recognises short praise, but not praise beside a problem or a question', () => {
    expect(detectSmallTalk('I love my new boots by the way')).toBe('praise');
    expect(detectSmallTalk('The jacket is amazing!')).toBe('praise');
    expect(detectSmallTalk('I loved my boots until the sole came off')).toBeUndefined();
    expect(detectSmallTalk('I love how you keep ignoring me')).toBeUndefined();
    expect(detectSmallTalk('I love the Ridge 2, is it in stock?')).toBeUndefined();
  });

  it('leaves questions, sarcastic thanks and farewells inside longer messages alone', () => {
    expect(detectSmallTalk('Hi, where is my order?')).toBeUndefined();
    expect(detectSmallTalk('Thanks. Also, can you check my tax refund?')).toBeUndefined();
    expect(detectSmallTalk("Fantastic. You've ruined my vacation, thanks so much.")).toBeUndefined();
    expect(detectSmallTalk('I just wanted to say goodbye to everyone before I go.')).toBeUndefined();
  });
});
