import { describe, expect, it } from 'vitest';
import {
  agentJoinedMessage,
  backToBotMessage,
  crisisMessage,
  formatWait,
  messageLanguage,
  messageLanguages,
  offlineMessage,
  preHandoffQuestion,
  ticketCreatedMessage,
  transitionMessage,
  waitingMessage,
} from '../../src/handoff/messages.js';

const newYork = 'America/New_York';
// Friday 2025-03-14 19:00 EDT, and the reply time Monday 09:00 EDT.
const fridayEvening = new Date('2025-03-14T23:00:00Z');
const mondayNine = new Date('2025-03-17T13:00:00Z');

describe('messageLanguage', () => {
  it('maps tags to the guard languages and falls back to English', () => {
    expect(messageLanguage('pt-BR')).toBe('pt');
    expect(messageLanguage('DE')).toBe('de');
    expect(messageLanguage('ja')).toBe('ja');
    expect(messageLanguage('zh-Hant-TW')).toBe('zh');
    expect(messageLanguage('el')).toBe('en');
    expect(messageLanguage(undefined)).toBe('en');
  });
});

describe('formatWait', () => {
  it('rounds to minutes and hours', () => {
    expect(formatWait(20)).toBe('less than a minute');
    expect(formatWait(60)).toBe('about 1 minute');
    expect(formatWait(170)).toBe('about 3 minutes');
    expect(formatWait(7200)).toBe('about 2 hours');
    expect(formatWait(3600, 'es')).toBe('alrededor de una hora');
    expect(formatWait(Number.NaN)).toBe('less than a minute');
  });
});

describe('transitionMessage', () => {
  it('names the team and the wait, and says the customer can keep writing', () => {
    expect(transitionMessage({ language: 'en', teamName: 'Billing', etaSeconds: 180 })).toBe(
      "I'm connecting you with our Billing team. The expected wait is about 3 minutes. You can keep writing here; they will see the whole conversation.",
    );
  });

  it('leaves out the wait when unknown and does not say "team team"', () => {
    expect(transitionMessage({ teamName: 'Support Team' })).toBe(
      "I'm connecting you with our Support Team. You can keep writing here; they will see the whole conversation.",
    );
    expect(transitionMessage({ language: 'en' })).toContain('a member of our team');
  });

  it('speaks every language, with French elision', () => {
    expect(transitionMessage({ language: 'es', teamName: 'Facturación', etaSeconds: 300 })).toBe(
      'Te estoy conectando con nuestro equipo de Facturación. El tiempo de espera estimado es de unos 5 minutos. Puedes seguir escribiendo aquí; verán toda la conversación.',
    );
    expect(transitionMessage({ language: 'fr', teamName: 'Facturation', etaSeconds: 300 })).toContain(
      "L'attente prévue est d'environ 5 minutes.",
    );
    expect(transitionMessage({ language: 'fr', etaSeconds: 10 })).toContain(
      "L'attente prévue est de moins d'une minute.",
    );
    expect(transitionMessage({ language: 'de', teamName: 'Billing', etaSeconds: 120 })).toBe(
      'Ich verbinde Sie mit unserem Billing-Team. Die voraussichtliche Wartezeit beträgt etwa 2 Minuten. Sie können hier weiterschreiben; das Team sieht den gesamten Verlauf.',
    );
    expect(transitionMessage({ language: 'pt-BR', teamName: 'Cobrança' })).toContain('a nossa equipe de Cobrança');
  });
});

describe('offlineMessage', () => {
  it('says "tomorrow" when the reply is the next local day', () => {
    // Sunday 20:00 EDT (Monday 00:00 UTC): in New York, Monday is tomorrow, though in UTC it is today.
    const sundayEvening = new Date('2025-03-17T00:00:00Z');
    expect(
      offlineMessage({
        language: 'en',
        replyBy: mondayNine,
        now: sundayEvening,
        timeZone: newYork,
        needsContact: true,
      }),
    ).toBe(
      "Our team is offline right now. Leave your name and email and we'll get back to you by 9:00 AM tomorrow, EDT.",
    );
  });

  it('names the weekday from a Friday evening', () => {
    expect(
      offlineMessage({
        language: 'en',
        replyBy: mondayNine,
        now: fridayEvening,
        timeZone: newYork,
        needsContact: false,
      }),
    ).toBe("Our team is offline right now. We'll get back to you here by 9:00 AM on Monday, EDT.");
    expect(
      offlineMessage({
        language: 'es',
        replyBy: mondayNine,
        now: fridayEvening,
        timeZone: newYork,
        needsContact: true,
      }),
    ).toBe(
      'Nuestro equipo no está disponible en este momento. Déjanos tu nombre y tu correo electrónico y te responderemos el lunes antes de las 9:00 GMT-4.',
    );
    expect(
      offlineMessage({
        language: 'de',
        replyBy: mondayNine,
        now: fridayEvening,
        timeZone: newYork,
        needsContact: false,
      }),
    ).toBe('Unser Team ist gerade nicht erreichbar. Wir melden uns hier am Montag bis 9:00 Uhr GMT-4.');
    expect(
      offlineMessage({
        language: 'pt',
        replyBy: mondayNine,
        now: fridayEvening,
        timeZone: newYork,
        needsContact: false,
      }),
    ).toBe('Nossa equipe está offline agora. Responderemos aqui até segunda-feira às 9:00 GMT-4.');
    expect(
      offlineMessage({
        language: 'fr',
        replyBy: mondayNine,
        now: fridayEvening,
        timeZone: newYork,
        needsContact: false,
      }),
    ).toBe('Notre équipe est hors ligne pour le moment. Nous vous répondrons ici lundi avant 9:00 UTC−4.');
  });

  it('says "today" the same local day and writes the time in the given zone', () => {
    const earlyMonday = new Date('2025-03-17T10:00:00Z'); // 06:00 EDT
    expect(offlineMessage({ replyBy: mondayNine, now: earlyMonday, timeZone: newYork, needsContact: false })).toContain(
      'by 9:00 AM today, EDT',
    );
    // The same instants read from Lisbon (UTC+0 in March): 13:00 on Monday.
    expect(
      offlineMessage({ replyBy: mondayNine, now: earlyMonday, timeZone: 'Europe/Lisbon', needsContact: false }),
    ).toContain('by 1:00 PM today, GMT');
    expect(
      offlineMessage({
        language: 'es',
        replyBy: mondayNine,
        now: earlyMonday,
        timeZone: 'Europe/Lisbon',
        needsContact: false,
      }),
    ).toContain('hoy antes de las 13:00');
  });

  it('writes the date when the reply is a week or more away', () => {
    const farAway = new Date('2025-03-28T13:00:00Z');
    expect(offlineMessage({ replyBy: farAway, now: fridayEvening, timeZone: newYork, needsContact: false })).toContain(
      'by 9:00 AM on March 28, EDT',
    );
  });
});

describe('other messages', () => {
  it('announce tickets, agents, the return to the bot and the wait in every language', () => {
    expect(ticketCreatedMessage({ ticketId: 'T-42', email: 'ana@example.com' })).toBe(
      "I've created ticket T-42 for you. Our team will answer by email at ana@example.com.",
    );
    expect(ticketCreatedMessage({ language: 'fr' })).toBe(
      "J'ai créé un ticket pour vous. Notre équipe vous répondra ici.",
    );
    expect(agentJoinedMessage({ agentName: 'Ana' })).toBe('Ana from our team has joined the conversation.');
    expect(agentJoinedMessage({ language: 'de', agentName: 'Jonas' })).toBe(
      'Jonas aus unserem Team ist dem Gespräch beigetreten.',
    );
    expect(waitingMessage({ etaSeconds: 240 })).toBe(
      "Thanks, I've added your message to the conversation. Someone from our team will be with you soon (expected wait: about 4 minutes).",
    );
    for (const language of messageLanguages) {
      for (const text of [
        backToBotMessage({ language }),
        waitingMessage({ language }),
        ticketCreatedMessage({ language }),
      ]) {
        expect(text.length).toBeGreaterThan(20);
      }
    }
    expect(backToBotMessage({ language: 'es' })).not.toBe(backToBotMessage({ language: 'en' }));
  });

  it('gives crisis resources, says a person is coming, and accepts local lines', () => {
    for (const language of messageLanguages) {
      const text = crisisMessage({ language });
      expect(text).toMatch(/112|911|findahelpline\.com/);
    }
    expect(crisisMessage()).toMatch(/not alone/);
    expect(crisisMessage()).toMatch(/emergency services or a crisis line now/);
    expect(crisisMessage()).toMatch(/connecting you with a person/);
    expect(crisisMessage({ language: 'pt', resources: 'SNS 24: 808 24 24 24' })).toContain('(SNS 24: 808 24 24 24)');
  });

  it('asks for known fields in the customer language and for others generically', () => {
    expect(preHandoffQuestion('orderNumber')).toBe(
      'What is your order number? It helps our team find your case faster.',
    );
    expect(preHandoffQuestion('order_id', 'es')).toBe(
      '¿Cuál es tu número de pedido? Ayuda a nuestro equipo a encontrar tu caso más rápido.',
    );
    expect(preHandoffQuestion('email', 'de')).toBe(
      'Unter welcher E-Mail-Adresse erreichen wir Sie, falls der Chat abbricht?',
    );
    expect(preHandoffQuestion('vehicleReg')).toBe('Before I connect you, could you tell me your vehicle reg?');
  });
});
