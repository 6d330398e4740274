import { describe, expect, it } from 'vitest';
import { createCjkSegmenter } from '../../../src/model/offline/cjk-lexicon.js';
import { tokenize } from '../../../src/model/offline/tokenize.js';

const segment = createCjkSegmenter((english) => english.split(' '));

describe('createCjkSegmenter', () => {
  it('cuts a run of Japanese or Chinese into the longest listed words', () => {
    expect(segment('営業時間')).toEqual(['open', 'hour']);
    expect(segment('退款')).toEqual(['refund']);
    expect(segment('退货')).toEqual(['return']);
  });

  it('drops left-over kana and function words, and keeps other left-overs as one unknown word', () => {
    expect(segment('返金はいつですか')).toEqual(['refund']);
    expect(segment('东京的门店')).toEqual(['东京', 'store']);
    expect(segment('hello')).toBeUndefined();
  });
});

describe('tokenize with Japanese and Chinese', () => {
  it('reads their support questions as the English terms, voicing marks folded', () => {
    expect(tokenize('サイズの交換はできますか？')).toEqual(['siz', 'exchang']);
    expect(tokenize('我的订单到哪里了？')).toEqual(['order']);
    expect(tokenize('信用卡可以付款吗？')).toEqual(['credit', 'card', 'pay']);
  });
});
