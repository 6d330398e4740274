import { calendarDaysBetween, formatLocalTime, zonedParts } from '../routing/business-hours.js';

/** Languages Handrail's user-facing messages are written in. Anything else gets English. */
export const messageLanguages = ['en', 'es', 'pt', 'fr', 'de'] as const;
export type MessageLanguage = (typeof messageLanguages)[number];

/** The message language for a BCP 47 tag: `pt-BR` gives `pt`; unknown or missing gives `en`. */
export function messageLanguage(language?: string): MessageLanguage {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (messageLanguages as readonly string[]).includes(primary ?? '') ? (primary as MessageLanguage) : 'en';
}

type Plural = (count: number) => string;

interface WaitWords {
  underAMinute: string;
  minutes: Plural;
  hours: Plural;
}

const waitWords: Record<MessageLanguage, WaitWords> = {
  en: {
    underAMinute: 'less than a minute',
    minutes: (n) => (n === 1 ? 'about 1 minute' : `about ${n} minutes`),
    hours: (n) => (n === 1 ? 'about 1 hour' : `about ${n} hours`),
  },
  es: {
    underAMinute: 'menos de un minuto',
    minutes: (n) => (n === 1 ? 'alrededor de un minuto' : `unos ${n} minutos`),
    hours: (n) => (n === 1 ? 'alrededor de una hora' : `unas ${n} horas`),
  },
  pt: {
    underAMinute: 'menos de um minuto',
    minutes: (n) => (n === 1 ? 'cerca de 1 minuto' : `cerca de ${n} minutos`),
    hours: (n) => (n === 1 ? 'cerca de 1 hora' : `cerca de ${n} horas`),
  },
  fr: {
    underAMinute: "moins d'une minute",
    minutes: (n) => (n === 1 ? 'environ 1 minute' : `environ ${n} minutes`),
    hours: (n) => (n === 1 ? 'environ 1 heure' : `environ ${n} heures`),
  },
  de: {
    underAMinute: 'weniger als eine Minute',
    minutes: (n) => (n === 1 ? 'etwa 1 Minute' : `etwa ${n} Minuten`),
    hours: (n) => (n === 1 ? 'etwa 1 Stunde' : `etwa ${n} Stunden`),
  },
};

/** A wait in words: `less than a minute`, `about 3 minutes`, `about 2 hours`. */
export function formatWait(seconds: number, language?: string): string {
  const words = waitWords[messageLanguage(language)];
  const safe = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  if (safe < 60) return words.underAMinute;
  const minutes = Math.round(safe / 60);
  if (minutes < 60) return words.minutes(minutes);
  return words.hours(Math.max(1, Math.round(safe / 3600)));
}

function teamPhrase(language: MessageLanguage, teamName: string | undefined): string {
  const name = teamName?.trim();
  const namesTeam = name ? /\b(?:team|equipo|equipe|équipe)\b/iu.test(name) : false;
  switch (language) {
    case 'es':
      return !name ? 'una persona de nuestro equipo' : namesTeam ? `nuestro ${name}` : `nuestro equipo de ${name}`;
    case 'pt':
      return !name ? 'uma pessoa da nossa equipe' : namesTeam ? `a nossa ${name}` : `a nossa equipe de ${name}`;
    case 'fr':
      return !name ? 'une personne de notre équipe' : namesTeam ? `notre ${name}` : `notre équipe ${name}`;
    case 'de':
      if (!name) return 'einem Menschen aus unserem Team';
      if (namesTeam) return `unserem ${name}`;
      return /\s/.test(name) ? `unserem Team „${name}“` : `unserem ${name}-Team`;
    default:
      return !name ? 'a member of our team' : namesTeam ? `our ${name}` : `our ${name} team`;
  }
}

/** Options of {@link transitionMessage}. */
export interface TransitionMessageOptions {
  language?: string;
  /** The team's display name (`Billing`). */
  teamName?: string;
  /** Expected wait; without it the message names no wait. */
  etaSeconds?: number;
}

/**
 * What the customer reads when the conversation goes to a person: who takes it, the expected
 * wait, and that they can keep writing.
 *
 * @example
 * transitionMessage({ language: 'en', teamName: 'Billing', etaSeconds: 180 });
 * // "I'm connecting you with our Billing team. The expected wait is about 3 minutes. You can keep writing here; they will see the whole conversation."
 */
export function transitionMessage({ language, teamName, etaSeconds }: TransitionMessageOptions): string {
  const lang = messageLanguage(language);
  const who = teamPhrase(lang, teamName);
  const wait = etaSeconds === undefined ? undefined : formatWait(etaSeconds, lang);
  switch (lang) {
    case 'es':
      return [
        `Te estoy conectando con ${who}.`,
        wait && `El tiempo de espera estimado es de ${wait}.`,
        'Puedes seguir escribiendo aquí; verán toda la conversación.',
      ]
        .filter(Boolean)
        .join(' ');
    case 'pt':
      return [
        `Estou conectando você com ${who}.`,
        wait && `O tempo de espera previsto é de ${wait}.`,
        'Você pode continuar escrevendo aqui; a equipe verá toda a conversa.',
      ]
        .filter(Boolean)
        .join(' ');
    case 'fr':
      return [
        `Je vous mets en relation avec ${who}.`,
        wait && `L'attente prévue est ${/^[aeiouéè]/iu.test(wait) ? "d'" : 'de '}${wait}.`,
        "Vous pouvez continuer à écrire ici ; l'équipe verra toute la conversation.",
      ]
        .filter(Boolean)
        .join(' ');
    case 'de':
      return [
        `Ich verbinde Sie mit ${who}.`,
        wait && `Die voraussichtliche Wartezeit beträgt ${wait}.`,
        'Sie können hier weiterschreiben; das Team sieht den gesamten Verlauf.',
      ]
        .filter(Boolean)
        .join(' ');
    default:
      return [
        `I'm connecting you with ${who}.`,
        wait && `The expected wait is ${wait}.`,
        'You can keep writing here; they will see the whole conversation.',
      ]
        .filter(Boolean)
        .join(' ');
  }
}

/** Options of {@link offlineMessage}. */
export interface OfflineMessageOptions {
  language?: string;
  /** When the team promises to reply (a route's `replyBy`). */
  replyBy: Date;
  now: Date;
  /** Zone the times are written in: the customer's when known, else the team's. */
  timeZone: string;
  /** True to ask for a name and email so the team can answer out of the chat. */
  needsContact: boolean;
}

/** "by 9:00 AM tomorrow", "mañana antes de las 9:00": the reply time relative to now, in the zone. */
export function formatReplyBy({
  language,
  replyBy,
  now,
  timeZone,
}: Pick<OfflineMessageOptions, 'language' | 'replyBy' | 'now' | 'timeZone'>): string {
  const lang = messageLanguage(language);
  const days = calendarDaysBetween(now, replyBy, timeZone);
  const time = formatLocalTime(replyBy, timeZone, lang);
  const weekday = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long' }).format(replyBy);
  const date = new Intl.DateTimeFormat(lang, { timeZone, month: 'long', day: 'numeric' }).format(replyBy);
  // Spanish and Portuguese write 24-hour times: only 1:00 takes the singular article.
  const oneOClock = zonedParts(replyBy, timeZone).hour === 1;
  const within = days >= 2 && days <= 6;
  switch (lang) {
    case 'es': {
      const day = days <= 0 ? 'hoy' : days === 1 ? 'mañana' : within ? `el ${weekday}` : `el ${date}`;
      return `${day} antes de ${oneOClock ? 'la' : 'las'} ${time}`;
    }
    case 'pt': {
      const day = days <= 0 ? 'hoje' : days === 1 ? 'amanhã' : within ? weekday : date;
      return `até ${day} ${oneOClock ? 'à' : 'às'} ${time}`;
    }
    case 'fr': {
      const day = days <= 0 ? "aujourd'hui" : days === 1 ? 'demain' : within ? weekday : `le ${date}`;
      return `${day} avant ${time}`;
    }
    case 'de': {
      const day = days <= 0 ? 'heute' : days === 1 ? 'morgen' : within ? `am ${weekday}` : `am ${date}`;
      return `${day} bis ${time} Uhr`;
    }
    default: {
      const day = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : within ? `on ${weekday}` : `on ${date}`;
      return `by ${time} ${day}`;
    }
  }
}

/**
 * What the customer reads when nobody can take the conversation now: the team is offline and
 * when it will reply, with "today", "tomorrow" or the weekday computed in `timeZone`.
 *
 * @example
 * offlineMessage({ language: 'en', replyBy, now, timeZone: 'America/New_York', needsContact: true });
 * // "Our team is offline right now. Leave your name and email and we'll get back to you by 9:00 AM tomorrow."
 */
export function offlineMessage(options: OfflineMessageOptions): string {
  const lang = messageLanguage(options.language);
  const when = formatReplyBy(options);
  const contact = options.needsContact;
  switch (lang) {
    case 'es':
      return `Nuestro equipo no está disponible en este momento. ${
        contact
          ? `Déjanos tu nombre y tu correo electrónico y te responderemos ${when}.`
          : `Te responderemos aquí ${when}.`
      }`;
    case 'pt':
      return `Nossa equipe está offline agora. ${
        contact ? `Deixe seu nome e e-mail e responderemos ${when}.` : `Responderemos aqui ${when}.`
      }`;
    case 'fr':
      return `Notre équipe est hors ligne pour le moment. ${
        contact
          ? `Laissez votre nom et votre e-mail et nous vous répondrons ${when}.`
          : `Nous vous répondrons ici ${when}.`
      }`;
    case 'de':
      return `Unser Team ist gerade nicht erreichbar. ${
        contact
          ? `Hinterlassen Sie Ihren Namen und Ihre E-Mail-Adresse, dann melden wir uns ${when}.`
          : `Wir melden uns hier ${when}.`
      }`;
    default:
      return `Our team is offline right now. ${
        contact ? `Leave your name and email and we'll get back to you ${when}.` : `We'll get back to you here ${when}.`
      }`;
  }
}

/** Options of {@link ticketCreatedMessage}. */
export interface TicketCreatedMessageOptions {
  language?: string;
  ticketId?: string;
  /** Where the team will answer; without it, they answer in the chat. */
  email?: string;
}

/** What the customer reads when their request became a ticket. */
export function ticketCreatedMessage({ language, ticketId, email }: TicketCreatedMessageOptions): string {
  switch (messageLanguage(language)) {
    case 'es':
      return `${ticketId ? `He creado el ticket ${ticketId} para ti.` : 'He creado un ticket para ti.'} ${
        email ? `Nuestro equipo te responderá por correo a ${email}.` : 'Nuestro equipo te responderá aquí.'
      }`;
    case 'pt':
      return `${ticketId ? `Criei o chamado ${ticketId} para você.` : 'Criei um chamado para você.'} ${
        email ? `Nossa equipe vai responder por e-mail para ${email}.` : 'Nossa equipe vai responder aqui.'
      }`;
    case 'fr':
      return `${ticketId ? `J'ai créé le ticket ${ticketId} pour vous.` : "J'ai créé un ticket pour vous."} ${
        email ? `Notre équipe vous répondra par e-mail à ${email}.` : 'Notre équipe vous répondra ici.'
      }`;
    case 'de':
      return `${ticketId ? `Ich habe das Ticket ${ticketId} für Sie angelegt.` : 'Ich habe ein Ticket für Sie angelegt.'} ${
        email ? `Unser Team antwortet Ihnen per E-Mail an ${email}.` : 'Unser Team antwortet Ihnen hier.'
      }`;
    default:
      return `${ticketId ? `I've created ticket ${ticketId} for you.` : "I've created a ticket for you."} ${
        email ? `Our team will answer by email at ${email}.` : 'Our team will answer you here.'
      }`;
  }
}

/** What the customer reads when an agent takes the conversation. */
export function agentJoinedMessage({ language, agentName }: { language?: string; agentName: string }): string {
  switch (messageLanguage(language)) {
    case 'es':
      return `${agentName}, de nuestro equipo, se ha unido a la conversación.`;
    case 'pt':
      return `${agentName}, da nossa equipe, entrou na conversa.`;
    case 'fr':
      return `${agentName}, de notre équipe, a rejoint la conversation.`;
    case 'de':
      return `${agentName} aus unserem Team ist dem Gespräch beigetreten.`;
    default:
      return `${agentName} from our team has joined the conversation.`;
  }
}

/** What the customer reads when the agent hands the conversation back to the bot. */
export function backToBotMessage({ language }: { language?: string } = {}): string {
  switch (messageLanguage(language)) {
    case 'es':
      return 'Nuestro equipo ha terminado la conversación. Vuelves a hablar con el asistente: pregúntame lo que necesites o pide hablar con una persona cuando quieras.';
    case 'pt':
      return 'Nossa equipe encerrou a conversa. Você está falando de novo com o assistente: pergunte o que precisar ou peça para falar com uma pessoa quando quiser.';
    case 'fr':
      return "Notre équipe a terminé la conversation. Vous parlez de nouveau avec l'assistant : posez-moi vos questions ou demandez à parler à une personne à tout moment.";
    case 'de':
      return 'Unser Team hat das Gespräch beendet. Sie sprechen wieder mit dem Assistenten: Fragen Sie mich gern, oder bitten Sie jederzeit um ein Gespräch mit einem Menschen.';
    default:
      return "Our team has finished the conversation. You're talking to the assistant again: ask me anything, or ask for a person at any time.";
  }
}

/** What the customer reads when they write while waiting in the queue. */
export function waitingMessage({ language, etaSeconds }: { language?: string; etaSeconds?: number } = {}): string {
  const lang = messageLanguage(language);
  const wait = etaSeconds === undefined ? undefined : formatWait(etaSeconds, lang);
  switch (lang) {
    case 'es':
      return `Gracias, he añadido tu mensaje a la conversación. Una persona de nuestro equipo te atenderá pronto${wait ? ` (espera estimada: ${wait})` : ''}.`;
    case 'pt':
      return `Obrigado, adicionei sua mensagem à conversa. Uma pessoa da nossa equipe vai atender você em breve${wait ? ` (espera prevista: ${wait})` : ''}.`;
    case 'fr':
      return `Merci, j'ai ajouté votre message à la conversation. Une personne de notre équipe va vous répondre bientôt${wait ? ` (attente prévue : ${wait})` : ''}.`;
    case 'de':
      return `Danke, ich habe Ihre Nachricht zum Gespräch hinzugefügt. Jemand aus unserem Team ist bald für Sie da${wait ? ` (voraussichtliche Wartezeit: ${wait})` : ''}.`;
    default:
      return `Thanks, I've added your message to the conversation. Someone from our team will be with you soon${wait ? ` (expected wait: ${wait})` : ''}.`;
  }
}

const crisisResources: Record<MessageLanguage, string> = {
  en: 'for example 911 or the 988 Suicide & Crisis Lifeline in the US, 112 in the EU, or Samaritans on 116 123 in the UK and Ireland',
  es: 'por ejemplo, el 112 en Europa o la línea 024 en España',
  pt: 'por exemplo, o CVV pelo 188 no Brasil ou o 112 em Portugal',
  fr: 'par exemple le 112, ou le 3114 en France',
  de: 'zum Beispiel den Notruf 112 oder die TelefonSeelsorge unter 0800 111 0 111 in Deutschland',
};

/**
 * The safe message for a crisis (self-harm, danger): you are not alone, contact local
 * emergency services or a crisis line now, and a person is being connected. `resources`
 * replaces the example numbers, e.g. with the lines of the deployment's country.
 */
export function crisisMessage({ language, resources }: { language?: string; resources?: string } = {}): string {
  const lang = messageLanguage(language);
  const lines = resources?.trim() || crisisResources[lang];
  switch (lang) {
    case 'es':
      return `No estás solo ni sola, y gracias por escribirnos. Si estás en peligro o piensas en hacerte daño, contacta ahora con los servicios de emergencia de tu zona o con una línea de crisis (${lines}). Te estoy conectando con una persona de nuestro equipo.`;
    case 'pt':
      return `Você não está sozinho, e obrigado por nos escrever. Se você está em perigo ou pensando em se machucar, procure agora os serviços de emergência locais ou uma linha de apoio emocional (${lines}). Estou conectando você com uma pessoa da nossa equipe.`;
    case 'fr':
      return `Vous n'êtes pas seul, et merci de nous avoir écrit. Si vous êtes en danger ou pensez à vous faire du mal, contactez dès maintenant les services d'urgence locaux ou une ligne d'écoute (${lines}). Je vous mets en relation avec une personne de notre équipe.`;
    case 'de':
      return `Sie sind nicht allein, und danke, dass Sie sich gemeldet haben. Wenn Sie in Gefahr sind oder daran denken, sich etwas anzutun, wenden Sie sich bitte sofort an den örtlichen Notruf oder eine Krisenhotline (${lines}). Ich verbinde Sie jetzt mit einem Menschen aus unserem Team.`;
    default:
      return `You are not alone, and thank you for telling us. If you are in danger or thinking about harming yourself, please contact your local emergency services or a crisis line now (${lines}). I'm connecting you with a person from our team.`;
  }
}

const knownQuestions: Record<MessageLanguage, Record<string, string>> = {
  en: {
    name: 'Before I connect you, what name should our team use?',
    email: 'What email address can our team reach you at if the chat disconnects?',
    ordernumber: 'What is your order number? It helps our team find your case faster.',
    phone: 'What phone number can our team call you on?',
    accountnumber: 'What is your account number?',
  },
  es: {
    name: 'Antes de conectarte, ¿cómo te llamas?',
    email: '¿A qué correo electrónico podemos escribirte si se corta el chat?',
    ordernumber: '¿Cuál es tu número de pedido? Ayuda a nuestro equipo a encontrar tu caso más rápido.',
    phone: '¿A qué número de teléfono podemos llamarte?',
    accountnumber: '¿Cuál es tu número de cuenta?',
  },
  pt: {
    name: 'Antes de conectar você, qual é o seu nome?',
    email: 'Qual e-mail podemos usar para falar com você se o chat cair?',
    ordernumber: 'Qual é o número do seu pedido? Isso ajuda nossa equipe a encontrar seu caso mais rápido.',
    phone: 'Em qual número de telefone podemos ligar para você?',
    accountnumber: 'Qual é o número da sua conta?',
  },
  fr: {
    name: 'Avant de vous mettre en relation, quel est votre nom ?',
    email: "À quelle adresse e-mail pouvons-nous vous joindre si le chat s'interrompt ?",
    ordernumber: 'Quel est votre numéro de commande ? Cela aide notre équipe à retrouver votre dossier plus vite.',
    phone: 'À quel numéro de téléphone pouvons-nous vous appeler ?',
    accountnumber: 'Quel est votre numéro de compte ?',
  },
  de: {
    name: 'Bevor ich Sie verbinde: Wie heißen Sie?',
    email: 'Unter welcher E-Mail-Adresse erreichen wir Sie, falls der Chat abbricht?',
    ordernumber: 'Wie lautet Ihre Bestellnummer? Damit findet unser Team Ihren Fall schneller.',
    phone: 'Unter welcher Telefonnummer können wir Sie anrufen?',
    accountnumber: 'Wie lautet Ihre Kundennummer?',
  },
};

const genericQuestion: Record<MessageLanguage, (field: string) => string> = {
  en: (field) => `Before I connect you, could you tell me your ${field}?`,
  es: (field) => `Antes de conectarte, ¿podrías indicarme tu ${field}?`,
  pt: (field) => `Antes de conectar você, pode me informar seu ${field}?`,
  fr: (field) => `Avant de vous mettre en relation, pouvez-vous m'indiquer votre ${field} ?`,
  de: (field) => `Bevor ich Sie verbinde: Können Sie mir Ihre Angabe „${field}“ nennen?`,
};

/**
 * The question asked before a handoff to collect one field: `name`, `email`, `orderNumber`,
 * `phone` and `accountNumber` have their own wording; any other field gets a generic question
 * naming it.
 */
export function preHandoffQuestion(field: string, language?: string): string {
  const lang = messageLanguage(language);
  const key = field.toLowerCase().replace(/[\s_-]+/g, '');
  const aliases: Record<string, string> = {
    order: 'ordernumber',
    orderid: 'ordernumber',
    account: 'accountnumber',
    accountid: 'accountnumber',
    phonenumber: 'phone',
    emailaddress: 'email',
    fullname: 'name',
  };
  const known = knownQuestions[lang][aliases[key] ?? key];
  if (known) return known;
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return genericQuestion[lang](words);
}

/**
 * What a user in crisis is told when no person can answer soon (every agent busy, or outside
 * business hours): never a wait of hours, but that the crisis resources above are the fastest
 * help, and that they are first in line.
 */
export function crisisWaitMessage({ language }: { language?: string } = {}): string {
  switch (messageLanguage(language)) {
    case 'es':
      return 'Ahora mismo puede que nadie de nuestro equipo pueda responderte en los próximos minutos. Por favor, contacta ya con los recursos de ayuda de arriba; te hemos puesto en primer lugar de la cola.';
    case 'pt':
      return 'Neste momento talvez ninguém da nossa equipe consiga responder nos próximos minutos. Por favor, procure agora os recursos de ajuda acima; colocamos você em primeiro lugar na fila.';
    case 'fr':
      return "Il se peut que personne de notre équipe ne puisse vous répondre dans les prochaines minutes. Contactez dès maintenant les ressources d'aide ci-dessus ; nous vous avons placé en tête de la file.";
    case 'de':
      return 'Im Moment kann vielleicht niemand aus unserem Team in den nächsten Minuten antworten. Bitte wenden Sie sich jetzt an die Hilfsangebote oben; wir haben Sie an die erste Stelle der Warteschlange gesetzt.';
    default:
      return 'Right now nobody on our team may be able to answer in the next few minutes. Please contact the crisis resources above now; we have put you first in line.';
  }
}
