import { describe, expect, it } from 'vitest';
import {
  detectNegativeSentiment,
  scoreSentiment,
  sentimentTrend,
} from '../../../src/guard/detectors/negative-sentiment.js';
import type { Transcript } from '../../../src/guard/types.js';

const strongest = (transcript: Transcript) =>
  Math.max(0, ...detectNegativeSentiment(transcript, { phase: 'input' }).map((signal) => signal.score));

describe('scoreSentiment', () => {
  it('reads anger, insults, caps and punctuation as negative', () => {
    expect(scoreSentiment('This is really frustrating')).toBeLessThan(-0.6);
    expect(scoreSentiment('you are a useless bot')).toBeLessThan(-0.6);
    expect(scoreSentiment('WHERE IS MY ORDER???')).toBeLessThan(-0.3);
    expect(scoreSentiment('this is bad!!!')).toBeLessThan(scoreSentiment('this is bad'));
    expect(scoreSentiment('this is very bad')).toBeLessThan(scoreSentiment('this is bad'));
  });

  it('handles negation', () => {
    expect(scoreSentiment('I am happy')).toBeGreaterThan(0.3);
    expect(scoreSentiment('I am not happy')).toBeLessThan(0);
    expect(scoreSentiment('not bad at all')).toBeGreaterThan(scoreSentiment('bad'));
  });

  it('is neutral on ordinary questions and positive on thanks', () => {
    expect(Math.abs(scoreSentiment('what time do you open on sunday'))).toBeLessThan(0.2);
    expect(scoreSentiment('thanks, that was very helpful!')).toBeGreaterThan(0.5);
  });

  it('understands other languages', () => {
    expect(scoreSentiment('estoy harto, es un servicio pésimo')).toBeLessThan(-0.6);
    expect(scoreSentiment('das ist eine Frechheit, total nutzlos')).toBeLessThan(-0.6);
    expect(scoreSentiment("j'en ai marre, c'est nul")).toBeLessThan(-0.6);
  });
});

describe('a dislike of the world, not of the service', () => {
  it.each([
    'I hate waiting for the bus with heavy bags',
    'we hate ads',
    'my knees hate me',
    'I always hate paying for extras',
  ])('%j is no anger', (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(-0.5);
  });

  it.each(['I hate dealing with your support', 'I hate this app', 'I hate you'])('%j stays angry', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.5);
  });
});

describe('useless said of the service, unusable said of an item', () => {
  it.each(['eres inútil', "c'est inutile", 'sei inutile', 'vocês são inúteis'])('reads %j as negative', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.5);
  });

  it.each(['mon vieux téléphone est inutilisable, quel modèle choisir ?', 'il mio vecchio telefono è inutilizzabile'])(
    'reads %j as neutral',
    (text) => {
      expect(scoreSentiment(text)).toBeGreaterThan(-0.3);
    },
  );
});

describe('a slip the user owns up to', () => {
  it.each([
    "ugh sorry, it's jordan.miles@fernway.com",
    'oops my bad, wrong order number, it is 5521',
    'damn, typo: I meant the 14th',
    'argh, my mistake, the zip code is 30301',
    'sorry, wrong account, use the one ending 4410',
  ])("reads an apology for the user's own mistake as neutral: %j", (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(-0.3);
  });

  it.each([
    'sorry but this is ugh terrible',
    'ugh, this is useless',
    'sorry, I am furious, this is a scam',
    'sorry, your service is bad',
  ])('keeps a complaint negative, apology or not: %j', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.4);
  });
});

describe('a problem reported is no anger; the same problem still there is', () => {
  it.each([
    'promo code FRESH15 isnt working',
    "my card isn't working at the terminal",
    'the wifi in room 12 is not working',
  ])('%j is a problem report', (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(-0.5);
  });

  it.each([
    "it's still not working",
    "the code still isn't working",
    "it isn't working again",
    'this is not helping',
    "you aren't helping",
  ])('%j reads as frustration', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.5);
  });
});

describe('a no that answers, a supposition, someone else’s feelings', () => {
  it.each([
    ["lol no it's fine, maybe if it gets worse. bye!", -0.3],
    ["no it's fine", 0],
    ['in case it fails, what do I do', -0.3],
    ['unless it is broken, it is fine', 0],
  ] as const)('%j is not unhappy', (text, above) => {
    expect(scoreSentiment(text)).toBeGreaterThan(above);
  });

  it.each([
    'no good at all',
    'if this isn’t fixed today I will be furious',
    'if it breaks again I’ll be really angry',
    'this is the worst service, if you cannot fix it I am leaving',
  ])('%j stays negative', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.3);
  });

  it.each([
    'my son gets really frustrated when his cartoons buffer in the car. can we download stuff for him?',
    'my kids get bored when it rains, any board games?',
    "she's always scared when it thunders",
  ])('%j reports a feeling about the world', (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(-0.3);
  });

  it.each([
    'my husband is furious about this charge',
    'she gets upset when the app crashes and loses her work',
    'I get frustrated when this app crashes',
  ])('%j stays negative', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.4);
  });
});

describe('sentiment trend', () => {
  const rising: Transcript = [
    { role: 'user', content: 'where is my parcel' },
    { role: 'assistant', content: 'It is on its way.' },
    { role: 'user', content: 'it was due yesterday, I am a bit worried' },
    { role: 'assistant', content: 'It is on its way.' },
    { role: 'user', content: 'this is a problem, I need it today' },
    { role: 'assistant', content: 'It is on its way.' },
    { role: 'user', content: 'this is getting annoying' },
  ];

  it('reports a worsening trend', () => {
    expect(sentimentTrend(rising).trend).toBe('worsening');
    expect(sentimentTrend(rising).turns).toHaveLength(4);
  });

  it('fires on rising frustration although no single turn is strong enough', () => {
    for (const turn of rising) {
      if (turn.role === 'user') expect(-scoreSentiment(turn.content)).toBeLessThan(0.6);
    }
    expect(strongest(rising)).toBeGreaterThanOrEqual(0.6);
    const trendSignal = detectNegativeSentiment(rising, { phase: 'input' }).find(
      (signal) => signal.evidence.length > 1,
    );
    expect(trendSignal?.evidence.map((item) => item.turn)).toEqual([2, 4, 6]);
  });

  it('does not fire on a calm conversation', () => {
    const calm: Transcript = [
      { role: 'user', content: 'hi, what are your opening hours?' },
      { role: 'assistant', content: '9 to 5.' },
      { role: 'user', content: 'and on saturday?' },
      { role: 'assistant', content: '10 to 2.' },
      { role: 'user', content: 'great, thanks' },
    ];
    expect(strongest(calm)).toBe(0);
    expect(sentimentTrend(calm).trend).not.toBe('worsening');
  });
});
