/**
 * Every string of the customer's chat page, one entry a language: the languages the guard
 * reads (see `src/guard/lexicon/languages/`). From `src/` only the language list is bundled.
 */
import { type MessageLanguage, messageLanguage, messageLanguages } from '../../../src/handoff/message-language.js';
import type { HandoffPartData } from './types.js';

/** The chat page speaks the languages of the handoff messages (one list, in `src/handoff/message-language.ts`). */
export const chatLanguages = messageLanguages;
export type ChatLanguage = MessageLanguage;

/** The chat language for a BCP 47 tag: `pt-BR` gives `pt`; unknown or missing gives `en`. */
export function chatLanguage(tag?: string | null): ChatLanguage {
  return messageLanguage(tag ?? undefined);
}

/** The language a handoff part names, when the server sends one (`language` beside `status`). */
export function partLanguage(data: HandoffPartData | null | undefined): string | undefined {
  const language = (data as { language?: unknown } | null | undefined)?.language;
  return typeof language === 'string' && language.trim() ? language : undefined;
}

/**
 * The page's language: the latest handoff part's language if it carries one (the
 * conversation's language as the server detected it), else the browser's.
 */
export function pageLanguage(latest: HandoffPartData | null | undefined, browserLanguage?: string): ChatLanguage {
  return chatLanguage(partLanguage(latest) ?? browserLanguage);
}

/** How the status bar says a wait. */
export interface ChatWaitWords {
  underAMinute: string;
  /** Around an amount `Intl` writes in full ("3 minutes", "5 минут"). */
  about: (amount: string) => string;
  /** Overrides for languages whose `Intl` units read oddly in a phrase (Japanese "3 分"). */
  minutes?: (count: number) => string;
  hours?: (count: number) => string;
}

/** The strings of one language. */
export interface ChatText {
  title: string;
  demo: string;
  greeting: string;
  authors: { user: string; bot: string; agent: string; system: string };
  conversationLabel: string;
  messageLabel: string;
  placeholder: string;
  send: string;
  talkToPerson: string;
  /** What the "talk to a person" button sends, in words the guard reads as asking for a person. */
  askForPerson: string;
  error: (message: string) => string;
  startOver: string;
  loading: string;
  restoreFailed: string;
  status: {
    assistant: string;
    waiting: string;
    waitingFor: (wait: string) => string;
    collecting: string;
    offline: string;
    ticket: (ticketId: string) => string;
    withAgent: (agentName: string) => string;
    personJoined: string;
    backToBot: string;
    /** The agent closed the conversation as done. */
    closed: string;
  };
  wait: ChatWaitWords;
  offlineForm: {
    title: string;
    name: string;
    email: string;
    sending: string;
    submit: string;
    failed: string;
    notSent: string;
  };
}

/** The Serbian form for a count: `one` for 1, 21, 31…; `few` for 2–4, 22–24…; `many` otherwise. */
function serbianCount(count: number, one: string, few: string, many: string): string {
  const ten = count % 10;
  const hundred = count % 100;
  if (ten === 1 && hundred !== 11) return one;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return few;
  return many;
}

export const chatTexts: Record<ChatLanguage, ChatText> = {
  en: {
    title: 'Northwind Outfitters support',
    demo: 'Handrail demo',
    greeting: 'Hi! I am the Northwind Outfitters assistant. Ask me about orders, shipping, returns or sizes.',
    authors: { user: 'You', bot: 'Assistant', agent: 'Support agent', system: 'Notice' },
    conversationLabel: 'Conversation',
    messageLabel: 'Message',
    placeholder: 'Ask about shipping, returns, sizes…',
    send: 'Send',
    talkToPerson: 'Talk to a person',
    askForPerson: 'I would like to talk to a person, please.',
    error: (message) => `Something went wrong: ${message}`,
    startOver: 'Start over',
    loading: 'Loading your conversation…',
    restoreFailed: 'We could not load your earlier messages. You can keep writing, or start over.',
    status: {
      assistant: 'You are chatting with the assistant.',
      waiting: 'Waiting for a person',
      waitingFor: (wait) => `Waiting for a person · expected wait ${wait}`,
      collecting: 'A few details before a person takes over',
      offline: 'Our team is offline right now',
      ticket: (id) => `Ticket ${id} created: we will reply by email`,
      withAgent: (name) => `You are chatting with ${name}.`,
      personJoined: 'A person has joined the conversation.',
      backToBot: 'Back to the assistant.',
      closed: 'Conversation closed.',
    },
    wait: { underAMinute: 'less than a minute', about: (amount) => `about ${amount}` },
    offlineForm: {
      title: 'Leave your details and we will reply by email',
      name: 'Name',
      email: 'Email',
      sending: 'Sending…',
      submit: 'Send my details',
      failed: 'Could not send your details. Please try again.',
      notSent: 'Could not send your details.',
    },
  },
  es: {
    title: 'Soporte de Northwind Outfitters',
    demo: 'demo de Handrail',
    greeting: '¡Hola! Soy el asistente de Northwind Outfitters. Pregúntame por pedidos, envíos, devoluciones o tallas.',
    authors: { user: 'Tú', bot: 'Asistente', agent: 'Agente de soporte', system: 'Aviso' },
    conversationLabel: 'Conversación',
    messageLabel: 'Mensaje',
    placeholder: 'Pregunta por envíos, devoluciones, tallas…',
    send: 'Enviar',
    talkToPerson: 'Hablar con una persona',
    askForPerson: 'Quisiera hablar con una persona, por favor.',
    error: (message) => `Algo salió mal: ${message}`,
    startOver: 'Empezar de nuevo',
    loading: 'Cargando tu conversación…',
    restoreFailed: 'No pudimos cargar tus mensajes anteriores. Puedes seguir escribiendo o empezar de nuevo.',
    status: {
      assistant: 'Estás hablando con el asistente.',
      waiting: 'Esperando a una persona',
      waitingFor: (wait) => `Esperando a una persona · espera estimada: ${wait}`,
      collecting: 'Unos datos antes de que te atienda una persona',
      offline: 'Nuestro equipo no está disponible en este momento',
      ticket: (id) => `Ticket ${id} creado: te responderemos por correo`,
      withAgent: (name) => `Estás hablando con ${name}.`,
      personJoined: 'Una persona se ha unido a la conversación.',
      backToBot: 'De vuelta con el asistente.',
      closed: 'Conversación cerrada.',
    },
    wait: { underAMinute: 'menos de un minuto', about: (amount) => `aprox. ${amount}` },
    offlineForm: {
      title: 'Déjanos tus datos y te responderemos por correo',
      name: 'Nombre',
      email: 'Correo electrónico',
      sending: 'Enviando…',
      submit: 'Enviar mis datos',
      failed: 'No se pudieron enviar tus datos. Inténtalo de nuevo.',
      notSent: 'No se pudieron enviar tus datos.',
    },
  },
  pt: {
    title: 'Suporte da Northwind Outfitters',
    demo: 'demo do Handrail',
    greeting:
      'Olá! Sou o assistente da Northwind Outfitters. Pergunte sobre pedidos, entregas, devoluções ou tamanhos.',
    authors: { user: 'Você', bot: 'Assistente', agent: 'Atendente', system: 'Aviso' },
    conversationLabel: 'Conversa',
    messageLabel: 'Mensagem',
    placeholder: 'Pergunte sobre entregas, devoluções, tamanhos…',
    send: 'Enviar',
    talkToPerson: 'Falar com uma pessoa',
    askForPerson: 'Gostaria de falar com uma pessoa, por favor.',
    error: (message) => `Algo deu errado: ${message}`,
    startOver: 'Recomeçar',
    loading: 'Carregando sua conversa…',
    restoreFailed: 'Não conseguimos carregar suas mensagens anteriores. Você pode continuar escrevendo ou recomeçar.',
    status: {
      assistant: 'Você está conversando com o assistente.',
      waiting: 'Aguardando uma pessoa',
      waitingFor: (wait) => `Aguardando uma pessoa · espera prevista: ${wait}`,
      collecting: 'Alguns dados antes de uma pessoa assumir',
      offline: 'Nossa equipe está offline agora',
      ticket: (id) => `Chamado ${id} criado: responderemos por e-mail`,
      withAgent: (name) => `Você está conversando com ${name}.`,
      personJoined: 'Uma pessoa entrou na conversa.',
      backToBot: 'De volta ao assistente.',
      closed: 'Conversa encerrada.',
    },
    wait: { underAMinute: 'menos de um minuto', about: (amount) => `cerca de ${amount}` },
    offlineForm: {
      title: 'Deixe seus dados e responderemos por e-mail',
      name: 'Nome',
      email: 'E-mail',
      sending: 'Enviando…',
      submit: 'Enviar meus dados',
      failed: 'Não foi possível enviar seus dados. Tente novamente.',
      notSent: 'Não foi possível enviar seus dados.',
    },
  },
  fr: {
    title: 'Assistance Northwind Outfitters',
    demo: 'démo Handrail',
    greeting:
      'Bonjour ! Je suis l’assistant de Northwind Outfitters. Posez-moi vos questions sur les commandes, la livraison, les retours ou les tailles.',
    authors: { user: 'Vous', bot: 'Assistant', agent: 'Conseiller', system: 'Information' },
    conversationLabel: 'Conversation',
    messageLabel: 'Message',
    placeholder: 'Une question sur la livraison, les retours, les tailles…',
    send: 'Envoyer',
    talkToPerson: 'Parler à une personne',
    askForPerson: "Je voudrais parler à une personne, s'il vous plaît.",
    error: (message) => `Une erreur s’est produite : ${message}`,
    startOver: 'Recommencer',
    loading: 'Chargement de votre conversation…',
    restoreFailed:
      'Nous n’avons pas pu charger vos messages précédents. Vous pouvez continuer à écrire ou recommencer.',
    status: {
      assistant: 'Vous discutez avec l’assistant.',
      waiting: 'En attente d’une personne',
      waitingFor: (wait) => `En attente d’une personne · attente prévue : ${wait}`,
      collecting: 'Quelques informations avant qu’une personne prenne le relais',
      offline: 'Notre équipe est hors ligne pour le moment',
      ticket: (id) => `Ticket ${id} créé : nous vous répondrons par e-mail`,
      withAgent: (name) => `Vous discutez avec ${name}.`,
      personJoined: 'Une personne a rejoint la conversation.',
      backToBot: 'Retour à l’assistant.',
      closed: 'Conversation clôturée.',
    },
    wait: { underAMinute: 'moins d’une minute', about: (amount) => `environ ${amount}` },
    offlineForm: {
      title: 'Laissez vos coordonnées et nous vous répondrons par e-mail',
      name: 'Nom',
      email: 'E-mail',
      sending: 'Envoi…',
      submit: 'Envoyer mes coordonnées',
      failed: 'Impossible d’envoyer vos coordonnées. Veuillez réessayer.',
      notSent: 'Impossible d’envoyer vos coordonnées.',
    },
  },
  de: {
    title: 'Northwind Outfitters Kundenservice',
    demo: 'Handrail-Demo',
    greeting:
      'Hallo! Ich bin der Assistent von Northwind Outfitters. Fragen Sie mich zu Bestellungen, Versand, Rücksendungen oder Größen.',
    authors: { user: 'Sie', bot: 'Assistent', agent: 'Kundenservice', system: 'Hinweis' },
    conversationLabel: 'Gespräch',
    messageLabel: 'Nachricht',
    placeholder: 'Fragen zu Versand, Rücksendungen, Größen…',
    send: 'Senden',
    talkToPerson: 'Mit einem Menschen sprechen',
    askForPerson: 'Ich möchte bitte mit einem Menschen sprechen.',
    error: (message) => `Etwas ist schiefgelaufen: ${message}`,
    startOver: 'Neu beginnen',
    loading: 'Ihr Gespräch wird geladen…',
    restoreFailed:
      'Ihre früheren Nachrichten konnten nicht geladen werden. Sie können weiterschreiben oder neu beginnen.',
    status: {
      assistant: 'Sie chatten mit dem Assistenten.',
      waiting: 'Warten auf einen Menschen',
      waitingFor: (wait) => `Warten auf einen Menschen · voraussichtliche Wartezeit: ${wait}`,
      collecting: 'Noch ein paar Angaben, bevor ein Mensch übernimmt',
      offline: 'Unser Team ist gerade nicht erreichbar',
      ticket: (id) => `Ticket ${id} angelegt: Wir antworten per E-Mail`,
      withAgent: (name) => `Sie chatten mit ${name}.`,
      personJoined: 'Ein Mensch aus unserem Team ist dem Gespräch beigetreten.',
      backToBot: 'Zurück beim Assistenten.',
      closed: 'Gespräch abgeschlossen.',
    },
    wait: { underAMinute: 'weniger als eine Minute', about: (amount) => `etwa ${amount}` },
    offlineForm: {
      title: 'Hinterlassen Sie Ihre Daten, wir antworten per E-Mail',
      name: 'Name',
      email: 'E-Mail',
      sending: 'Wird gesendet…',
      submit: 'Meine Daten senden',
      failed: 'Ihre Daten konnten nicht gesendet werden. Bitte versuchen Sie es erneut.',
      notSent: 'Ihre Daten konnten nicht gesendet werden.',
    },
  },
  it: {
    title: 'Assistenza Northwind Outfitters',
    demo: 'demo Handrail',
    greeting: 'Ciao! Sono l’assistente di Northwind Outfitters. Chiedimi di ordini, spedizioni, resi o taglie.',
    authors: { user: 'Tu', bot: 'Assistente', agent: 'Assistenza clienti', system: 'Avviso' },
    conversationLabel: 'Conversazione',
    messageLabel: 'Messaggio',
    placeholder: 'Chiedi di spedizioni, resi, taglie…',
    send: 'Invia',
    talkToPerson: 'Parla con una persona',
    askForPerson: 'Vorrei parlare con una persona, per favore.',
    error: (message) => `Qualcosa è andato storto: ${message}`,
    startOver: 'Ricomincia',
    loading: 'Caricamento della conversazione…',
    restoreFailed:
      'Non siamo riusciti a caricare i tuoi messaggi precedenti. Puoi continuare a scrivere o ricominciare.',
    status: {
      assistant: 'Stai chattando con l’assistente.',
      waiting: 'In attesa di una persona',
      waitingFor: (wait) => `In attesa di una persona · attesa prevista: ${wait}`,
      collecting: 'Qualche dettaglio prima che subentri una persona',
      offline: 'Al momento il nostro team non è disponibile',
      ticket: (id) => `Ticket ${id} aperto: ti risponderemo via email`,
      withAgent: (name) => `Stai chattando con ${name}.`,
      personJoined: 'Una persona si è unita alla conversazione.',
      backToBot: 'Di nuovo con l’assistente.',
      closed: 'Conversazione chiusa.',
    },
    wait: { underAMinute: 'meno di un minuto', about: (amount) => `circa ${amount}` },
    offlineForm: {
      title: 'Lascia i tuoi dati e ti risponderemo via email',
      name: 'Nome',
      email: 'Email',
      sending: 'Invio in corso…',
      submit: 'Invia i miei dati',
      failed: 'Impossibile inviare i tuoi dati. Riprova.',
      notSent: 'Impossibile inviare i tuoi dati.',
    },
  },
  nl: {
    title: 'Klantenservice Northwind Outfitters',
    demo: 'Handrail-demo',
    greeting:
      'Hoi! Ik ben de assistent van Northwind Outfitters. Vraag me iets over bestellingen, verzending, retouren of maten.',
    authors: { user: 'Jij', bot: 'Assistent', agent: 'Medewerker', system: 'Melding' },
    conversationLabel: 'Gesprek',
    messageLabel: 'Bericht',
    placeholder: 'Vraag iets over verzending, retouren, maten…',
    send: 'Versturen',
    talkToPerson: 'Met een medewerker praten',
    askForPerson: 'Ik wil graag met een medewerker praten.',
    error: (message) => `Er ging iets mis: ${message}`,
    startOver: 'Opnieuw beginnen',
    loading: 'Je gesprek wordt geladen…',
    restoreFailed: 'We konden je eerdere berichten niet laden. Je kunt verder schrijven of opnieuw beginnen.',
    status: {
      assistant: 'Je chat met de assistent.',
      waiting: 'Wachten op een medewerker',
      waitingFor: (wait) => `Wachten op een medewerker · verwachte wachttijd: ${wait}`,
      collecting: 'Nog een paar gegevens voordat een medewerker het overneemt',
      offline: 'Ons team is op dit moment niet bereikbaar',
      ticket: (id) => `Ticket ${id} aangemaakt: we antwoorden per e-mail`,
      withAgent: (name) => `Je chat met ${name}.`,
      personJoined: 'Er neemt nu een medewerker deel aan het gesprek.',
      backToBot: 'Terug bij de assistent.',
      closed: 'Gesprek gesloten.',
    },
    wait: { underAMinute: 'minder dan een minuut', about: (amount) => `ongeveer ${amount}` },
    offlineForm: {
      title: 'Laat je gegevens achter, dan antwoorden we per e-mail',
      name: 'Naam',
      email: 'E-mail',
      sending: 'Versturen…',
      submit: 'Mijn gegevens versturen',
      failed: 'Je gegevens konden niet worden verstuurd. Probeer het opnieuw.',
      notSent: 'Je gegevens konden niet worden verstuurd.',
    },
  },
  pl: {
    title: 'Obsługa klienta Northwind Outfitters',
    demo: 'demo Handrail',
    greeting: 'Cześć! Jestem asystentem Northwind Outfitters. Zapytaj mnie o zamówienia, wysyłkę, zwroty lub rozmiary.',
    authors: { user: 'Ty', bot: 'Asystent', agent: 'Konsultant', system: 'Komunikat' },
    conversationLabel: 'Rozmowa',
    messageLabel: 'Wiadomość',
    placeholder: 'Zapytaj o wysyłkę, zwroty, rozmiary…',
    send: 'Wyślij',
    talkToPerson: 'Porozmawiaj z człowiekiem',
    askForPerson: 'Chcę porozmawiać z człowiekiem.',
    error: (message) => `Coś poszło nie tak: ${message}`,
    startOver: 'Zacznij od nowa',
    loading: 'Wczytywanie rozmowy…',
    restoreFailed: 'Nie udało się wczytać Twoich wcześniejszych wiadomości. Możesz pisać dalej albo zacząć od nowa.',
    status: {
      assistant: 'Rozmawiasz z asystentem.',
      waiting: 'Czekasz na konsultanta',
      waitingFor: (wait) => `Czekasz na konsultanta · przewidywany czas oczekiwania: ${wait}`,
      collecting: 'Jeszcze kilka informacji, zanim połączymy Cię z człowiekiem',
      offline: 'Nasz zespół jest teraz niedostępny',
      ticket: (id) => `Utworzono zgłoszenie ${id}: odpowiemy e-mailem`,
      withAgent: (name) => `Rozmawiasz z konsultantem: ${name}.`,
      personJoined: 'Konsultant dołącza do rozmowy.',
      backToBot: 'Znowu rozmawiasz z asystentem.',
      closed: 'Rozmowa zamknięta.',
    },
    wait: { underAMinute: 'mniej niż minuta', about: (amount) => `mniej więcej ${amount}` },
    offlineForm: {
      title: 'Zostaw swoje dane, a odpowiemy e-mailem',
      name: 'Imię',
      email: 'E-mail',
      sending: 'Wysyłanie…',
      submit: 'Wyślij moje dane',
      failed: 'Nie udało się wysłać Twoich danych. Spróbuj ponownie.',
      notSent: 'Nie udało się wysłać Twoich danych.',
    },
  },
  tr: {
    title: 'Northwind Outfitters Destek',
    demo: 'Handrail demosu',
    greeting:
      'Merhaba! Ben Northwind Outfitters asistanıyım. Siparişler, kargo, iadeler veya bedenler hakkında bana soru sorabilirsin.',
    authors: { user: 'Sen', bot: 'Asistan', agent: 'Destek temsilcisi', system: 'Bilgi' },
    conversationLabel: 'Konuşma',
    messageLabel: 'Mesaj',
    placeholder: 'Kargo, iade, beden hakkında sor…',
    send: 'Gönder',
    talkToPerson: 'Bir kişiyle görüş',
    askForPerson: 'Bir müşteri temsilcisiyle görüşmek istiyorum.',
    error: (message) => `Bir sorun oluştu: ${message}`,
    startOver: 'Baştan başla',
    loading: 'Konuşman yükleniyor…',
    restoreFailed: 'Önceki mesajların yüklenemedi. Yazmaya devam edebilir ya da baştan başlayabilirsin.',
    status: {
      assistant: 'Asistanla sohbet ediyorsun.',
      waiting: 'Bir temsilci bekleniyor',
      waitingFor: (wait) => `Bir temsilci bekleniyor · tahmini bekleme süresi: ${wait}`,
      collecting: 'Bir temsilci devralmadan önce birkaç bilgi',
      offline: 'Ekibimiz şu anda çevrimiçi değil',
      ticket: (id) => `${id} numaralı talep oluşturuldu: e-postayla yanıt vereceğiz`,
      withAgent: (name) => `Şu anda sohbet ettiğin kişi: ${name}.`,
      personJoined: 'Bir temsilci konuşmaya katıldı.',
      backToBot: 'Yeniden asistanla konuşuyorsun.',
      closed: 'Konuşma kapatıldı.',
    },
    wait: { underAMinute: 'bir dakikadan az', about: (amount) => `yaklaşık ${amount}` },
    offlineForm: {
      title: 'Bilgilerini bırak, sana e-postayla yanıt verelim',
      name: 'Ad',
      email: 'E-posta',
      sending: 'Gönderiliyor…',
      submit: 'Bilgilerimi gönder',
      failed: 'Bilgilerin gönderilemedi. Lütfen tekrar dene.',
      notSent: 'Bilgilerin gönderilemedi.',
    },
  },
  ru: {
    title: 'Поддержка Northwind Outfitters',
    demo: 'демо Handrail',
    greeting:
      'Здравствуйте! Я ассистент Northwind Outfitters. Спрашивайте о заказах, доставке, возвратах или размерах.',
    authors: { user: 'Вы', bot: 'Ассистент', agent: 'Сотрудник поддержки', system: 'Уведомление' },
    conversationLabel: 'Разговор',
    messageLabel: 'Сообщение',
    placeholder: 'Спросите о доставке, возвратах, размерах…',
    send: 'Отправить',
    talkToPerson: 'Связаться с человеком',
    askForPerson: 'Я хочу поговорить с человеком, пожалуйста.',
    error: (message) => `Что-то пошло не так: ${message}`,
    startOver: 'Начать заново',
    loading: 'Загружаем ваш разговор…',
    restoreFailed: 'Не удалось загрузить ваши предыдущие сообщения. Можете продолжать писать или начать заново.',
    status: {
      assistant: 'Вы общаетесь с ассистентом.',
      waiting: 'Ожидание сотрудника',
      waitingFor: (wait) => `Ожидание сотрудника · время ожидания: ${wait}`,
      collecting: 'Несколько вопросов, прежде чем подключится сотрудник',
      offline: 'Сейчас наша команда не в сети',
      ticket: (id) => `Создано обращение ${id}: мы ответим по электронной почте`,
      withAgent: (name) => `Вас обслуживает ${name}.`,
      personJoined: 'К разговору подключился сотрудник.',
      backToBot: 'Вы снова общаетесь с ассистентом.',
      closed: 'Разговор закрыт.',
    },
    wait: { underAMinute: 'меньше минуты', about: (amount) => `примерно ${amount}` },
    offlineForm: {
      title: 'Оставьте свои данные, и мы ответим по электронной почте',
      name: 'Имя',
      email: 'Электронная почта',
      sending: 'Отправка…',
      submit: 'Отправить данные',
      failed: 'Не удалось отправить ваши данные. Попробуйте ещё раз.',
      notSent: 'Не удалось отправить ваши данные.',
    },
  },
  uk: {
    title: 'Підтримка Northwind Outfitters',
    demo: 'демо Handrail',
    greeting: 'Вітаємо! Я асистент Northwind Outfitters. Запитуйте про замовлення, доставку, повернення чи розміри.',
    authors: { user: 'Ви', bot: 'Асистент', agent: 'Співробітник підтримки', system: 'Сповіщення' },
    conversationLabel: 'Розмова',
    messageLabel: 'Повідомлення',
    placeholder: 'Запитайте про доставку, повернення, розміри…',
    send: 'Надіслати',
    talkToPerson: 'Зв’язатися з людиною',
    askForPerson: 'Я хочу поговорити з людиною, будь ласка.',
    error: (message) => `Щось пішло не так: ${message}`,
    startOver: 'Почати знову',
    loading: 'Завантажуємо вашу розмову…',
    restoreFailed: 'Не вдалося завантажити ваші попередні повідомлення. Можете писати далі або почати знову.',
    status: {
      assistant: 'Ви спілкуєтеся з асистентом.',
      waiting: 'Очікування співробітника',
      waitingFor: (wait) => `Очікування співробітника · час очікування: ${wait}`,
      collecting: 'Кілька запитань, перш ніж підключиться співробітник',
      offline: 'Зараз наша команда не на зв’язку',
      ticket: (id) => `Створено звернення ${id}: ми відповімо електронною поштою`,
      withAgent: (name) => `Вас обслуговує ${name}.`,
      personJoined: 'До розмови долучився співробітник.',
      backToBot: 'Ви знову спілкуєтеся з асистентом.',
      closed: 'Розмову закрито.',
    },
    wait: { underAMinute: 'менше хвилини', about: (amount) => `приблизно ${amount}` },
    offlineForm: {
      title: 'Залиште свої дані, і ми відповімо електронною поштою',
      name: 'Ім’я',
      email: 'Електронна пошта',
      sending: 'Надсилання…',
      submit: 'Надіслати дані',
      failed: 'Не вдалося надіслати ваші дані. Спробуйте ще раз.',
      notSent: 'Не вдалося надіслати ваші дані.',
    },
  },
  ar: {
    title: 'دعم Northwind Outfitters',
    demo: 'عرض Handrail التجريبي',
    greeting: 'مرحبًا! أنا مساعد Northwind Outfitters. اسألني عن الطلبات أو الشحن أو الإرجاع أو المقاسات.',
    authors: { user: 'أنت', bot: 'المساعد', agent: 'موظف الدعم', system: 'تنبيه' },
    conversationLabel: 'المحادثة',
    messageLabel: 'الرسالة',
    placeholder: 'اسأل عن الشحن أو الإرجاع أو المقاسات…',
    send: 'إرسال',
    talkToPerson: 'التحدث إلى شخص',
    askForPerson: 'أريد التحدث إلى موظف من فضلك.',
    error: (message) => `حدث خطأ ما: ${message}`,
    startOver: 'البدء من جديد',
    loading: 'جارٍ تحميل محادثتك…',
    restoreFailed: 'تعذّر تحميل رسائلك السابقة. يمكنك مواصلة الكتابة أو البدء من جديد.',
    status: {
      assistant: 'أنت تتحدث مع المساعد.',
      waiting: 'في انتظار موظف',
      waitingFor: (wait) => `في انتظار موظف · مدة الانتظار المتوقعة: ${wait}`,
      collecting: 'بعض التفاصيل قبل أن يتولى موظف المحادثة',
      offline: 'فريقنا غير متاح حاليًا',
      ticket: (id) => `تم إنشاء التذكرة ${id}: سنرد عليك عبر البريد الإلكتروني`,
      withAgent: (name) => `أنت تتحدث مع ${name}.`,
      personJoined: 'انضم موظف إلى المحادثة.',
      backToBot: 'عدت إلى المساعد.',
      closed: 'أُغلقت المحادثة.',
    },
    wait: { underAMinute: 'أقل من دقيقة', about: (amount) => `${amount} تقريبًا` },
    offlineForm: {
      title: 'اترك بياناتك وسنرد عليك عبر البريد الإلكتروني',
      name: 'الاسم',
      email: 'البريد الإلكتروني',
      sending: 'جارٍ الإرسال…',
      submit: 'إرسال بياناتي',
      failed: 'تعذّر إرسال بياناتك. يرجى المحاولة مرة أخرى.',
      notSent: 'تعذّر إرسال بياناتك.',
    },
  },
  hi: {
    title: 'Northwind Outfitters सहायता',
    demo: 'Handrail डेमो',
    greeting: 'नमस्ते! मैं Northwind Outfitters का सहायक हूँ। ऑर्डर, शिपिंग, रिटर्न या साइज़ के बारे में मुझसे पूछें।',
    authors: { user: 'आप', bot: 'सहायक', agent: 'सहायता एजेंट', system: 'सूचना' },
    conversationLabel: 'बातचीत',
    messageLabel: 'संदेश',
    placeholder: 'शिपिंग, रिटर्न, साइज़ के बारे में पूछें…',
    send: 'भेजें',
    talkToPerson: 'किसी व्यक्ति से बात करें',
    askForPerson: 'कृपया मेरी बात किसी एजेंट से करवाइए।',
    error: (message) => `कुछ गलत हो गया: ${message}`,
    startOver: 'फिर से शुरू करें',
    loading: 'आपकी बातचीत लोड हो रही है…',
    restoreFailed: 'आपके पिछले संदेश लोड नहीं हो सके। आप लिखना जारी रख सकते हैं या फिर से शुरू कर सकते हैं।',
    status: {
      assistant: 'आप सहायक से बात कर रहे हैं।',
      waiting: 'किसी व्यक्ति का इंतज़ार',
      waitingFor: (wait) => `किसी व्यक्ति का इंतज़ार · अनुमानित प्रतीक्षा: ${wait}`,
      collecting: 'किसी व्यक्ति से जोड़ने से पहले कुछ जानकारी',
      offline: 'हमारी टीम अभी ऑफ़लाइन है',
      ticket: (id) => `टिकट ${id} बना दिया गया: हम ईमेल से जवाब देंगे`,
      withAgent: (name) => `आप ${name} से बात कर रहे हैं।`,
      personJoined: 'बातचीत में अब हमारी टीम का एक सदस्य शामिल है।',
      backToBot: 'आप फिर से सहायक से बात कर रहे हैं।',
      closed: 'बातचीत बंद कर दी गई है।',
    },
    wait: { underAMinute: 'एक मिनट से कम', about: (amount) => `लगभग ${amount}` },
    offlineForm: {
      title: 'अपनी जानकारी छोड़ें, हम ईमेल से जवाब देंगे',
      name: 'नाम',
      email: 'ईमेल',
      sending: 'भेजा जा रहा है…',
      submit: 'मेरी जानकारी भेजें',
      failed: 'आपकी जानकारी नहीं भेजी जा सकी। कृपया फिर से कोशिश करें।',
      notSent: 'आपकी जानकारी नहीं भेजी जा सकी।',
    },
  },
  id: {
    title: 'Dukungan Northwind Outfitters',
    demo: 'demo Handrail',
    greeting: 'Hai! Saya asisten Northwind Outfitters. Tanyakan soal pesanan, pengiriman, pengembalian, atau ukuran.',
    authors: { user: 'Kamu', bot: 'Asisten', agent: 'Agen dukungan', system: 'Pemberitahuan' },
    conversationLabel: 'Percakapan',
    messageLabel: 'Pesan',
    placeholder: 'Tanya soal pengiriman, pengembalian, ukuran…',
    send: 'Kirim',
    talkToPerson: 'Bicara dengan orang',
    askForPerson: 'Saya mau bicara dengan manusia, tolong.',
    error: (message) => `Terjadi kesalahan: ${message}`,
    startOver: 'Mulai ulang',
    loading: 'Memuat percakapan kamu…',
    restoreFailed: 'Pesan sebelumnya tidak dapat dimuat. Kamu bisa terus menulis atau mulai ulang.',
    status: {
      assistant: 'Kamu sedang mengobrol dengan asisten.',
      waiting: 'Menunggu petugas',
      waitingFor: (wait) => `Menunggu petugas · perkiraan waktu tunggu: ${wait}`,
      collecting: 'Beberapa detail sebelum petugas mengambil alih',
      offline: 'Tim kami sedang offline saat ini',
      ticket: (id) => `Tiket ${id} dibuat: kami akan membalas lewat email`,
      withAgent: (name) => `Kamu sedang mengobrol dengan ${name}.`,
      personJoined: 'Seorang petugas telah bergabung dalam percakapan.',
      backToBot: 'Kembali ke asisten.',
      closed: 'Percakapan ditutup.',
    },
    wait: { underAMinute: 'kurang dari satu menit', about: (amount) => `sekitar ${amount}` },
    offlineForm: {
      title: 'Tinggalkan data kamu dan kami akan membalas lewat email',
      name: 'Nama',
      email: 'Email',
      sending: 'Mengirim…',
      submit: 'Kirim data saya',
      failed: 'Data kamu tidak dapat dikirim. Silakan coba lagi.',
      notSent: 'Data kamu tidak dapat dikirim.',
    },
  },
  vi: {
    title: 'Hỗ trợ Northwind Outfitters',
    demo: 'bản demo Handrail',
    greeting:
      'Xin chào! Mình là trợ lý của Northwind Outfitters. Hãy hỏi mình về đơn hàng, giao hàng, đổi trả hoặc kích cỡ.',
    authors: { user: 'Bạn', bot: 'Trợ lý', agent: 'Nhân viên hỗ trợ', system: 'Thông báo' },
    conversationLabel: 'Cuộc trò chuyện',
    messageLabel: 'Tin nhắn',
    placeholder: 'Hỏi về giao hàng, đổi trả, kích cỡ…',
    send: 'Gửi',
    talkToPerson: 'Nói chuyện với nhân viên',
    askForPerson: 'Tôi muốn nói chuyện với nhân viên.',
    error: (message) => `Đã xảy ra lỗi: ${message}`,
    startOver: 'Bắt đầu lại',
    loading: 'Đang tải cuộc trò chuyện của bạn…',
    restoreFailed: 'Không tải được các tin nhắn trước đó. Bạn có thể tiếp tục nhắn hoặc bắt đầu lại.',
    status: {
      assistant: 'Bạn đang trò chuyện với trợ lý.',
      waiting: 'Đang chờ nhân viên',
      waitingFor: (wait) => `Đang chờ nhân viên · thời gian chờ dự kiến: ${wait}`,
      collecting: 'Cần thêm vài thông tin trước khi nhân viên tiếp nhận',
      offline: 'Hiện nhóm của chúng tôi đang ngoại tuyến',
      ticket: (id) => `Đã tạo phiếu ${id}: chúng tôi sẽ trả lời qua email`,
      withAgent: (name) => `Bạn đang trò chuyện với ${name}.`,
      personJoined: 'Một nhân viên đã tham gia cuộc trò chuyện.',
      backToBot: 'Đã quay lại với trợ lý.',
      closed: 'Cuộc trò chuyện đã đóng.',
    },
    wait: { underAMinute: 'chưa đến một phút', about: (amount) => `khoảng ${amount}` },
    offlineForm: {
      title: 'Để lại thông tin, chúng tôi sẽ trả lời qua email',
      name: 'Tên',
      email: 'Email',
      sending: 'Đang gửi…',
      submit: 'Gửi thông tin của tôi',
      failed: 'Không gửi được thông tin của bạn. Vui lòng thử lại.',
      notSent: 'Không gửi được thông tin của bạn.',
    },
  },
  th: {
    title: 'ฝ่ายบริการลูกค้า Northwind Outfitters',
    demo: 'เดโม Handrail',
    greeting: 'สวัสดี! เราเป็นผู้ช่วยของ Northwind Outfitters สอบถามเรื่องคำสั่งซื้อ การจัดส่ง การคืนสินค้า หรือขนาดได้เลย',
    authors: { user: 'คุณ', bot: 'ผู้ช่วย', agent: 'เจ้าหน้าที่', system: 'ประกาศ' },
    conversationLabel: 'บทสนทนา',
    messageLabel: 'ข้อความ',
    placeholder: 'สอบถามเรื่องการจัดส่ง การคืนสินค้า ขนาด…',
    send: 'ส่ง',
    talkToPerson: 'คุยกับเจ้าหน้าที่',
    askForPerson: 'ขอคุยกับเจ้าหน้าที่หน่อย',
    error: (message) => `เกิดข้อผิดพลาด: ${message}`,
    startOver: 'เริ่มใหม่',
    loading: 'กำลังโหลดบทสนทนาของคุณ…',
    restoreFailed: 'ไม่สามารถโหลดข้อความก่อนหน้าของคุณได้ คุณพิมพ์ต่อหรือเริ่มใหม่ได้',
    status: {
      assistant: 'คุณกำลังคุยกับผู้ช่วย',
      waiting: 'กำลังรอเจ้าหน้าที่',
      waitingFor: (wait) => `กำลังรอเจ้าหน้าที่ · คาดว่าจะรอ${wait}`,
      collecting: 'ขอข้อมูลเพิ่มเติมเล็กน้อยก่อนส่งต่อให้เจ้าหน้าที่',
      offline: 'ขณะนี้ทีมของเราออฟไลน์อยู่',
      ticket: (id) => `สร้างคำขอ ${id} แล้ว เราจะตอบกลับทางอีเมล`,
      withAgent: (name) => `คุณกำลังคุยกับ ${name}`,
      personJoined: 'เจ้าหน้าที่เข้าร่วมการสนทนาแล้ว',
      backToBot: 'กลับมาคุยกับผู้ช่วยแล้ว',
      closed: 'ปิดการสนทนาแล้ว',
    },
    wait: { underAMinute: 'ไม่ถึงหนึ่งนาที', about: (amount) => `ประมาณ ${amount}` },
    offlineForm: {
      title: 'ฝากข้อมูลไว้ แล้วเราจะตอบกลับทางอีเมล',
      name: 'ชื่อ',
      email: 'อีเมล',
      sending: 'กำลังส่ง…',
      submit: 'ส่งข้อมูลของฉัน',
      failed: 'ส่งข้อมูลของคุณไม่สำเร็จ โปรดลองอีกครั้ง',
      notSent: 'ส่งข้อมูลของคุณไม่สำเร็จ',
    },
  },
  zh: {
    title: 'Northwind Outfitters 客服',
    demo: 'Handrail 演示',
    greeting: '你好！我是 Northwind Outfitters 的智能助手。可以问我订单、配送、退货或尺码的问题。',
    authors: { user: '你', bot: '助手', agent: '客服人员', system: '通知' },
    conversationLabel: '对话',
    messageLabel: '消息',
    placeholder: '咨询配送、退货、尺码…',
    send: '发送',
    talkToPerson: '转人工客服',
    askForPerson: '请帮我转人工客服。',
    error: (message) => `出错了：${message}`,
    startOver: '重新开始',
    loading: '正在加载你的对话…',
    restoreFailed: '无法加载你之前的消息。你可以继续输入，或重新开始。',
    status: {
      assistant: '你正在与智能助手对话。',
      waiting: '正在等待人工客服',
      waitingFor: (wait) => `正在等待人工客服 · 预计等待${wait}`,
      collecting: '转接人工之前需要了解几项信息',
      offline: '我们的团队目前不在线',
      ticket: (id) => `已创建工单 ${id}：我们会通过邮件回复你`,
      withAgent: (name) => `你正在与${name}对话。`,
      personJoined: '人工客服已加入对话。',
      backToBot: '已回到智能助手。',
      closed: '对话已关闭。',
    },
    wait: { underAMinute: '不到一分钟', about: (amount) => `约${amount}` },
    offlineForm: {
      title: '留下你的联系方式，我们会通过邮件回复',
      name: '姓名',
      email: '邮箱',
      sending: '正在发送…',
      submit: '发送我的信息',
      failed: '无法发送你的信息，请重试。',
      notSent: '无法发送你的信息。',
    },
  },
  ja: {
    title: 'Northwind Outfitters サポート',
    demo: 'Handrail デモ',
    greeting:
      'こんにちは！Northwind Outfitters のアシスタントです。ご注文、配送、返品、サイズについてお気軽にお尋ねください。',
    authors: { user: 'あなた', bot: 'アシスタント', agent: 'サポート担当', system: 'お知らせ' },
    conversationLabel: '会話',
    messageLabel: 'メッセージ',
    placeholder: '配送、返品、サイズについて質問…',
    send: '送信',
    talkToPerson: '担当者と話す',
    askForPerson: '担当者と話したいです。',
    error: (message) => `問題が発生しました：${message}`,
    startOver: '最初からやり直す',
    loading: '会話を読み込んでいます…',
    restoreFailed: '以前のメッセージを読み込めませんでした。このまま入力を続けるか、最初からやり直してください。',
    status: {
      assistant: 'アシスタントとチャット中です。',
      waiting: '担当者をお待ちください',
      waitingFor: (wait) => `担当者をお待ちください · 待ち時間の目安：${wait}`,
      collecting: '担当者におつなぎする前にいくつか確認します',
      offline: 'ただいまチームは対応時間外です',
      ticket: (id) => `お問い合わせ ${id} を受け付けました：メールでご返信します`,
      withAgent: (name) => `${name}とチャット中です。`,
      personJoined: '担当者が会話に参加しました。',
      backToBot: 'アシスタントとの会話に戻りました。',
      closed: '会話はクローズされました。',
    },
    wait: {
      underAMinute: '1分未満',
      about: (amount) => `約${amount}`,
      minutes: (count) => `約${count}分`,
      hours: (count) => `約${count}時間`,
    },
    offlineForm: {
      title: 'ご連絡先を残していただければ、メールでご返信します',
      name: 'お名前',
      email: 'メールアドレス',
      sending: '送信中…',
      submit: '連絡先を送信',
      failed: '送信できませんでした。もう一度お試しください。',
      notSent: '送信できませんでした。',
    },
  },
  ko: {
    title: 'Northwind Outfitters 고객 지원',
    demo: 'Handrail 데모',
    greeting: '안녕하세요! Northwind Outfitters 어시스턴트입니다. 주문, 배송, 반품, 사이즈에 대해 물어보세요.',
    authors: { user: '나', bot: '어시스턴트', agent: '상담원', system: '안내' },
    conversationLabel: '대화',
    messageLabel: '메시지',
    placeholder: '배송, 반품, 사이즈에 대해 물어보세요…',
    send: '보내기',
    talkToPerson: '상담원 연결',
    askForPerson: '상담원과 이야기하고 싶어요.',
    error: (message) => `문제가 발생했습니다: ${message}`,
    startOver: '처음부터 다시',
    loading: '대화를 불러오는 중…',
    restoreFailed: '이전 메시지를 불러오지 못했습니다. 계속 입력하시거나 처음부터 다시 시작하실 수 있습니다.',
    status: {
      assistant: '어시스턴트와 대화 중입니다.',
      waiting: '상담원 연결을 기다리는 중',
      waitingFor: (wait) => `상담원 연결을 기다리는 중 · 예상 대기 시간: ${wait}`,
      collecting: '상담원 연결 전에 몇 가지 정보를 확인합니다',
      offline: '지금은 저희 팀이 오프라인 상태입니다',
      ticket: (id) => `문의가 접수되었습니다(번호: ${id}). 이메일로 답변해 드리겠습니다`,
      withAgent: (name) => `${name} 님과 대화 중입니다.`,
      personJoined: '상담원이 대화에 참여했습니다.',
      backToBot: '다시 어시스턴트와 대화합니다.',
      closed: '대화가 종료되었습니다.',
    },
    wait: { underAMinute: '1분 미만', about: (amount) => `약 ${amount}` },
    offlineForm: {
      title: '연락처를 남겨 주시면 이메일로 답변해 드리겠습니다',
      name: '이름',
      email: '이메일',
      sending: '보내는 중…',
      submit: '내 정보 보내기',
      failed: '정보를 보내지 못했습니다. 다시 시도해 주세요.',
      notSent: '정보를 보내지 못했습니다.',
    },
  },
  sv: {
    title: 'Northwind Outfitters kundtjänst',
    demo: 'Handrail-demo',
    greeting: 'Hej! Jag är Northwind Outfitters assistent. Fråga mig om beställningar, frakt, returer eller storlekar.',
    authors: { user: 'Du', bot: 'Assistent', agent: 'Supportmedarbetare', system: 'Meddelande' },
    conversationLabel: 'Konversation',
    messageLabel: 'Meddelande',
    placeholder: 'Fråga om frakt, returer, storlekar…',
    send: 'Skicka',
    talkToPerson: 'Prata med en person',
    askForPerson: 'Jag vill prata med en person, tack.',
    error: (message) => `Något gick fel: ${message}`,
    startOver: 'Börja om',
    loading: 'Laddar din konversation…',
    restoreFailed: 'Vi kunde inte läsa in dina tidigare meddelanden. Du kan fortsätta skriva eller börja om.',
    status: {
      assistant: 'Du chattar med assistenten.',
      waiting: 'Väntar på en person',
      waitingFor: (wait) => `Väntar på en person · beräknad väntetid: ${wait}`,
      collecting: 'Några uppgifter innan en person tar över',
      offline: 'Vårt team är inte tillgängligt just nu',
      ticket: (id) => `Ärende ${id} skapat: vi svarar via e-post`,
      withAgent: (name) => `Du chattar med ${name}.`,
      personJoined: 'En person har anslutit till samtalet.',
      backToBot: 'Tillbaka hos assistenten.',
      closed: 'Samtalet är stängt.',
    },
    wait: { underAMinute: 'mindre än en minut', about: (amount) => `ungefär ${amount}` },
    offlineForm: {
      title: 'Lämna dina uppgifter så svarar vi via e-post',
      name: 'Namn',
      email: 'E-post',
      sending: 'Skickar…',
      submit: 'Skicka mina uppgifter',
      failed: 'Dina uppgifter kunde inte skickas. Försök igen.',
      notSent: 'Dina uppgifter kunde inte skickas.',
    },
  },
  sr: {
    title: 'Podrška Northwind Outfitters',
    demo: 'Handrail demo',
    greeting:
      'Zdravo! Ja sam asistent Northwind Outfitters. Pitajte me o porudžbinama, dostavi, povraćaju ili veličinama.',
    authors: { user: 'Vi', bot: 'Asistent', agent: 'Operater', system: 'Obaveštenje' },
    conversationLabel: 'Razgovor',
    messageLabel: 'Poruka',
    placeholder: 'Pitajte o dostavi, povraćaju, veličinama…',
    send: 'Pošalji',
    talkToPerson: 'Razgovarajte sa osobom',
    askForPerson: 'Želim da razgovaram sa operaterom, molim vas.',
    error: (message) => `Nešto nije u redu: ${message}`,
    startOver: 'Počni iznova',
    loading: 'Učitavamo vaš razgovor…',
    restoreFailed: 'Nismo uspeli da učitamo vaše ranije poruke. Možete nastaviti da pišete ili početi iznova.',
    status: {
      assistant: 'Razgovarate sa asistentom.',
      waiting: 'Čekate operatera',
      waitingFor: (wait) => `Čekate operatera · očekivano čekanje: ${wait}`,
      collecting: 'Još nekoliko podataka pre nego što vas preuzme operater',
      offline: 'Naš tim trenutno nije dostupan',
      ticket: (id) => `Otvoren je tiket ${id}: odgovorićemo e-mailom`,
      withAgent: (name) => `Razgovarate sa: ${name}.`,
      personJoined: 'Operater se uključio u razgovor.',
      backToBot: 'Ponovo razgovarate sa asistentom.',
      closed: 'Razgovor je zatvoren.',
    },
    // Intl writes Serbian units in Cyrillic; the page is in Latin.
    wait: {
      underAMinute: 'manje od jednog minuta',
      about: (amount) => `oko ${amount}`,
      minutes: (count) => `oko ${count} ${serbianCount(count, 'minut', 'minuta', 'minuta')}`,
      hours: (count) => `oko ${count} ${serbianCount(count, 'sat', 'sata', 'sati')}`,
    },
    offlineForm: {
      title: 'Ostavite svoje podatke i odgovorićemo vam e-mailom',
      name: 'Ime',
      email: 'E-mail',
      sending: 'Šaljem…',
      submit: 'Pošalji moje podatke',
      failed: 'Vaše podatke nije bilo moguće poslati. Pokušajte ponovo.',
      notSent: 'Vaše podatke nije bilo moguće poslati.',
    },
  },
  lt: {
    title: 'Northwind Outfitters pagalba',
    demo: 'Handrail demonstracija',
    greeting:
      'Sveiki! Esu Northwind Outfitters asistentas. Klauskite apie užsakymus, pristatymą, grąžinimą ar dydžius.',
    authors: { user: 'Jūs', bot: 'Asistentas', agent: 'Konsultantas', system: 'Pranešimas' },
    conversationLabel: 'Pokalbis',
    messageLabel: 'Žinutė',
    placeholder: 'Klauskite apie pristatymą, grąžinimą, dydžius…',
    send: 'Siųsti',
    talkToPerson: 'Kalbėti su žmogumi',
    askForPerson: 'Noriu pasikalbėti su konsultantu, prašau.',
    error: (message) => `Kažkas nepavyko: ${message}`,
    startOver: 'Pradėti iš naujo',
    loading: 'Įkeliamas jūsų pokalbis…',
    restoreFailed: 'Nepavyko įkelti ankstesnių jūsų žinučių. Galite rašyti toliau arba pradėti iš naujo.',
    status: {
      assistant: 'Kalbatės su asistentu.',
      waiting: 'Laukiama konsultanto',
      waitingFor: (wait) => `Laukiama konsultanto · numatomas laukimo laikas: ${wait}`,
      collecting: 'Dar keli klausimai, prieš perimant pokalbį konsultantui',
      offline: 'Mūsų komanda šiuo metu nepasiekiama',
      ticket: (id) => `Sukurta užklausa ${id}: atsakysime el. paštu`,
      withAgent: (name) => `Kalbatės su: ${name}.`,
      personJoined: 'Prie pokalbio prisijungė konsultantas.',
      backToBot: 'Jūs vėl kalbatės su asistentu.',
      closed: 'Pokalbis uždarytas.',
    },
    wait: { underAMinute: 'mažiau nei minutė', about: (amount) => `maždaug ${amount}` },
    offlineForm: {
      title: 'Palikite savo duomenis ir atsakysime el. paštu',
      name: 'Vardas',
      email: 'El. paštas',
      sending: 'Siunčiama…',
      submit: 'Siųsti mano duomenis',
      failed: 'Nepavyko išsiųsti jūsų duomenų. Bandykite dar kartą.',
      notSent: 'Nepavyko išsiųsti jūsų duomenų.',
    },
  },
  kk: {
    title: 'Northwind Outfitters қолдау қызметі',
    demo: 'Handrail демо',
    greeting:
      'Сәлеметсіз бе! Мен Northwind Outfitters ассистентімін. Тапсырыстар, жеткізу, қайтару немесе өлшемдер туралы сұраңыз.',
    authors: { user: 'Сіз', bot: 'Ассистент', agent: 'Оператор', system: 'Хабарлама' },
    conversationLabel: 'Әңгіме',
    messageLabel: 'Хабарлама',
    placeholder: 'Жеткізу, қайтару, өлшемдер туралы сұраңыз…',
    send: 'Жіберу',
    talkToPerson: 'Адаммен сөйлесу',
    askForPerson: 'Оператормен сөйлескім келеді, өтінемін.',
    error: (message) => `Бірдеңе дұрыс болмады: ${message}`,
    startOver: 'Қайта бастау',
    loading: 'Әңгімеңіз жүктелуде…',
    restoreFailed: 'Бұрынғы хабарламаларыңызды жүктеу мүмкін болмады. Жаза беруге немесе қайта бастауға болады.',
    status: {
      assistant: 'Сіз ассистентпен сөйлесіп отырсыз.',
      waiting: 'Оператор күтілуде',
      waitingFor: (wait) => `Оператор күтілуде · күту уақыты: ${wait}`,
      collecting: 'Оператор қосылмас бұрын бірнеше сұрақ',
      offline: 'Қазір біздің команда желіде емес',
      ticket: (id) => `${id} өтініші тіркелді: электрондық пошта арқылы жауап береміз`,
      withAgent: (name) => `Сізбен сөйлесіп отырған: ${name}.`,
      personJoined: 'Әңгімеге оператор қосылды.',
      backToBot: 'Сіз қайтадан ассистентпен сөйлесіп отырсыз.',
      closed: 'Әңгіме жабылды.',
    },
    wait: { underAMinute: 'бір минуттан аз', about: (amount) => `шамамен ${amount}` },
    offlineForm: {
      title: 'Деректеріңізді қалдырыңыз, біз электрондық пошта арқылы жауап береміз',
      name: 'Аты',
      email: 'Электрондық пошта',
      sending: 'Жіберілуде…',
      submit: 'Деректерімді жіберу',
      failed: 'Деректеріңізді жіберу мүмкін болмады. Қайталап көріңіз.',
      notSent: 'Деректеріңізді жіберу мүмкін болмады.',
    },
  },
  da: {
    title: 'Northwind Outfitters kundeservice',
    demo: 'Handrail-demo',
    greeting:
      'Hej! Jeg er Northwind Outfitters’ assistent. Spørg mig om ordrer, levering, returnering eller størrelser.',
    authors: { user: 'Dig', bot: 'Assistent', agent: 'Supportmedarbejder', system: 'Besked' },
    conversationLabel: 'Samtale',
    messageLabel: 'Besked',
    placeholder: 'Spørg om levering, returnering, størrelser…',
    send: 'Send',
    talkToPerson: 'Tal med en person',
    askForPerson: 'Jeg vil gerne tale med en person, tak.',
    error: (message) => `Noget gik galt: ${message}`,
    startOver: 'Start forfra',
    loading: 'Indlæser din samtale…',
    restoreFailed: 'Vi kunne ikke hente dine tidligere beskeder. Du kan skrive videre eller starte forfra.',
    status: {
      assistant: 'Du chatter med assistenten.',
      waiting: 'Venter på en person',
      waitingFor: (wait) => `Venter på en person · forventet ventetid: ${wait}`,
      collecting: 'Et par oplysninger, før en person overtager',
      offline: 'Vores team er ikke tilgængeligt lige nu',
      ticket: (id) => `Sag ${id} oprettet: vi svarer på e-mail`,
      withAgent: (name) => `Du chatter med ${name}.`,
      personJoined: 'En person er kommet med i samtalen.',
      backToBot: 'Tilbage hos assistenten.',
      closed: 'Samtalen er lukket.',
    },
    wait: { underAMinute: 'under et minut', about: (amount) => `cirka ${amount}` },
    offlineForm: {
      title: 'Skriv dine oplysninger, så svarer vi på e-mail',
      name: 'Navn',
      email: 'E-mail',
      sending: 'Sender…',
      submit: 'Send mine oplysninger',
      failed: 'Dine oplysninger kunne ikke sendes. Prøv igen.',
      notSent: 'Dine oplysninger kunne ikke sendes.',
    },
  },
  nb: {
    title: 'Northwind Outfitters kundeservice',
    demo: 'Handrail-demo',
    greeting:
      'Hei! Jeg er assistenten til Northwind Outfitters. Spør meg om bestillinger, frakt, retur eller størrelser.',
    authors: { user: 'Du', bot: 'Assistent', agent: 'Kundebehandler', system: 'Melding' },
    conversationLabel: 'Samtale',
    messageLabel: 'Melding',
    placeholder: 'Spør om frakt, retur, størrelser…',
    send: 'Send',
    talkToPerson: 'Snakk med en person',
    askForPerson: 'Jeg vil gjerne snakke med en person, takk.',
    error: (message) => `Noe gikk galt: ${message}`,
    startOver: 'Start på nytt',
    loading: 'Laster inn samtalen din…',
    restoreFailed: 'Vi kunne ikke hente de tidligere meldingene dine. Du kan skrive videre eller starte på nytt.',
    status: {
      assistant: 'Du chatter med assistenten.',
      waiting: 'Venter på en person',
      waitingFor: (wait) => `Venter på en person · forventet ventetid: ${wait}`,
      collecting: 'Noen opplysninger før en person tar over',
      offline: 'Teamet vårt er ikke tilgjengelig akkurat nå',
      ticket: (id) => `Sak ${id} opprettet: vi svarer på e-post`,
      withAgent: (name) => `Du chatter med ${name}.`,
      personJoined: 'En person har blitt med i samtalen.',
      backToBot: 'Tilbake hos assistenten.',
      closed: 'Samtalen er avsluttet.',
    },
    wait: { underAMinute: 'under ett minutt', about: (amount) => `omtrent ${amount}` },
    offlineForm: {
      title: 'Legg igjen opplysningene dine, så svarer vi på e-post',
      name: 'Navn',
      email: 'E-post',
      sending: 'Sender…',
      submit: 'Send opplysningene mine',
      failed: 'Opplysningene dine kunne ikke sendes. Prøv igjen.',
      notSent: 'Opplysningene dine kunne ikke sendes.',
    },
  },
  fi: {
    title: 'Northwind Outfittersin asiakaspalvelu',
    demo: 'Handrail-demo',
    greeting:
      'Hei! Olen Northwind Outfittersin avustaja. Kysy minulta tilauksista, toimituksista, palautuksista tai ko’oista.',
    authors: { user: 'Sinä', bot: 'Avustaja', agent: 'Asiakaspalvelija', system: 'Ilmoitus' },
    conversationLabel: 'Keskustelu',
    messageLabel: 'Viesti',
    placeholder: 'Kysy toimituksista, palautuksista, ko’oista…',
    send: 'Lähetä',
    talkToPerson: 'Puhu ihmisen kanssa',
    askForPerson: 'Haluan puhua ihmisen kanssa, kiitos.',
    error: (message) => `Jokin meni vikaan: ${message}`,
    startOver: 'Aloita alusta',
    loading: 'Ladataan keskusteluasi…',
    restoreFailed: 'Aiempia viestejäsi ei voitu ladata. Voit jatkaa kirjoittamista tai aloittaa alusta.',
    status: {
      assistant: 'Keskustelet avustajan kanssa.',
      waiting: 'Odotetaan ihmistä',
      waitingFor: (wait) => `Odotetaan ihmistä · arvioitu odotusaika: ${wait}`,
      collecting: 'Muutama tieto ennen kuin ihminen jatkaa',
      offline: 'Tiimimme ei ole juuri nyt tavoitettavissa',
      ticket: (id) => `Tukipyyntö ${id} luotu: vastaamme sähköpostitse`,
      withAgent: (name) => `Keskustelet henkilön ${name} kanssa.`,
      personJoined: 'Ihminen liittyi keskusteluun.',
      backToBot: 'Takaisin avustajan kanssa.',
      closed: 'Keskustelu on suljettu.',
    },
    wait: { underAMinute: 'alle minuutti', about: (amount) => `noin ${amount}` },
    offlineForm: {
      title: 'Jätä tietosi, niin vastaamme sähköpostitse',
      name: 'Nimi',
      email: 'Sähköposti',
      sending: 'Lähetetään…',
      submit: 'Lähetä tietoni',
      failed: 'Tietojasi ei voitu lähettää. Yritä uudelleen.',
      notSent: 'Tietojasi ei voitu lähettää.',
    },
  },
};

/** The strings for a language tag (`pt-BR`, `ja`), English when the language is not covered. */
export function chatText(language?: string | null): ChatText {
  return chatTexts[chatLanguage(language)];
}

/** "about 3 minutes", "примерно 5 минут", "약 3분": a wait in seconds, in the page's language. */
export function chatWait(language: ChatLanguage, seconds: number): string {
  const words = chatTexts[language].wait;
  const safe = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  if (safe < 60) return words.underAMinute;
  const minutes = Math.round(safe / 60);
  const unit = (count: number, name: 'minute' | 'hour') =>
    words.about(new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(count));
  if (minutes < 90) return words.minutes?.(minutes) ?? unit(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return words.hours?.(hours) ?? unit(hours, 'hour');
}

/** The one-line status the chat page shows for a handoff state, in the page's language. */
export function chatStatusLine(language: ChatLanguage, data: HandoffPartData | null, agentName?: string): string {
  const status = chatTexts[language].status;
  if (!data) return status.assistant;
  switch (data.status) {
    case 'queued':
      return data.etaSeconds !== undefined ? status.waitingFor(chatWait(language, data.etaSeconds)) : status.waiting;
    case 'waiting':
      // Still in the queue after writing again: the wait stays in view.
      if (agentName) return status.withAgent(agentName);
      return data.etaSeconds !== undefined ? status.waitingFor(chatWait(language, data.etaSeconds)) : status.waiting;
    case 'collecting':
      return status.collecting;
    case 'offline':
      return data.ticketId ? status.ticket(data.ticketId) : status.offline;
    case 'assigned':
    case 'agent_message':
      return agentName ? status.withAgent(agentName) : status.personJoined;
    case 'resolved':
      return data.resolution === 'closed' ? status.closed : status.backToBot;
  }
}
