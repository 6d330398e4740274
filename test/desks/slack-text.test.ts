import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, slackTextToPlain } from '../../src/desks/slack-text.js';

describe('slackTextToPlain', () => {
  it('undoes links, mailto links, mentions and escapes', () => {
    expect(slackTextToPlain('See <https://example.com/help|our help page>')).toBe(
      'See our help page (https://example.com/help)',
    );
    expect(slackTextToPlain('<https://example.com>')).toBe('https://example.com');
    expect(slackTextToPlain('Write to <mailto:help@example.com|help@example.com>')).toBe('Write to help@example.com');
    expect(slackTextToPlain('Ask <#C0123|billing>, <@U0ALEX> knows')).toBe('Ask billing,  knows');
    expect(slackTextToPlain('  1 &lt; 2 &amp;&amp; 3 &gt; 2  ')).toBe('1 < 2 && 3 > 2');
  });
});

describe('escapeMrkdwn', () => {
  it('escapes what Slack would read as markup, and slackTextToPlain reads it back', () => {
    const text = 'Tom & Jerry <@U0ALEX> <!channel>';
    expect(escapeMrkdwn(text)).toBe('Tom &amp; Jerry &lt;@U0ALEX&gt; &lt;!channel&gt;');
    expect(slackTextToPlain(escapeMrkdwn(text))).toBe(text);
  });
});
