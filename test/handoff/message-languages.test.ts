import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { builtInLexicons, createGuard, detectLanguage } from '../../src/guard/index.js';
import { namesTeam } from '../../src/handoff/message-language.js';
import { crisisResources } from '../../src/handoff/message-texts.js';
import {
  agentJoinedMessage,
  backToBotMessage,
  crisisMessage,
  crisisWaitMessage,
  formatReplyBy,
  formatWait,
  messageLanguages,
  offlineMessage,
  preHandoffQuestion,
  ticketCreatedMessage,
  transitionMessage,
  waitingMessage,
} from '../../src/handoff/messages.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { alwaysOpen, type Team, teamSchema } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import {
  chatLanguage,
  chatLanguages,
  chatStatusLine,
  chatTexts,
  chatWait,
  pageLanguage,
} from '../../web/src/shared/chat-text.js';
import type { HandoffPartData } from '../../web/src/shared/types.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const newYork = 'America/New_York';
// Friday 2025-03-14 19:00 EDT; Monday 09:00 EDT; Saturday 14:00 EDT; Friday 2025-03-28 09:00 EDT.
const fridayEvening = new Date('2025-03-14T23:00:00Z');
const mondayNine = new Date('2025-03-17T13:00:00Z');
const saturday = new Date('2025-03-15T18:00:00Z');
const twoWeeks = new Date('2025-03-28T13:00:00Z');
const others = messageLanguages.filter((language) => language !== 'en');

/** Every message function, called with the same arguments whatever the language. */
const messages: Record<string, (language: string) => string> = {
  transition: (language) => transitionMessage({ language, teamName: 'Billing', etaSeconds: 180 }),
  transitionNoTeam: (language) => transitionMessage({ language }),
  transitionTeamWord: (language) => transitionMessage({ language, teamName: 'Support Team', etaSeconds: 7200 }),
  waiting: (language) => waitingMessage({ language, etaSeconds: 240 }),
  waitingNoEta: (language) => waitingMessage({ language }),
  offline: (language) =>
    offlineMessage({ language, replyBy: mondayNine, now: fridayEvening, timeZone: newYork, needsContact: true }),
  offlineHere: (language) =>
    offlineMessage({ language, replyBy: saturday, now: fridayEvening, timeZone: newYork, needsContact: false }),
  replyBy: (language) => formatReplyBy({ language, replyBy: twoWeeks, now: fridayEvening, timeZone: newYork }),
  ticket: (language) => ticketCreatedMessage({ language, ticketId: 'T-42', email: 'ana@example.com' }),
  ticketHere: (language) => ticketCreatedMessage({ language }),
  agentJoined: (language) => agentJoinedMessage({ language, agentName: 'Ana' }),
  backToBot: (language) => backToBotMessage({ language }),
  crisis: (language) => crisisMessage({ language }),
  crisisWait: (language) => crisisWaitMessage({ language }),
  waitUnderAMinute: (language) => formatWait(20, language),
  waitMinutes: (language) => formatWait(300, language),
  waitHours: (language) => formatWait(7200, language),
  questionName: (language) => preHandoffQuestion('name', language),
  questionEmail: (language) => preHandoffQuestion('email', language),
  questionOrder: (language) => preHandoffQuestion('orderNumber', language),
  questionPhone: (language) => preHandoffQuestion('phone', language),
  questionAccount: (language) => preHandoffQuestion('accountNumber', language),
  questionOther: (language) => preHandoffQuestion('vehicleReg', language),
};

/** The zone's short name as `Intl` writes it in the language, which the reply time must carry. */
function zoneName(date: Date, timeZone: string, language: string): string {
  return (
    new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? ''
  );
}

describe('handoff messages in every guard language', () => {
  it('covers exactly the languages of the guard lexicons', () => {
    expect([...messageLanguages].sort()).toEqual(builtInLexicons.map((lexicon) => lexicon.language).sort());
  });

  it.each(others)('%s: every message is written in the language, not in English', (language) => {
    for (const [name, message] of Object.entries(messages)) {
      const text = message(language);
      expect(text.trim().length, `${language} ${name}`).toBeGreaterThan(0);
      expect(text, `${language} ${name}`).not.toBe(message('en'));
      expect(text, `${language} ${name}`).not.toMatch(/\bundefined\b/);
    }
    // The English sentences do not leak into the text either.
    expect(transitionMessage({ language, teamName: 'Billing' })).not.toContain("I'm connecting you");
    expect(messages.offline?.(language)).not.toContain('offline right now');
  });

  it.each(messageLanguages)('%s: the crisis message comes first, caring, with a place to get help', (language) => {
    const text = crisisMessage({ language });
    expect(text.length).toBeGreaterThan(80);
    const resources = crisisResources[language];
    expect(text.includes('https://findahelpline.com') || text.includes(resources)).toBe(true);
    // No number but the existing lines' own is ever written: the other languages point to the directory.
    if (!['en', 'es', 'pt', 'fr', 'de'].includes(language)) {
      expect(text).toContain('https://findahelpline.com');
      // Serbian, Lithuanian and Kazakh also name 112, the emergency number of their countries.
      expect(['sr', 'lt', 'kk'].includes(language) ? text.replace('112', '') : text).not.toMatch(/\d{3}/);
    }
    expect(crisisMessage({ language, resources: 'LINE-XYZ' })).toContain('LINE-XYZ');
  });

  it('keeps the existing resource lines of en, es, pt, fr and de', () => {
    expect(crisisMessage({ language: 'en' })).toContain('988 Suicide & Crisis Lifeline');
    expect(crisisMessage({ language: 'es' })).toContain('la línea 024 en España');
    expect(crisisMessage({ language: 'pt' })).toContain('o CVV pelo 188 no Brasil');
    expect(crisisMessage({ language: 'fr' })).toContain('le 3114 en France');
    expect(crisisMessage({ language: 'de' })).toContain('0800 111 0 111');
  });

  it.each(messageLanguages)('%s: reply-by times name the time zone', (language) => {
    for (const [timeZone, replyBy] of [
      [newYork, mondayNine],
      ['Europe/Berlin', saturday],
      ['Asia/Tokyo', twoWeeks],
      ['UTC', mondayNine],
    ] as const) {
      const zone = zoneName(replyBy, timeZone, language);
      expect(zone.length).toBeGreaterThan(0);
      expect(formatReplyBy({ language, replyBy, now: fridayEvening, timeZone })).toContain(zone);
      expect(
        offlineMessage({ language, replyBy, now: fridayEvening, timeZone, needsContact: false }),
        `${language} ${timeZone}`,
      ).toContain(zone);
    }
  });

  it('says today, tomorrow and the weekday in the zone', () => {
    expect(formatReplyBy({ language: 'en', replyBy: saturday, now: fridayEvening, timeZone: newYork })).toBe(
      'by 2:00 PM tomorrow, EDT',
    );
    expect(formatReplyBy({ language: 'ru', replyBy: mondayNine, now: fridayEvening, timeZone: newYork })).toBe(
      'в понедельник до 9:00 GMT-4',
    );
    expect(formatReplyBy({ language: 'pl', replyBy: mondayNine, now: fridayEvening, timeZone: newYork })).toBe(
      'w poniedziałek do 9:00 GMT-4',
    );
    expect(formatReplyBy({ language: 'ja', replyBy: saturday, now: fridayEvening, timeZone: newYork })).toBe(
      '明日14:00（GMT-4）まで',
    );
    expect(
      formatReplyBy({
        language: 'it',
        replyBy: new Date('2025-03-15T05:00:00Z'),
        now: fridayEvening,
        timeZone: newYork,
      }),
    ).toBe("entro domani all'1:00 GMT-4");
  });

  it('says the reply time in Danish, Norwegian and Finnish, the Finnish weekday in its essive', () => {
    const monday = { replyBy: mondayNine, now: fridayEvening, timeZone: newYork };
    expect(formatReplyBy({ language: 'da', ...monday })).toBe('på mandag senest kl. 9.00 GMT-4');
    expect(formatReplyBy({ language: 'nb', ...monday })).toBe('på mandag innen kl. 9:00 EDT');
    expect(formatReplyBy({ language: 'fi', ...monday })).toBe('viimeistään maanantaina klo 9.00 UTC-4');
    expect(formatReplyBy({ language: 'fi', replyBy: saturday, now: fridayEvening, timeZone: newYork })).toMatch(
      /^viimeistään huomenna klo 14\.00 /,
    );
  });

  it('reads the tag no as Norwegian Bokmål', () => {
    expect(waitingMessage({ language: 'no' })).toBe(waitingMessage({ language: 'nb' }));
    expect(transitionMessage({ language: 'no-NO', teamName: 'Billing' })).toContain('Billing-teamet vårt');
    expect(waitingMessage({ language: 'nn' })).toBe(waitingMessage({ language: 'en' }));
  });

  it('puts the Finnish team in the allative the sentence needs', () => {
    expect(transitionMessage({ language: 'fi', teamName: 'Billing' })).toContain(
      'Yhdistän sinut nyt Billing-tiimillemme.',
    );
    expect(transitionMessage({ language: 'fi' })).toContain('Yhdistän sinut nyt tiimimme jäsenelle.');
  });

  it('says the reply time in Serbian (in Latin, though Intl writes Cyrillic), Lithuanian and Kazakh', () => {
    const monday = { replyBy: mondayNine, now: fridayEvening, timeZone: newYork };
    const later = { replyBy: twoWeeks, now: fridayEvening, timeZone: newYork };
    expect(formatReplyBy({ language: 'sr', ...monday })).toBe('u ponedeljak do 9:00 GMT-4');
    expect(formatReplyBy({ language: 'sr-Latn-RS', ...later })).toBe('28. mart do 9:00 GMT-4');
    expect(formatReplyBy({ language: 'lt', ...monday })).toBe('pirmadienį iki 9:00 GMT−4');
    expect(formatReplyBy({ language: 'kk', ...monday })).toBe('ең кеші дүйсенбіде сағат 9:00 GMT-4');
    expect(formatReplyBy({ language: 'kk', ...later })).toBe('ең кеші 28 наурыз сағат 9:00 GMT-4');
  });

  it('counts Serbian minutes and hours in their three plural forms, in Latin on the page too', () => {
    expect(formatWait(60, 'sr')).toBe('oko 1 minut');
    expect(formatWait(21 * 60, 'sr')).toBe('oko 21 minut');
    expect(formatWait(300, 'sr')).toBe('oko 5 minuta');
    expect(formatWait(7200, 'sr')).toBe('oko 2 sata');
    expect(formatWait(5 * 3600, 'sr')).toBe('oko 5 sati');
    expect(chatWait('sr', 300)).toBe('oko 5 minuta');
    expect(chatWait('sr', 11 * 3600)).toBe('oko 11 sati');
    expect(formatWait(300, 'lt')).toBe('maždaug 5 minutės');
    expect(formatWait(300, 'kk')).toBe('шамамен 5 минут');
  });

  it('names 112 for Serbian, Lithuanian and Kazakh and no other number', () => {
    for (const language of ['sr', 'lt', 'kk'] as const) {
      const text = crisisMessage({ language });
      expect(text, language).toContain('112');
      expect(text.replace('112', ''), language).not.toMatch(/\d{3}/);
    }
  });

  it('writes Chinese and Japanese sentences without spaces between them', () => {
    for (const language of ['zh', 'ja']) {
      expect(transitionMessage({ language, etaSeconds: 180 })).not.toMatch(/[。] /u);
      expect(ticketCreatedMessage({ language })).not.toMatch(/[。] /u);
    }
  });

  it('counts minutes in the grammar of the language', () => {
    expect(formatWait(300, 'ru')).toBe('примерно 5 минут');
    expect(formatWait(120, 'pl')).toBe('mniej więcej 2 minuty');
    expect(formatWait(120, 'ar')).toBe('دقيقتان تقريبًا');
    expect(formatWait(300, 'ja')).toBe('約5分');
    expect(formatWait(300, 'da')).toBe('cirka 5 minutter');
    expect(formatWait(60, 'nb')).toBe('omtrent 1 minutt');
    expect(formatWait(300, 'fi')).toBe('noin 5 minuuttia');
  });
});

describe('localized team names', () => {
  const names = { es: 'Facturación', 'pt-BR': 'Cobrança', ja: '請求', de: 'Abrechnung' };

  it('shows the team name of the language, by tag and then by primary language', () => {
    expect(transitionMessage({ language: 'es', teamName: 'Billing', teamNames: names })).toContain(
      'nuestro equipo de Facturación',
    );
    expect(transitionMessage({ language: 'es-MX', teamName: 'Billing', teamNames: names })).toContain('Facturación');
    expect(transitionMessage({ language: 'pt-BR', teamName: 'Billing', teamNames: names })).toContain(
      'a nossa equipe de Cobrança',
    );
    expect(transitionMessage({ language: 'ja', teamName: 'Billing', teamNames: names })).toContain('請求チーム');
    expect(transitionMessage({ language: 'de', teamName: 'Billing', teamNames: names })).toContain(
      'unserem Abrechnung-Team',
    );
    for (const language of ['es', 'pt-BR', 'ja', 'de']) {
      expect(transitionMessage({ language, teamName: 'Billing', teamNames: names })).not.toContain('Billing');
    }
  });

  it('falls back to the team name without one for the language', () => {
    expect(transitionMessage({ language: 'pt-PT', teamName: 'Billing', teamNames: names })).toContain('Billing');
    expect(transitionMessage({ language: 'fr', teamName: 'Billing', teamNames: names })).toContain(
      'notre équipe Billing',
    );
    expect(transitionMessage({ language: 'en', teamName: 'Billing', teamNames: names })).toContain('our Billing team');
  });

  const base = {
    id: 'billing',
    name: 'Billing',
    capacityPerAgent: 2,
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen },
  };

  it('validates names in the team schema with clear messages', () => {
    expect(teamSchema.parse({ ...base, names }).names).toEqual(names);
    expect(teamSchema.parse(base).names).toBeUndefined();
    const badTag = teamSchema.safeParse({ ...base, names: { 'not a language': 'x' } });
    expect(badTag.error?.issues[0]?.message).toMatch(/invalid language "not a language" in team names.*BCP 47/);
    const empty = teamSchema.safeParse({ ...base, names: { es: '  ' } });
    expect(empty.error?.issues[0]?.message).toMatch(/localized team name cannot be empty/);
    const notText = teamSchema.safeParse({ ...base, names: { es: 3 } });
    expect(notText.error?.issues[0]?.message).toMatch(/localized team name must be text/);
    const notRecord = teamSchema.safeParse({ ...base, names: 'Facturación' });
    expect(notRecord.error?.issues[0]?.message).toMatch(/team names must map language tags to names/);
  });

  it('reaches the customer through the handoff service', async () => {
    const teams: Team[] = [
      {
        id: 'support',
        name: 'Support',
        names: { es: 'Atención al cliente' },
        skills: [],
        topics: ['explicit_request'],
        languages: [],
        businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
        capacityPerAgent: 5,
        agents: [{ id: 'alex', name: 'Alex', languages: ['es'], status: 'online' }],
        fallback: true,
      },
    ];
    const engine = createHandrailEngine({
      model: createOfflineModel(),
      store: createMemoryStore(),
      teams,
      agents: [{ token: 'agent-token-0123456789', id: 'alex', name: 'Alex', teams: ['support'] }],
      brief: { model: false },
    });
    const app = new Hono();
    app.route('/api', engine.app);
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('localized-names-1', [userMessage('Quisiera hablar con una persona, por favor.')]),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { messages: Array<{ parts: Array<{ type: string; text?: string }> }> };
    const text = JSON.stringify(body.messages.at(-1)?.parts ?? []);
    expect(text).toContain('Te estoy conectando con nuestro equipo de Atención al cliente');
    expect(text).not.toContain('Support');
  });
});

describe('chat page strings in every guard language', () => {
  it('covers the same languages as the messages', () => {
    expect([...chatLanguages]).toEqual([...messageLanguages]);
  });

  /** Sentences a language cannot share with English (single words like "Email" may). */
  const sentences = (language: (typeof chatLanguages)[number]) => {
    const text = chatTexts[language];
    return {
      greeting: text.greeting,
      placeholder: text.placeholder,
      talkToPerson: text.talkToPerson,
      askForPerson: text.askForPerson,
      error: text.error('x'),
      startOver: text.startOver,
      loading: text.loading,
      restoreFailed: text.restoreFailed,
      formTitle: text.offlineForm.title,
      formSubmit: text.offlineForm.submit,
      formFailed: text.offlineForm.failed,
      formNotSent: text.offlineForm.notSent,
      ...Object.fromEntries(
        (['queued', 'collecting', 'offline', 'assigned', 'resolved'] as const).map((status) => [
          status,
          chatStatusLine(language, { status, reasons: [], message: '', etaSeconds: 300 }),
        ]),
      ),
      assistant: chatStatusLine(language, null),
      ticket: chatStatusLine(language, { status: 'offline', reasons: [], message: '', ticketId: 'T-1' }),
      withAgent: chatStatusLine(language, { status: 'assigned', reasons: [], message: '' }, 'Ana'),
      wait: chatWait(language, 300),
    };
  };

  it.each(chatLanguages.filter((language) => language !== 'en'))('%s: the page is not in English', (language) => {
    const english = sentences('en');
    for (const [key, text] of Object.entries(sentences(language))) {
      expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
      expect(text, `${language} ${key}`).not.toBe(english[key as keyof typeof english]);
    }
  });

  it.each(chatLanguages)('%s: the "talk to a person" button asks for a person in words the guard reads', (language) => {
    const ask = chatTexts[language].askForPerson;
    const result = createGuard().check([{ role: 'user', content: ask }], 'input');
    expect(result.reasons.map((reason) => reason.reason)).toContain('explicit_request');
    // The request keeps the conversation in its language.
    expect(detectLanguage(ask)).toBe(language);
  });

  it('takes the language from the latest handoff part, else the browser', () => {
    const part = { status: 'queued', reasons: [], message: '' } as HandoffPartData;
    expect(pageLanguage({ ...part, language: 'ja' } as HandoffPartData, 'de-DE')).toBe('ja');
    expect(pageLanguage(part, 'de-DE')).toBe('de');
    expect(pageLanguage(null, 'pt-BR')).toBe('pt');
    expect(pageLanguage(null, 'el-GR')).toBe('en');
    expect(chatLanguage(undefined)).toBe('en');
  });

  it('keeps the English strings the browser test reads', () => {
    expect(chatStatusLine('en', null)).toBe('You are chatting with the assistant.');
    expect(chatStatusLine('en', { status: 'offline', reasons: [], message: '' })).toBe('Our team is offline right now');
    expect(chatStatusLine('en', { status: 'queued', reasons: [], message: '', etaSeconds: 180 })).toBe(
      'Waiting for a person · expected wait about 3 minutes',
    );
    expect(chatTexts.en.talkToPerson).toBe('Talk to a person');
    expect(chatWait('ru', 300)).toBe('примерно 5 минут');
  });
});

describe('the chat status line while waiting', () => {
  it('keeps the wait in view after the user writes again in the queue, and tells closed from back to the bot', () => {
    const queued = chatStatusLine('en', { status: 'queued', reasons: [], message: '', etaSeconds: 300 });
    const waiting = chatStatusLine('en', { status: 'waiting', reasons: [], message: '', etaSeconds: 300 });
    expect(waiting).toBe(queued);
    expect(waiting).toMatch(/5 minutes/);
    const closed = chatStatusLine('es', { status: 'resolved', resolution: 'closed', reasons: [], message: '' });
    const back = chatStatusLine('es', { status: 'resolved', resolution: 'bot', reasons: [], message: '' });
    expect(closed).not.toBe(back);
  });
});

describe('namesTeam', () => {
  it('finds a word for "team" among the words of a name, elided or beside a symbol', () => {
    expect(namesTeam('Support Team')).toBe(true);
    expect(namesTeam("Chef d'équipe")).toBe(true);
    expect(namesTeam("Team's desk")).toBe(true);
    expect(namesTeam('Team🚀')).toBe(true);
    expect(namesTeam('サポートチーム')).toBe(true);
    expect(namesTeam('Steamworks')).toBe(false);
  });
});
