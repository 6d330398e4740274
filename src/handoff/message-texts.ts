/**
 * The wording of the handoff messages, one table a message and one entry a language. The
 * functions in `messages.ts` put the pieces together; the tables hold no logic beyond the
 * grammar of one language (articles, elision, cases).
 */
import type { Weekday } from '../routing/team.js';
import type { MessageLanguage } from './message-language.js';

type Table<T> = Record<MessageLanguage, T>;
type Plural = (count: number) => string;

/** How a wait is said: under a minute, about N minutes, about N hours. */
export interface WaitWords {
  underAMinute: string;
  minutes: Plural;
  hours: Plural;
}

/** A wait in the language's own unit words (`5 минут`, `دقيقتان`), from `Intl.NumberFormat`. */
function unitWait(language: MessageLanguage, underAMinute: string, about: (amount: string) => string): WaitWords {
  const unit = (count: number, name: 'minute' | 'hour') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(count);
  return { underAMinute, minutes: (n) => about(unit(n, 'minute')), hours: (n) => about(unit(n, 'hour')) };
}

/** The Serbian form for a count: `one` for 1, 21, 31…; `few` for 2–4, 22–24…; `many` otherwise. */
function serbianPlural(count: number, one: string, few: string, many: string): string {
  const ten = count % 10;
  const hundred = count % 100;
  if (ten === 1 && hundred !== 11) return one;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return few;
  return many;
}

const serbianCyrillicToLatin: Readonly<Record<string, string>> = Object.fromEntries(
  [...'абвгдђежзијклљмнњопрстћуфхцчџш'].map((letter, index) => [
    letter,
    [
      'a',
      'b',
      'v',
      'g',
      'd',
      'đ',
      'e',
      'ž',
      'z',
      'i',
      'j',
      'k',
      'l',
      'lj',
      'm',
      'n',
      'nj',
      'o',
      'p',
      'r',
      's',
      't',
      'ć',
      'u',
      'f',
      'h',
      'c',
      'č',
      'dž',
      'š',
    ][index]!,
  ]),
);

/** Serbian Cyrillic text (as Intl writes dates) in Serbian Latin; other characters are kept. */
function serbianLatin(text: string): string {
  return [...text].map((letter) => serbianCyrillicToLatin[letter] ?? letter).join('');
}

export const waitWords: Table<WaitWords> = {
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
  it: unitWait('it', 'meno di un minuto', (amount) => `circa ${amount}`),
  nl: unitWait('nl', 'minder dan een minuut', (amount) => `ongeveer ${amount}`),
  // "mniej więcej" and "примерно" take the count as Intl writes it ("2 minuty", "5 минут").
  pl: unitWait('pl', 'mniej niż minuta', (amount) => `mniej więcej ${amount}`),
  tr: unitWait('tr', 'bir dakikadan az', (amount) => `yaklaşık ${amount}`),
  ru: unitWait('ru', 'меньше минуты', (amount) => `примерно ${amount}`),
  uk: unitWait('uk', 'менше хвилини', (amount) => `приблизно ${amount}`),
  ar: unitWait('ar', 'أقل من دقيقة', (amount) => `${amount} تقريبًا`),
  hi: unitWait('hi', 'एक मिनट से कम', (amount) => `लगभग ${amount}`),
  id: unitWait('id', 'kurang dari satu menit', (amount) => `sekitar ${amount}`),
  vi: unitWait('vi', 'chưa đến một phút', (amount) => `khoảng ${amount}`),
  th: unitWait('th', 'ไม่ถึงหนึ่งนาที', (amount) => `ประมาณ ${amount}`),
  zh: unitWait('zh', '不到一分钟', (amount) => `约${amount}`),
  ja: { underAMinute: '1分未満', minutes: (n) => `約${n}分`, hours: (n) => `約${n}時間` },
  ko: unitWait('ko', '1분 미만', (amount) => `약 ${amount}`),
  sv: unitWait('sv', 'mindre än en minut', (amount) => `ungefär ${amount}`),
  // Serbian plural: 1 (and 21, 31) "minut"/"sat", 2 to 4 "minuta"/"sata", else "minuta"/"sati".
  sr: {
    underAMinute: 'manje od jednog minuta',
    minutes: (n) => `oko ${n} ${serbianPlural(n, 'minut', 'minuta', 'minuta')}`,
    hours: (n) => `oko ${n} ${serbianPlural(n, 'sat', 'sata', 'sati')}`,
  },
  // "maždaug" and "шамамен" take the count as Intl writes it ("5 minutės", "5 минут").
  lt: unitWait('lt', 'mažiau nei minutė', (amount) => `maždaug ${amount}`),
  kk: unitWait('kk', 'бір минуттан аз', (amount) => `шамамен ${amount}`),
  da: unitWait('da', 'under et minut', (amount) => `cirka ${amount}`),
  nb: unitWait('nb', 'under ett minutt', (amount) => `omtrent ${amount}`),
  fi: unitWait('fi', 'alle minuutti', (amount) => `noin ${amount}`),
};

/** Who takes the conversation, as the transition sentence needs it (case, article). */
export interface TeamWords {
  /** No team name: "a member of our team". */
  anyone: string;
  /** A name without the word team: "our Billing team". */
  team: (name: string) => string;
  /** A name that already says team ("Support Team"); defaults to {@link TeamWords.team}. */
  named?: (name: string) => string;
}

export const teamWords: Table<TeamWords> = {
  en: { anyone: 'a member of our team', team: (name) => `our ${name} team`, named: (name) => `our ${name}` },
  es: {
    anyone: 'una persona de nuestro equipo',
    team: (name) => `nuestro equipo de ${name}`,
    named: (name) => `nuestro ${name}`,
  },
  pt: {
    anyone: 'uma pessoa da nossa equipe',
    team: (name) => `a nossa equipe de ${name}`,
    named: (name) => `a nossa ${name}`,
  },
  fr: {
    anyone: 'une personne de notre équipe',
    team: (name) => `notre équipe ${name}`,
    named: (name) => `notre ${name}`,
  },
  de: {
    anyone: 'einem Menschen aus unserem Team',
    team: (name) => (/\s/.test(name) ? `unserem Team „${name}“` : `unserem ${name}-Team`),
    named: (name) => `unserem ${name}`,
  },
  it: {
    anyone: 'una persona del nostro team',
    team: (name) => `il nostro team ${name}`,
    named: (name) => `il nostro ${name}`,
  },
  nl: {
    anyone: 'iemand van ons team',
    team: (name) => (/\s/.test(name) ? `ons team ‘${name}’` : `ons ${name}-team`),
    named: (name) => `ons ${name}`,
  },
  pl: { anyone: 'osobą z naszego zespołu', team: (name) => `naszym zespołem ${name}` },
  tr: {
    anyone: 'ekibimizden bir kişiye',
    team: (name) => `${name} ekibimize`,
    named: (name) => `ekibimize (${name})`,
  },
  ru: { anyone: 'сотрудником нашей команды', team: (name) => `нашей командой «${name}»` },
  uk: { anyone: 'людиною з нашої команди', team: (name) => `нашою командою «${name}»` },
  ar: { anyone: 'بأحد أعضاء فريقنا', team: (name) => `بفريق ${name} لدينا`, named: (name) => `بـ${name}` },
  hi: { anyone: 'हमारी टीम के एक व्यक्ति', team: (name) => `हमारी ${name} टीम`, named: (name) => `हमारी ${name}` },
  id: { anyone: 'seseorang dari tim kami', team: (name) => `tim ${name} kami`, named: (name) => `${name} kami` },
  vi: {
    anyone: 'một nhân viên trong nhóm của chúng tôi',
    team: (name) => `nhóm ${name} của chúng tôi`,
    named: (name) => `${name} của chúng tôi`,
  },
  th: { anyone: 'เจ้าหน้าที่ในทีมของเรา', team: (name) => `ทีม ${name} ของเรา`, named: (name) => `${name} ของเรา` },
  zh: { anyone: '我们团队的工作人员', team: (name) => `我们的${name}团队`, named: (name) => `我们的${name}` },
  ja: { anyone: '私たちのチームの担当者', team: (name) => `${name}チーム`, named: (name) => name },
  // Every phrase ends in a consonant (팀, 상담원, "Team"), so the particle is 과.
  ko: { anyone: '저희 팀 상담원', team: (name) => `저희 ${name} 팀`, named: (name) => `저희 ${name}` },
  sv: {
    anyone: 'en person i vårt team',
    team: (name) => (/\s/.test(name) ? `vårt team ”${name}”` : `vårt ${name}-team`),
    named: (name) => `vårt ${name}`,
  },
  sr: { anyone: 'osobom iz našeg tima', team: (name) => `našim timom ${name}` },
  lt: { anyone: 'žmogumi iš mūsų komandos', team: (name) => `mūsų komanda „${name}“` },
  kk: { anyone: 'біздің команданың қызметкерімен', team: (name) => `біздің «${name}» командамызбен` },
  da: {
    anyone: 'en person fra vores team',
    team: (name) => (/\s/.test(name) ? `vores team »${name}«` : `vores ${name}-team`),
    named: (name) => `vores ${name}`,
  },
  nb: {
    anyone: 'en person i teamet vårt',
    team: (name) => (/\s/.test(name) ? `teamet vårt «${name}»` : `${name}-teamet vårt`),
    named: (name) => `${name} hos oss`,
  },
  // Finnish: "who" is the allative the transition sentence needs ("tiimimme jäsenelle").
  fi: {
    anyone: 'tiimimme jäsenelle',
    team: (name) => (/\s/.test(name) ? `tiimillemme ”${name}”` : `${name}-tiimillemme`),
    named: (name) => `tiimillemme ${name}`,
  },
};

/** The three sentences of the transition message. */
export interface TransitionWords {
  connecting: (who: string) => string;
  wait: (wait: string) => string;
  keepWriting: string;
}

export const transitionWords: Table<TransitionWords> = {
  en: {
    connecting: (who) => `I'm connecting you with ${who}.`,
    wait: (wait) => `The expected wait is ${wait}.`,
    keepWriting: 'You can keep writing here; they will see the whole conversation.',
  },
  es: {
    connecting: (who) => `Te estoy conectando con ${who}.`,
    wait: (wait) => `El tiempo de espera estimado es de ${wait}.`,
    keepWriting: 'Puedes seguir escribiendo aquí; verán toda la conversación.',
  },
  pt: {
    connecting: (who) => `Estou conectando você com ${who}.`,
    wait: (wait) => `O tempo de espera previsto é de ${wait}.`,
    keepWriting: 'Você pode continuar escrevendo aqui; a equipe verá toda a conversa.',
  },
  fr: {
    connecting: (who) => `Je vous mets en relation avec ${who}.`,
    wait: (wait) => `L'attente prévue est ${/^[aeiouéè]/iu.test(wait) ? "d'" : 'de '}${wait}.`,
    keepWriting: "Vous pouvez continuer à écrire ici ; l'équipe verra toute la conversation.",
  },
  de: {
    connecting: (who) => `Ich verbinde Sie mit ${who}.`,
    wait: (wait) => `Die voraussichtliche Wartezeit beträgt ${wait}.`,
    keepWriting: 'Sie können hier weiterschreiben; das Team sieht den gesamten Verlauf.',
  },
  it: {
    connecting: (who) => `Ti sto mettendo in contatto con ${who}.`,
    wait: (wait) => `L'attesa prevista è di ${wait}.`,
    keepWriting: 'Puoi continuare a scrivere qui: vedranno tutta la conversazione.',
  },
  nl: {
    connecting: (who) => `Ik verbind je door met ${who}.`,
    wait: (wait) => `De verwachte wachttijd is ${wait}.`,
    keepWriting: 'Je kunt hier gewoon verder schrijven; ze zien het hele gesprek.',
  },
  pl: {
    connecting: (who) => `Łączę Cię z ${who}.`,
    wait: (wait) => `Przewidywany czas oczekiwania to ${wait}.`,
    keepWriting: 'Możesz dalej pisać tutaj; zobaczą całą rozmowę.',
  },
  tr: {
    connecting: (who) => `Seni ${who} bağlıyorum.`,
    wait: (wait) => `Tahmini bekleme süresi ${wait}.`,
    keepWriting: 'Buraya yazmaya devam edebilirsin; tüm konuşmayı görecekler.',
  },
  ru: {
    connecting: (who) => `Соединяю вас с ${who}.`,
    wait: (wait) => `Время ожидания — ${wait}.`,
    keepWriting: 'Вы можете продолжать писать здесь: сотрудник увидит всю переписку.',
  },
  uk: {
    connecting: (who) => `З’єдную вас з ${who}.`,
    wait: (wait) => `Час очікування — ${wait}.`,
    keepWriting: 'Ви можете й далі писати тут: співробітник побачить усе листування.',
  },
  ar: {
    connecting: (who) => `أقوم الآن بتوصيلك ${who}.`,
    wait: (wait) => `مدة الانتظار المتوقعة ${wait}.`,
    keepWriting: 'يمكنك مواصلة الكتابة هنا، وسيطّلع الفريق على المحادثة كاملة.',
  },
  hi: {
    connecting: (who) => `आपको ${who} से जोड़ा जा रहा है।`,
    wait: (wait) => `अनुमानित प्रतीक्षा समय ${wait} है।`,
    keepWriting: 'आप यहाँ लिखना जारी रख सकते हैं; टीम पूरी बातचीत देख सकेगी।',
  },
  id: {
    connecting: (who) => `Saya sedang menghubungkan kamu dengan ${who}.`,
    wait: (wait) => `Perkiraan waktu tunggu ${wait}.`,
    keepWriting: 'Kamu bisa terus menulis di sini; mereka akan melihat seluruh percakapan.',
  },
  vi: {
    connecting: (who) => `Mình đang kết nối bạn với ${who}.`,
    wait: (wait) => `Thời gian chờ dự kiến là ${wait}.`,
    keepWriting: 'Bạn có thể tiếp tục nhắn ở đây; họ sẽ xem được toàn bộ cuộc trò chuyện.',
  },
  th: {
    // A name in another script ("Billing") is set off by a space, as Thai writes foreign words.
    connecting: (who) => `เรากำลังเชื่อมต่อคุณกับ${/^[\u0E00-\u0E7F]/u.test(who) ? '' : ' '}${who}`,
    wait: (wait) => `คาดว่าจะต้องรอ${wait}`,
    keepWriting: 'คุณพิมพ์ต่อที่นี่ได้เลย ทีมงานจะเห็นบทสนทนาทั้งหมด',
  },
  zh: {
    connecting: (who) => `我正在为你转接${who}。`,
    wait: (wait) => `预计等待${wait}。`,
    keepWriting: '你可以继续在这里留言，他们会看到完整的对话。',
  },
  ja: {
    connecting: (who) => `ただいま${who}におつなぎしています。`,
    wait: (wait) => `待ち時間の目安は${wait}です。`,
    keepWriting: 'このままこちらにご入力いただけます。担当者は会話の内容をすべて確認できます。',
  },
  ko: {
    connecting: (who) => `지금 ${who}과 연결해 드리고 있습니다.`,
    wait: (wait) => `예상 대기 시간은 ${wait}입니다.`,
    keepWriting: '여기에 계속 입력하셔도 됩니다. 상담원이 전체 대화 내용을 확인할 수 있습니다.',
  },
  sv: {
    connecting: (who) => `Jag kopplar dig nu till ${who}.`,
    wait: (wait) => `Den beräknade väntetiden är ${wait}.`,
    keepWriting: 'Du kan fortsätta skriva här; de ser hela konversationen.',
  },
  sr: {
    connecting: (who) => `Povezujem vas sa ${who}.`,
    wait: (wait) => `Očekivano vreme čekanja je ${wait}.`,
    keepWriting: 'Možete nastaviti da pišete ovde; videće ceo razgovor.',
  },
  lt: {
    connecting: (who) => `Jungiu jus su ${who}.`,
    wait: (wait) => `Numatomas laukimo laikas – ${wait}.`,
    keepWriting: 'Galite toliau rašyti čia: jie matys visą pokalbį.',
  },
  kk: {
    connecting: (who) => `Сізді ${who} байланыстырып жатырмын.`,
    wait: (wait) => `Күту уақыты – ${wait}.`,
    keepWriting: 'Осында жаза беруіңізге болады: қызметкер бүкіл хат алмасуды көреді.',
  },
  da: {
    connecting: (who) => `Jeg sætter dig nu i forbindelse med ${who}.`,
    wait: (wait) => `Den forventede ventetid er ${wait}.`,
    keepWriting: 'Du kan fortsætte med at skrive her; de kan se hele samtalen.',
  },
  nb: {
    connecting: (who) => `Jeg setter deg nå over til ${who}.`,
    wait: (wait) => `Forventet ventetid er ${wait}.`,
    keepWriting: 'Du kan fortsette å skrive her; de ser hele samtalen.',
  },
  fi: {
    connecting: (who) => `Yhdistän sinut nyt ${who}.`,
    wait: (wait) => `Arvioitu odotusaika on ${wait}.`,
    keepWriting: 'Voit jatkaa kirjoittamista tänne; he näkevät koko keskustelun.',
  },
};

/** The reply time, written in the zone of the message. */
export interface ReplyTime {
  /** "today", "tomorrow", "on Monday" or "on March 28", from {@link ReplyByWords}. */
  day: string;
  /** The local time as `Intl` writes it for the language (`9:00 AM`, `9:00`). */
  time: string;
  /** The zone's short name as `Intl` writes it for the language (`EDT`, `GMT-4`, `MEZ`). */
  zone: string;
  /** The local hour, 0 to 23, for languages whose article depends on it. */
  hour: number;
}

/** How "by 9:00 AM tomorrow" is said. */
export interface ReplyByWords {
  today: string;
  tomorrow: string;
  /** A weekday two to six days away, from its `Intl` name (`Monday`) or its key (`mon`). */
  weekday: (name: string, key: Weekday) => string;
  /** A date a week or more away, from its `Intl` form (`March 28`). */
  date: (date: string) => string;
  phrase: (when: ReplyTime) => string;
}

const polishWeekdays: Record<Weekday, string> = {
  sun: 'w niedzielę',
  mon: 'w poniedziałek',
  tue: 'we wtorek',
  wed: 'w środę',
  thu: 'w czwartek',
  fri: 'w piątek',
  sat: 'w sobotę',
};
const russianWeekdays: Record<Weekday, string> = {
  sun: 'в воскресенье',
  mon: 'в понедельник',
  tue: 'во вторник',
  wed: 'в среду',
  thu: 'в четверг',
  fri: 'в пятницу',
  sat: 'в субботу',
};
const ukrainianWeekdays: Record<Weekday, string> = {
  sun: 'у неділю',
  mon: 'у понеділок',
  tue: 'у вівторок',
  wed: 'у середу',
  thu: 'у четвер',
  fri: 'у п’ятницю',
  sat: 'у суботу',
};

const serbianWeekdays: Record<Weekday, string> = {
  sun: 'u nedelju',
  mon: 'u ponedeljak',
  tue: 'u utorak',
  wed: 'u sredu',
  thu: 'u četvrtak',
  fri: 'u petak',
  sat: 'u subotu',
};
const lithuanianWeekdays: Record<Weekday, string> = {
  sun: 'sekmadienį',
  mon: 'pirmadienį',
  tue: 'antradienį',
  wed: 'trečiadienį',
  thu: 'ketvirtadienį',
  fri: 'penktadienį',
  sat: 'šeštadienį',
};
const kazakhWeekdays: Record<Weekday, string> = {
  sun: 'жексенбіде',
  mon: 'дүйсенбіде',
  tue: 'сейсенбіде',
  wed: 'сәрсенбіде',
  thu: 'бейсенбіде',
  fri: 'жұмада',
  sat: 'сенбіде',
};

const finnishWeekdays: Record<Weekday, string> = {
  sun: 'sunnuntaina',
  mon: 'maanantaina',
  tue: 'tiistaina',
  wed: 'keskiviikkona',
  thu: 'torstaina',
  fri: 'perjantaina',
  sat: 'lauantaina',
};

export const replyByWords: Table<ReplyByWords> = {
  en: {
    today: 'today',
    tomorrow: 'tomorrow',
    weekday: (name) => `on ${name}`,
    date: (date) => `on ${date}`,
    phrase: ({ day, time, zone }) => `by ${time} ${day}, ${zone}`,
  },
  // Spanish, Portuguese and Italian write 24-hour times: only 1:00 takes the singular article.
  es: {
    today: 'hoy',
    tomorrow: 'mañana',
    weekday: (name) => `el ${name}`,
    date: (date) => `el ${date}`,
    phrase: ({ day, time, zone, hour }) => `${day} antes de ${hour === 1 ? 'la' : 'las'} ${time} ${zone}`,
  },
  pt: {
    today: 'hoje',
    tomorrow: 'amanhã',
    weekday: (name) => name,
    date: (date) => date,
    phrase: ({ day, time, zone, hour }) => `até ${day} ${hour === 1 ? 'à' : 'às'} ${time} ${zone}`,
  },
  fr: {
    today: "aujourd'hui",
    tomorrow: 'demain',
    weekday: (name) => name,
    date: (date) => `le ${date}`,
    phrase: ({ day, time, zone }) => `${day} avant ${time} ${zone}`,
  },
  de: {
    today: 'heute',
    tomorrow: 'morgen',
    weekday: (name) => `am ${name}`,
    date: (date) => `am ${date}`,
    phrase: ({ day, time, zone }) => `${day} bis ${time} Uhr ${zone}`,
  },
  it: {
    today: 'oggi',
    tomorrow: 'domani',
    weekday: (name) => name,
    date: (date) => `il ${date}`,
    phrase: ({ day, time, zone, hour }) => `entro ${day} ${hour === 1 ? "all'" : 'alle '}${time} ${zone}`,
  },
  nl: {
    today: 'vandaag',
    tomorrow: 'morgen',
    weekday: (name) => name,
    date: (date) => `op ${date}`,
    phrase: ({ day, time, zone }) => `${day} vóór ${time} ${zone}`,
  },
  pl: {
    today: 'dziś',
    tomorrow: 'jutro',
    weekday: (_name, key) => polishWeekdays[key],
    date: (date) => date,
    phrase: ({ day, time, zone }) => `${day} do ${time} ${zone}`,
  },
  // "en geç" (at the latest) keeps the time free of case suffixes ("9:00'a").
  tr: {
    today: 'bugün',
    tomorrow: 'yarın',
    weekday: (name) => name,
    date: (date) => date,
    phrase: ({ day, time, zone }) => `en geç ${day} saat ${time} ${zone}`,
  },
  ru: {
    today: 'сегодня',
    tomorrow: 'завтра',
    weekday: (_name, key) => russianWeekdays[key],
    date: (date) => date,
    phrase: ({ day, time, zone }) => `${day} до ${time} ${zone}`,
  },
  uk: {
    today: 'сьогодні',
    tomorrow: 'завтра',
    weekday: (_name, key) => ukrainianWeekdays[key],
    date: (date) => date,
    phrase: ({ day, time, zone }) => `${day} до ${time} ${zone}`,
  },
  ar: {
    today: 'اليوم',
    tomorrow: 'غدًا',
    weekday: (name) => `يوم ${name}`,
    date: (date) => `في ${date}`,
    phrase: ({ day, time, zone }) => `${day} قبل الساعة ${time} ${zone}`,
  },
  hi: {
    today: 'आज',
    tomorrow: 'कल',
    weekday: (name) => `${name} को`,
    date: (date) => `${date} को`,
    phrase: ({ day, time, zone }) => `${day} ${time} ${zone} तक`,
  },
  id: {
    today: 'hari ini',
    tomorrow: 'besok',
    weekday: (name) => `hari ${name}`,
    date: (date) => `tanggal ${date}`,
    phrase: ({ day, time, zone }) => `paling lambat ${day} pukul ${time} ${zone}`,
  },
  vi: {
    today: 'hôm nay',
    tomorrow: 'ngày mai',
    weekday: (name) => name,
    date: (date) => `ngày ${date}`,
    phrase: ({ day, time, zone }) => `trước ${time} ${zone} ${day}`,
  },
  th: {
    today: 'วันนี้',
    tomorrow: 'พรุ่งนี้',
    weekday: (name) => name,
    date: (date) => `วันที่ ${date}`,
    phrase: ({ day, time, zone }) => `ภายใน${day} เวลา ${time} น. ${zone}`,
  },
  zh: {
    today: '今天',
    tomorrow: '明天',
    weekday: (name) => name,
    date: (date) => date,
    phrase: ({ day, time, zone }) => `${day}${time}（${zone}）之前`,
  },
  ja: {
    today: '本日',
    tomorrow: '明日',
    weekday: (name) => `${name}の`,
    date: (date) => `${date}の`,
    phrase: ({ day, time, zone }) => `${day}${time}（${zone}）まで`,
  },
  ko: {
    today: '오늘',
    tomorrow: '내일',
    weekday: (name) => name,
    date: (date) => date,
    phrase: ({ day, time, zone }) => `${day} ${time} ${zone}까지`,
  },
  sv: {
    today: 'i dag',
    tomorrow: 'i morgon',
    weekday: (name) => `på ${name}`,
    date: (date) => `den ${date}`,
    phrase: ({ day, time, zone }) => `${day} senast kl. ${time} ${zone}`,
  },
  sr: {
    today: 'danas',
    tomorrow: 'sutra',
    weekday: (_name, key) => serbianWeekdays[key],
    // Intl writes Serbian in Cyrillic ("2. децембар"); these messages are in Latin.
    date: (date) => serbianLatin(date),
    phrase: ({ day, time, zone }) => `${day} do ${time} ${zone}`,
  },
  lt: {
    today: 'šiandien',
    tomorrow: 'rytoj',
    weekday: (_name, key) => lithuanianWeekdays[key],
    date: (date) => date,
    phrase: ({ day, time, zone }) => `${day} iki ${time} ${zone}`,
  },
  // "ең кеші" (at the latest) keeps the time free of case suffixes ("9:00-ге").
  kk: {
    today: 'бүгін',
    tomorrow: 'ертең',
    weekday: (_name, key) => kazakhWeekdays[key],
    date: (date) => date,
    phrase: ({ day, time, zone }) => `ең кеші ${day} сағат ${time} ${zone}`,
  },
  da: {
    today: 'i dag',
    tomorrow: 'i morgen',
    weekday: (name) => `på ${name}`,
    date: (date) => `den ${date}`,
    phrase: ({ day, time, zone }) => `${day} senest kl. ${time} ${zone}`,
  },
  nb: {
    today: 'i dag',
    tomorrow: 'i morgen',
    weekday: (name) => `på ${name}`,
    date: (date) => `den ${date}`,
    phrase: ({ day, time, zone }) => `${day} innen kl. ${time} ${zone}`,
  },
  // Finnish says "on Monday" with the essive of the weekday ("maanantaina").
  fi: {
    today: 'tänään',
    tomorrow: 'huomenna',
    weekday: (_name, key) => finnishWeekdays[key],
    date: (date) => date,
    phrase: ({ day, time, zone }) => `viimeistään ${day} klo ${time} ${zone}`,
  },
};

/** The offline message: the team is away, then how and when it answers. */
export interface OfflineWords {
  offline: string;
  /** Asks for name and email; `when` is a {@link ReplyByWords.phrase}. */
  leaveContact: (when: string) => string;
  answerHere: (when: string) => string;
}

export const offlineWords: Table<OfflineWords> = {
  en: {
    offline: 'Our team is offline right now.',
    leaveContact: (when) => `Leave your name and email and we'll get back to you ${when}.`,
    answerHere: (when) => `We'll get back to you here ${when}.`,
  },
  es: {
    offline: 'Nuestro equipo no está disponible en este momento.',
    leaveContact: (when) => `Déjanos tu nombre y tu correo electrónico y te responderemos ${when}.`,
    answerHere: (when) => `Te responderemos aquí ${when}.`,
  },
  pt: {
    offline: 'Nossa equipe está offline agora.',
    leaveContact: (when) => `Deixe seu nome e e-mail e responderemos ${when}.`,
    answerHere: (when) => `Responderemos aqui ${when}.`,
  },
  fr: {
    offline: 'Notre équipe est hors ligne pour le moment.',
    leaveContact: (when) => `Laissez votre nom et votre e-mail et nous vous répondrons ${when}.`,
    answerHere: (when) => `Nous vous répondrons ici ${when}.`,
  },
  de: {
    offline: 'Unser Team ist gerade nicht erreichbar.',
    leaveContact: (when) => `Hinterlassen Sie Ihren Namen und Ihre E-Mail-Adresse, dann melden wir uns ${when}.`,
    answerHere: (when) => `Wir melden uns hier ${when}.`,
  },
  it: {
    offline: 'Al momento il nostro team non è disponibile.',
    leaveContact: (when) => `Lasciaci il tuo nome e la tua email e ti risponderemo ${when}.`,
    answerHere: (when) => `Ti risponderemo qui ${when}.`,
  },
  nl: {
    offline: 'Ons team is op dit moment niet bereikbaar.',
    leaveContact: (when) => `Laat je naam en e-mailadres achter, dan nemen we ${when} contact met je op.`,
    answerHere: (when) => `We reageren hier ${when}.`,
  },
  pl: {
    offline: 'Nasz zespół jest teraz niedostępny.',
    leaveContact: (when) => `Zostaw swoje imię i adres e-mail, a odpowiemy Ci ${when}.`,
    answerHere: (when) => `Odpowiemy Ci tutaj ${when}.`,
  },
  tr: {
    offline: 'Ekibimiz şu anda çevrimiçi değil.',
    leaveContact: (when) => `Adını ve e-posta adresini bırakırsan sana ${when} dönüş yapacağız.`,
    answerHere: (when) => `Sana buradan ${when} dönüş yapacağız.`,
  },
  ru: {
    offline: 'Сейчас наша команда не в сети.',
    leaveContact: (when) => `Оставьте своё имя и адрес электронной почты, и мы ответим вам ${when}.`,
    answerHere: (when) => `Мы ответим вам здесь ${when}.`,
  },
  uk: {
    offline: 'Зараз наша команда не на зв’язку.',
    leaveContact: (when) => `Залиште своє ім’я та адресу електронної пошти, і ми відповімо вам ${when}.`,
    answerHere: (when) => `Ми відповімо вам тут ${when}.`,
  },
  ar: {
    offline: 'فريقنا غير متاح حاليًا.',
    leaveContact: (when) => `اترك اسمك وبريدك الإلكتروني وسنرد عليك ${when}.`,
    answerHere: (when) => `سنرد عليك هنا ${when}.`,
  },
  hi: {
    offline: 'हमारी टीम अभी ऑफ़लाइन है।',
    leaveContact: (when) => `अपना नाम और ईमेल छोड़ दें, हम आपको ${when} जवाब देंगे।`,
    answerHere: (when) => `हम आपको यहीं ${when} जवाब देंगे।`,
  },
  id: {
    offline: 'Tim kami sedang offline saat ini.',
    leaveContact: (when) => `Tinggalkan nama dan email kamu, dan kami akan membalas ${when}.`,
    answerHere: (when) => `Kami akan membalas di sini ${when}.`,
  },
  vi: {
    offline: 'Hiện nhóm của chúng tôi đang ngoại tuyến.',
    leaveContact: (when) => `Hãy để lại tên và email, chúng tôi sẽ phản hồi bạn ${when}.`,
    answerHere: (when) => `Chúng tôi sẽ phản hồi bạn tại đây ${when}.`,
  },
  th: {
    offline: 'ขณะนี้ทีมของเราออฟไลน์อยู่',
    leaveContact: (when) => `กรุณาฝากชื่อและอีเมลไว้ แล้วเราจะติดต่อกลับ${when}`,
    answerHere: (when) => `เราจะตอบกลับที่นี่${when}`,
  },
  zh: {
    offline: '我们的团队目前不在线。',
    leaveContact: (when) => `请留下你的姓名和邮箱，我们会在${when}回复你。`,
    answerHere: (when) => `我们会在${when}回复你，请留意这里的消息。`,
  },
  ja: {
    offline: 'ただいまチームは対応時間外です。',
    leaveContact: (when) => `お名前とメールアドレスを残していただければ、${when}にご連絡します。`,
    answerHere: (when) => `${when}にこちらでご返信します。`,
  },
  ko: {
    offline: '지금은 저희 팀이 오프라인 상태입니다.',
    leaveContact: (when) => `성함과 이메일을 남겨 주시면 ${when} 답변해 드리겠습니다.`,
    answerHere: (when) => `${when} 여기에서 답변해 드리겠습니다.`,
  },
  sv: {
    offline: 'Vårt team är inte tillgängligt just nu.',
    leaveContact: (when) => `Lämna ditt namn och din e-postadress så återkommer vi ${when}.`,
    answerHere: (when) => `Vi svarar dig här ${when}.`,
  },
  sr: {
    offline: 'Naš tim trenutno nije dostupan.',
    leaveContact: (when) => `Ostavite svoje ime i e-mail adresu i javićemo vam se ${when}.`,
    answerHere: (when) => `Odgovorićemo vam ovde ${when}.`,
  },
  lt: {
    offline: 'Mūsų komanda šiuo metu nepasiekiama.',
    leaveContact: (when) => `Palikite savo vardą ir el. pašto adresą, ir mes jums atsakysime ${when}.`,
    answerHere: (when) => `Atsakysime jums čia ${when}.`,
  },
  kk: {
    offline: 'Қазір біздің команда желіде емес.',
    leaveContact: (when) => `Атыңыз бен электрондық пошта мекенжайыңызды қалдырыңыз, біз сізге ${when} жауап береміз.`,
    answerHere: (when) => `Біз сізге осында ${when} жауап береміз.`,
  },
  da: {
    offline: 'Vores team er ikke tilgængeligt lige nu.',
    leaveContact: (when) => `Skriv dit navn og din e-mailadresse, så vender vi tilbage ${when}.`,
    answerHere: (when) => `Vi svarer dig her ${when}.`,
  },
  nb: {
    offline: 'Teamet vårt er ikke tilgjengelig akkurat nå.',
    leaveContact: (when) => `Legg igjen navnet ditt og e-postadressen din, så svarer vi deg ${when}.`,
    answerHere: (when) => `Vi svarer deg her ${when}.`,
  },
  fi: {
    offline: 'Tiimimme ei ole juuri nyt tavoitettavissa.',
    leaveContact: (when) => `Jätä nimesi ja sähköpostiosoitteesi, niin vastaamme sinulle ${when}.`,
    answerHere: (when) => `Vastaamme sinulle täällä ${when}.`,
  },
};

/** The ticket message: the ticket, then where the answer comes. */
export interface TicketWords {
  created: (ticketId?: string) => string;
  answer: (email?: string) => string;
}

export const ticketWords: Table<TicketWords> = {
  en: {
    created: (id) => (id ? `I've created ticket ${id} for you.` : "I've created a ticket for you."),
    answer: (email) => (email ? `Our team will answer by email at ${email}.` : 'Our team will answer you here.'),
  },
  es: {
    created: (id) => (id ? `He creado el ticket ${id} para ti.` : 'He creado un ticket para ti.'),
    answer: (email) =>
      email ? `Nuestro equipo te responderá por correo a ${email}.` : 'Nuestro equipo te responderá aquí.',
  },
  pt: {
    created: (id) => (id ? `Criei o chamado ${id} para você.` : 'Criei um chamado para você.'),
    answer: (email) =>
      email ? `Nossa equipe vai responder por e-mail para ${email}.` : 'Nossa equipe vai responder aqui.',
  },
  fr: {
    created: (id) => (id ? `J'ai créé le ticket ${id} pour vous.` : "J'ai créé un ticket pour vous."),
    answer: (email) =>
      email ? `Notre équipe vous répondra par e-mail à ${email}.` : 'Notre équipe vous répondra ici.',
  },
  de: {
    created: (id) => (id ? `Ich habe das Ticket ${id} für Sie angelegt.` : 'Ich habe ein Ticket für Sie angelegt.'),
    answer: (email) =>
      email ? `Unser Team antwortet Ihnen per E-Mail an ${email}.` : 'Unser Team antwortet Ihnen hier.',
  },
  it: {
    created: (id) => (id ? `Ho aperto il ticket ${id} per te.` : 'Ho aperto un ticket per te.'),
    answer: (email) =>
      email ? `Il nostro team ti risponderà via email all'indirizzo ${email}.` : 'Il nostro team ti risponderà qui.',
  },
  nl: {
    created: (id) => (id ? `Ik heb ticket ${id} voor je aangemaakt.` : 'Ik heb een ticket voor je aangemaakt.'),
    answer: (email) => (email ? `Ons team antwoordt je per e-mail op ${email}.` : 'Ons team antwoordt je hier.'),
  },
  pl: {
    created: (id) => (id ? `Utworzyliśmy dla Ciebie zgłoszenie ${id}.` : 'Utworzyliśmy dla Ciebie zgłoszenie.'),
    answer: (email) => (email ? `Nasz zespół odpowie Ci e-mailem na adres ${email}.` : 'Nasz zespół odpowie Ci tutaj.'),
  },
  tr: {
    created: (id) =>
      id ? `Senin için ${id} numaralı bir destek talebi oluşturdum.` : 'Senin için bir destek talebi oluşturdum.',
    answer: (email) =>
      email ? `Ekibimiz sana ${email} adresine e-postayla yanıt verecek.` : 'Ekibimiz sana buradan yanıt verecek.',
  },
  ru: {
    created: (id) => (id ? `Для вас создано обращение ${id}.` : 'Для вас создано обращение.'),
    answer: (email) =>
      email ? `Наша команда ответит вам по электронной почте на адрес ${email}.` : 'Наша команда ответит вам здесь.',
  },
  uk: {
    created: (id) => (id ? `Для вас створено звернення ${id}.` : 'Для вас створено звернення.'),
    answer: (email) =>
      email ? `Наша команда відповість вам електронною поштою на адресу ${email}.` : 'Наша команда відповість вам тут.',
  },
  ar: {
    created: (id) => (id ? `أنشأتُ لك التذكرة ${id}.` : 'أنشأتُ لك تذكرة.'),
    answer: (email) => (email ? `سيرد عليك فريقنا عبر البريد الإلكتروني على ${email}.` : 'سيرد عليك فريقنا هنا.'),
  },
  hi: {
    created: (id) => (id ? `आपके लिए टिकट ${id} बना दिया गया है।` : 'आपके लिए एक टिकट बना दिया गया है।'),
    answer: (email) => (email ? `हमारी टीम आपको ${email} पर ईमेल से जवाब देगी।` : 'हमारी टीम आपको यहीं जवाब देगी।'),
  },
  id: {
    created: (id) => (id ? `Saya sudah membuat tiket ${id} untuk kamu.` : 'Saya sudah membuat tiket untuk kamu.'),
    answer: (email) =>
      email ? `Tim kami akan membalas melalui email ke ${email}.` : 'Tim kami akan membalas kamu di sini.',
  },
  vi: {
    created: (id) => (id ? `Mình đã tạo phiếu hỗ trợ ${id} cho bạn.` : 'Mình đã tạo một phiếu hỗ trợ cho bạn.'),
    answer: (email) =>
      email ? `Nhóm của chúng tôi sẽ trả lời bạn qua email ${email}.` : 'Nhóm của chúng tôi sẽ trả lời bạn tại đây.',
  },
  th: {
    created: (id) => (id ? `เราได้สร้างคำขอหมายเลข ${id} ให้คุณแล้ว` : 'เราได้สร้างคำขอให้คุณแล้ว'),
    answer: (email) => (email ? `ทีมของเราจะตอบกลับทางอีเมลที่ ${email}` : 'ทีมของเราจะตอบกลับคุณที่นี่'),
  },
  zh: {
    created: (id) => (id ? `我已为你创建工单 ${id}。` : '我已为你创建了一张工单。'),
    answer: (email) => (email ? `我们的团队会通过邮件回复到 ${email}。` : '我们的团队会在这里回复你。'),
  },
  ja: {
    created: (id) => (id ? `お問い合わせ番号 ${id} で受け付けました。` : 'お問い合わせを受け付けました。'),
    answer: (email) =>
      email ? `担当チームより ${email} 宛にメールでご返信します。` : '担当チームよりこちらでご返信します。',
  },
  ko: {
    created: (id) => (id ? `문의가 접수되었습니다(번호: ${id}).` : '문의가 접수되었습니다.'),
    answer: (email) =>
      email ? `저희 팀이 이메일(${email})로 답변해 드리겠습니다.` : '저희 팀이 여기에서 답변해 드리겠습니다.',
  },
  sv: {
    created: (id) => (id ? `Jag har skapat ärende ${id} åt dig.` : 'Jag har skapat ett ärende åt dig.'),
    answer: (email) => (email ? `Vårt team svarar dig via e-post till ${email}.` : 'Vårt team svarar dig här.'),
  },
  sr: {
    created: (id) => (id ? `Otvorio sam vam tiket ${id}.` : 'Otvorio sam vam tiket.'),
    answer: (email) => (email ? `Naš tim će vam odgovoriti e-mailom na ${email}.` : 'Naš tim će vam odgovoriti ovde.'),
  },
  lt: {
    created: (id) => (id ? `Jums sukurta užklausa ${id}.` : 'Jums sukurta užklausa.'),
    answer: (email) =>
      email ? `Mūsų komanda jums atsakys el. paštu adresu ${email}.` : 'Mūsų komanda jums atsakys čia.',
  },
  kk: {
    created: (id) => (id ? `Сіз үшін ${id} өтініші тіркелді.` : 'Сіз үшін өтініш тіркелді.'),
    answer: (email) =>
      email
        ? `Біздің команда сізге ${email} мекенжайына электрондық пошта арқылы жауап береді.`
        : 'Біздің команда сізге осында жауап береді.',
  },
  da: {
    created: (id) => (id ? `Jeg har oprettet sag ${id} til dig.` : 'Jeg har oprettet en sag til dig.'),
    answer: (email) => (email ? `Vores team svarer dig på e-mail til ${email}.` : 'Vores team svarer dig her.'),
  },
  nb: {
    created: (id) => (id ? `Jeg har opprettet sak ${id} for deg.` : 'Jeg har opprettet en sak for deg.'),
    answer: (email) => (email ? `Teamet vårt svarer deg på e-post til ${email}.` : 'Teamet vårt svarer deg her.'),
  },
  fi: {
    created: (id) => (id ? `Loin sinulle tukipyynnön ${id}.` : 'Loin sinulle tukipyynnön.'),
    answer: (email) =>
      email ? `Tiimimme vastaa sinulle sähköpostitse osoitteeseen ${email}.` : 'Tiimimme vastaa sinulle täällä.',
  },
};

/** An agent took the conversation. */
export const agentJoinedWords: Table<(agentName: string) => string> = {
  en: (name) => `${name} from our team has joined the conversation.`,
  es: (name) => `${name}, de nuestro equipo, se ha unido a la conversación.`,
  pt: (name) => `${name}, da nossa equipe, entrou na conversa.`,
  fr: (name) => `${name}, de notre équipe, a rejoint la conversation.`,
  de: (name) => `${name} aus unserem Team ist dem Gespräch beigetreten.`,
  it: (name) => `${name} del nostro team ha preso in carico la conversazione.`,
  nl: (name) => `${name} van ons team neemt nu deel aan het gesprek.`,
  pl: (name) => `${name} z naszego zespołu dołącza do rozmowy.`,
  tr: (name) => `Ekibimizden ${name} konuşmaya katıldı.`,
  ru: (name) => `К разговору подключается ${name} из нашей команды.`,
  uk: (name) => `До розмови долучається ${name} з нашої команди.`,
  ar: (name) => `${name} من فريقنا معك الآن في المحادثة.`,
  hi: (name) => `हमारी टीम से ${name} अब बातचीत में शामिल हैं।`,
  id: (name) => `${name} dari tim kami telah bergabung dalam percakapan.`,
  vi: (name) => `${name} từ nhóm của chúng tôi đã tham gia cuộc trò chuyện.`,
  th: (name) => `${name} จากทีมของเราเข้าร่วมการสนทนาแล้ว`,
  zh: (name) => `我们团队的${name}已加入对话。`,
  ja: (name) => `担当の${name}が会話に参加しました。`,
  ko: (name) => `저희 팀의 ${name} 님이 대화에 참여했습니다.`,
  sv: (name) => `${name} från vårt team har anslutit till samtalet.`,
  sr: (name) => `${name} iz našeg tima se uključuje u razgovor.`,
  lt: (name) => `Prie pokalbio prisijungia ${name} iš mūsų komandos.`,
  kk: (name) => `Әңгімеге біздің командадан ${name} қосылды.`,
  da: (name) => `${name} fra vores team er kommet med i samtalen.`,
  nb: (name) => `${name} fra teamet vårt har blitt med i samtalen.`,
  fi: (name) => `${name} tiimistämme liittyi keskusteluun.`,
};

/** The agent handed the conversation back to the bot. */
export const backToBotWords: Table<string> = {
  en: "Our team has finished the conversation. You're talking to the assistant again: ask me anything, or ask for a person at any time.",
  es: 'Nuestro equipo ha terminado la conversación. Vuelves a hablar con el asistente: pregúntame lo que necesites o pide hablar con una persona cuando quieras.',
  pt: 'Nossa equipe encerrou a conversa. Você está falando de novo com o assistente: pergunte o que precisar ou peça para falar com uma pessoa quando quiser.',
  fr: "Notre équipe a terminé la conversation. Vous parlez de nouveau avec l'assistant : posez-moi vos questions ou demandez à parler à une personne à tout moment.",
  de: 'Unser Team hat das Gespräch beendet. Sie sprechen wieder mit dem Assistenten: Fragen Sie mich gern, oder bitten Sie jederzeit um ein Gespräch mit einem Menschen.',
  it: "Il nostro team ha concluso la conversazione. Ora stai di nuovo parlando con l'assistente: chiedimi pure quello che ti serve, oppure chiedi di parlare con una persona in qualsiasi momento.",
  nl: 'Ons team heeft het gesprek afgerond. Je praat nu weer met de assistent: vraag me gerust wat je wilt, of vraag op elk moment naar een medewerker.',
  pl: 'Nasz zespół zakończył rozmowę. Znowu rozmawiasz z asystentem: zapytaj mnie o cokolwiek albo w każdej chwili poproś o rozmowę z człowiekiem.',
  tr: 'Ekibimiz konuşmayı sonlandırdı. Yeniden asistanla konuşuyorsun: bana istediğini sorabilir ya da istediğin zaman bir kişiyle görüşmek isteyebilirsin.',
  ru: 'Наша команда завершила разговор. Вы снова общаетесь с ассистентом: задавайте любые вопросы или в любой момент попросите соединить вас с человеком.',
  uk: 'Наша команда завершила розмову. Ви знову спілкуєтеся з асистентом: запитуйте що завгодно або будь-коли попросіть з’єднати вас із людиною.',
  ar: 'أنهى فريقنا المحادثة. أنت تتحدث الآن مع المساعد مرة أخرى: اسألني عن أي شيء، أو اطلب التحدث إلى شخص في أي وقت.',
  hi: 'हमारी टीम ने बातचीत पूरी कर ली है। अब आप फिर से सहायक से बात कर रहे हैं: मुझसे कुछ भी पूछें, या कभी भी किसी व्यक्ति से बात करने के लिए कहें।',
  id: 'Tim kami telah menyelesaikan percakapan. Kamu kembali berbicara dengan asisten: tanyakan apa saja, atau minta bicara dengan orang kapan saja.',
  vi: 'Nhóm của chúng tôi đã kết thúc cuộc trò chuyện. Bạn đang trò chuyện lại với trợ lý: hãy hỏi mình bất cứ điều gì, hoặc yêu cầu nói chuyện với nhân viên bất cứ lúc nào.',
  th: 'ทีมของเราสิ้นสุดการสนทนาแล้ว ตอนนี้คุณกลับมาคุยกับผู้ช่วยอีกครั้ง ถามเราได้ทุกเรื่อง หรือขอคุยกับเจ้าหน้าที่ได้ตลอดเวลา',
  zh: '我们的团队已结束这次对话。你现在重新与智能助手对话：有任何问题都可以问我，也可以随时要求转接人工客服。',
  ja: '担当者による対応が終了しました。ここからは再びアシスタントがご案内します。何でもお尋ねください。担当者との会話をご希望の場合は、いつでもお申し付けください。',
  ko: '저희 팀이 대화를 마쳤습니다. 이제 다시 어시스턴트와 대화하고 계십니다. 궁금한 점은 무엇이든 물어보시고, 언제든 상담원 연결을 요청하실 수 있습니다.',
  sv: 'Vårt team har avslutat samtalet. Du pratar nu med assistenten igen: fråga mig vad du vill, eller be om att få prata med en person när som helst.',
  sr: 'Naš tim je završio razgovor. Ponovo razgovarate sa asistentom: pitajte me šta god želite ili u bilo kom trenutku zatražite razgovor sa osobom.',
  lt: 'Mūsų komanda baigė pokalbį. Jūs vėl kalbatės su asistentu: klauskite ko norite arba bet kada paprašykite sujungti su žmogumi.',
  kk: 'Біздің команда әңгімені аяқтады. Сіз қайтадан ассистентпен сөйлесіп отырсыз: кез келген сұрақ қойыңыз немесе кез келген уақытта адаммен байланыстыруды сұраңыз.',
  da: 'Vores team har afsluttet samtalen. Du taler nu med assistenten igen: spørg mig om hvad som helst, eller bed om at tale med en person når som helst.',
  nb: 'Teamet vårt har avsluttet samtalen. Du snakker nå med assistenten igjen: spør meg om hva du vil, eller be om å snakke med en person når som helst.',
  fi: 'Tiimimme lopetti keskustelun. Puhut nyt taas avustajan kanssa: kysy mitä haluat, tai pyydä milloin tahansa päästä puhumaan ihmisen kanssa.',
};

/** The user wrote while waiting in the queue; `wait` is a {@link formatWait} text when known. */
export const waitingWords: Table<(wait?: string) => string> = {
  en: (wait) =>
    `Thanks, I've added your message to the conversation. Someone from our team will be with you soon${wait ? ` (expected wait: ${wait})` : ''}.`,
  es: (wait) =>
    `Gracias, he añadido tu mensaje a la conversación. Una persona de nuestro equipo te atenderá pronto${wait ? ` (espera estimada: ${wait})` : ''}.`,
  pt: (wait) =>
    `Obrigado, adicionei sua mensagem à conversa. Uma pessoa da nossa equipe vai atender você em breve${wait ? ` (espera prevista: ${wait})` : ''}.`,
  fr: (wait) =>
    `Merci, j'ai ajouté votre message à la conversation. Une personne de notre équipe va vous répondre bientôt${wait ? ` (attente prévue : ${wait})` : ''}.`,
  de: (wait) =>
    `Danke, ich habe Ihre Nachricht zum Gespräch hinzugefügt. Jemand aus unserem Team ist bald für Sie da${wait ? ` (voraussichtliche Wartezeit: ${wait})` : ''}.`,
  it: (wait) =>
    `Grazie, ho aggiunto il tuo messaggio alla conversazione. Una persona del nostro team ti risponderà a breve${wait ? ` (attesa prevista: ${wait})` : ''}.`,
  nl: (wait) =>
    `Bedankt, ik heb je bericht aan het gesprek toegevoegd. Iemand van ons team helpt je zo${wait ? ` (verwachte wachttijd: ${wait})` : ''}.`,
  pl: (wait) =>
    `Dziękujemy, Twoja wiadomość została dodana do rozmowy. Ktoś z naszego zespołu wkrótce się Tobą zajmie${wait ? ` (przewidywany czas oczekiwania: ${wait})` : ''}.`,
  tr: (wait) =>
    `Teşekkürler, mesajını konuşmaya ekledim. Ekibimizden biri birazdan seninle ilgilenecek${wait ? ` (tahmini bekleme süresi: ${wait})` : ''}.`,
  ru: (wait) =>
    `Спасибо, ваше сообщение добавлено в разговор. Сотрудник нашей команды скоро вам ответит${wait ? ` (время ожидания: ${wait})` : ''}.`,
  uk: (wait) =>
    `Дякуємо, ваше повідомлення додано до розмови. Співробітник нашої команди незабаром вам відповість${wait ? ` (час очікування: ${wait})` : ''}.`,
  ar: (wait) =>
    `شكرًا، أضفتُ رسالتك إلى المحادثة. سيتواصل معك أحد أعضاء فريقنا قريبًا${wait ? ` (مدة الانتظار المتوقعة: ${wait})` : ''}.`,
  hi: (wait) =>
    `धन्यवाद, आपका संदेश बातचीत में जोड़ दिया गया है। हमारी टीम का कोई सदस्य जल्द ही आपसे जुड़ेगा${wait ? ` (अनुमानित प्रतीक्षा: ${wait})` : ''}।`,
  id: (wait) =>
    `Terima kasih, pesan kamu sudah saya tambahkan ke percakapan. Seseorang dari tim kami akan segera membantu kamu${wait ? ` (perkiraan waktu tunggu: ${wait})` : ''}.`,
  vi: (wait) =>
    `Cảm ơn bạn, mình đã thêm tin nhắn của bạn vào cuộc trò chuyện. Một nhân viên trong nhóm của chúng tôi sẽ sớm hỗ trợ bạn${wait ? ` (thời gian chờ dự kiến: ${wait})` : ''}.`,
  th: (wait) =>
    `ขอบคุณ เราได้เพิ่มข้อความของคุณในบทสนทนาแล้ว เจ้าหน้าที่ในทีมของเราจะดูแลคุณในไม่ช้า${wait ? ` (คาดว่าจะรอ${wait})` : ''}`,
  zh: (wait) =>
    `谢谢，我已将你的消息添加到对话中。我们团队的工作人员会尽快为你服务${wait ? `（预计等待${wait}）` : ''}。`,
  ja: (wait) =>
    `ありがとうございます。メッセージを会話に追加しました。まもなく担当者が対応いたします${wait ? `（待ち時間の目安：${wait}）` : ''}。`,
  ko: (wait) =>
    `감사합니다. 메시지를 대화에 추가했습니다. 곧 저희 팀 상담원이 도와드리겠습니다${wait ? ` (예상 대기 시간: ${wait})` : ''}.`,
  sv: (wait) =>
    `Tack, jag har lagt till ditt meddelande i samtalet. Någon från vårt team hjälper dig snart${wait ? ` (beräknad väntetid: ${wait})` : ''}.`,
  sr: (wait) =>
    `Hvala, dodao sam vašu poruku u razgovor. Neko iz našeg tima će vam se uskoro javiti${wait ? ` (očekivano čekanje: ${wait})` : ''}.`,
  lt: (wait) =>
    `Ačiū, jūsų žinutė pridėta prie pokalbio. Netrukus jums atsakys kas nors iš mūsų komandos${wait ? ` (numatomas laukimo laikas: ${wait})` : ''}.`,
  kk: (wait) =>
    `Рахмет, хабарламаңыз әңгімеге қосылды. Жақында біздің команданың қызметкері сізге жауап береді${wait ? ` (күту уақыты: ${wait})` : ''}.`,
  da: (wait) =>
    `Tak, jeg har føjet din besked til samtalen. En fra vores team hjælper dig snart${wait ? ` (forventet ventetid: ${wait})` : ''}.`,
  nb: (wait) =>
    `Takk, jeg har lagt til meldingen din i samtalen. Noen fra teamet vårt hjelper deg snart${wait ? ` (forventet ventetid: ${wait})` : ''}.`,
  fi: (wait) =>
    `Kiitos, lisäsin viestisi keskusteluun. Joku tiimistämme auttaa sinua pian${wait ? ` (arvioitu odotusaika: ${wait})` : ''}.`,
};

/** The international directory of crisis lines, for languages without lines of their own here. */
export const helplineDirectory = 'https://findahelpline.com';

/**
 * Where to find help now, inside the crisis message's parentheses. The en, es, pt, fr and de
 * lines name real numbers; the others name no number (none is guessed) and point to the
 * international directory, sr, lt and kk beside 112, the emergency number of Serbia (and Croatia,
 * Bosnia), Lithuania and Kazakhstan.
 */
export const crisisResources: Table<string> = {
  en: 'for example 911 or the 988 Suicide & Crisis Lifeline in the US, 112 in the EU, or Samaritans on 116 123 in the UK and Ireland',
  es: 'por ejemplo, el 112 en Europa o la línea 024 en España',
  pt: 'por exemplo, o CVV pelo 188 no Brasil ou o 112 em Portugal',
  fr: 'par exemple le 112, ou le 3114 en France',
  de: 'zum Beispiel den Notruf 112 oder die TelefonSeelsorge unter 0800 111 0 111 in Deutschland',
  it: `trovi le linee di ascolto del tuo paese su ${helplineDirectory}`,
  nl: `de hulplijnen in jouw land vind je op ${helplineDirectory}`,
  pl: `telefony zaufania w Twoim kraju znajdziesz na ${helplineDirectory}`,
  tr: `ülkendeki destek hatlarını ${helplineDirectory} adresinde bulabilirsin`,
  ru: `линии помощи в вашей стране можно найти на ${helplineDirectory}`,
  uk: `лінії допомоги у вашій країні можна знайти на ${helplineDirectory}`,
  ar: `يمكنك العثور على خطوط المساعدة في بلدك على ${helplineDirectory}`,
  hi: `अपने देश की हेल्पलाइन ${helplineDirectory} पर देखें`,
  id: `layanan bantuan di negaramu bisa kamu temukan di ${helplineDirectory}`,
  vi: `bạn có thể tìm đường dây hỗ trợ tại quốc gia của mình trên ${helplineDirectory}`,
  th: `ค้นหาสายด่วนในประเทศของคุณได้ที่ ${helplineDirectory}`,
  zh: `可在 ${helplineDirectory} 查找你所在国家或地区的求助热线`,
  ja: `お住まいの国の相談窓口は ${helplineDirectory} で探せます`,
  ko: `거주하시는 국가의 상담 전화는 ${helplineDirectory} 에서 찾으실 수 있습니다`,
  sv: `stödlinjer i ditt land hittar du på ${helplineDirectory}`,
  sr: `broj za hitne slučajeve je 112, a linije za pomoć u svojoj zemlji naći ćete na ${helplineDirectory}`,
  lt: `bendrasis pagalbos numeris yra 112, o pagalbos linijas savo šalyje rasite ${helplineDirectory}`,
  kk: `жедел көмек нөмірі – 112, ал еліңіздегі көмек желілерін ${helplineDirectory} сайтынан таба аласыз`,
  da: `støttelinjer i dit land finder du på ${helplineDirectory}`,
  nb: `hjelpetelefoner i landet ditt finner du på ${helplineDirectory}`,
  fi: `oman maasi tukipuhelimet löydät osoitteesta ${helplineDirectory}`,
};

/** The safe message for a crisis, around the resource lines. Wording follows each guard lexicon. */
export const crisisWords: Table<(lines: string) => string> = {
  en: (lines) =>
    `You are not alone, and thank you for telling us. If you are in danger or thinking about harming yourself, please contact your local emergency services or a crisis line now (${lines}). I'm connecting you with a person from our team.`,
  es: (lines) =>
    `No estás solo ni sola, y gracias por escribirnos. Si estás en peligro o piensas en hacerte daño, contacta ahora con los servicios de emergencia de tu zona o con una línea de crisis (${lines}). Te estoy conectando con una persona de nuestro equipo.`,
  pt: (lines) =>
    `Você não está sozinho, e obrigado por nos escrever. Se você está em perigo ou pensando em se machucar, procure agora os serviços de emergência locais ou uma linha de apoio emocional (${lines}). Estou conectando você com uma pessoa da nossa equipe.`,
  fr: (lines) =>
    `Vous n'êtes pas seul, et merci de nous avoir écrit. Si vous êtes en danger ou pensez à vous faire du mal, contactez dès maintenant les services d'urgence locaux ou une ligne d'écoute (${lines}). Je vous mets en relation avec une personne de notre équipe.`,
  de: (lines) =>
    `Sie sind nicht allein, und danke, dass Sie sich gemeldet haben. Wenn Sie in Gefahr sind oder daran denken, sich etwas anzutun, wenden Sie sich bitte sofort an den örtlichen Notruf oder eine Krisenhotline (${lines}). Ich verbinde Sie jetzt mit einem Menschen aus unserem Team.`,
  it: (lines) =>
    `Mi dispiace molto che tu stia attraversando questo momento, e grazie per avercelo detto. Non sei solo. Se sei in pericolo o stai pensando di farti del male, contatta subito il numero di emergenza locale o una linea di ascolto (${lines}). Ti sto mettendo in contatto con una persona del nostro team.`,
  nl: (lines) =>
    `Wat naar dat je dit doormaakt, en dank je dat je het ons vertelt. Je staat er niet alleen voor. Als je in gevaar bent of eraan denkt jezelf iets aan te doen, bel dan nu het lokale noodnummer of een crisislijn (${lines}). Ik breng je nu in contact met een persoon uit ons team.`,
  pl: (lines) =>
    `Bardzo mi przykro, że przez to przechodzisz, i dziękuję, że nam o tym piszesz. Nie jesteś sam ani sama. Jeśli grozi Ci niebezpieczeństwo lub myślisz o zrobieniu sobie krzywdy, zadzwoń teraz na lokalny numer alarmowy albo na telefon zaufania (${lines}). Łączę Cię z osobą z naszego zespołu.`,
  tr: (lines) =>
    `Bunları yaşadığın için gerçekten çok üzgünüm; bize yazdığın için teşekkür ederim. Yalnız değilsin. Eğer tehlikedeysen ya da kendine zarar vermeyi düşünüyorsan, lütfen hemen yerel acil durum numarasını ya da bir kriz destek hattını ara (${lines}). Seni şimdi ekibimizden bir kişiye bağlıyorum.`,
  ru: (lines) =>
    `Мне очень жаль, что вам сейчас так тяжело, и спасибо, что написали нам. Вы не одни. Если вы в опасности или думаете о том, чтобы причинить себе вред, пожалуйста, прямо сейчас позвоните в местную службу экстренной помощи или на линию кризисной поддержки (${lines}). Я уже соединяю вас с сотрудником нашей команды.`,
  uk: (lines) =>
    `Мені дуже шкода, що вам зараз так важко, і дякую, що написали нам. Ви не наодинці з цим. Якщо вам загрожує небезпека або ви думаєте про те, щоб заподіяти собі шкоди, будь ласка, просто зараз зателефонуйте до місцевої служби екстреної допомоги або на кризову лінію (${lines}). Я вже з’єдную вас із людиною з нашої команди.`,
  ar: (lines) =>
    `أنا آسف جدًا لأنك تمر بهذا، وشكرًا لأنك أخبرتنا. لست وحدك. إذا كنت في خطر أو تفكر في إيذاء نفسك، يرجى الاتصال فورًا برقم الطوارئ المحلي أو بخط مساعدة للأزمات (${lines}). أنا أوصلك الآن بشخص من فريقنا.`,
  hi: (lines) =>
    `मुझे बहुत अफ़सोस है कि आप इस समय इतनी तकलीफ़ से गुज़र रहे हैं, और हमें बताने के लिए धन्यवाद। आप अकेले नहीं हैं। अगर आप ख़तरे में हैं या ख़ुद को नुकसान पहुँचाने के बारे में सोच रहे हैं, तो कृपया अभी अपने स्थानीय आपातकालीन नंबर या किसी संकट हेल्पलाइन पर संपर्क करें (${lines})। आपको अभी हमारी टीम के एक व्यक्ति से जोड़ा जा रहा है।`,
  id: (lines) =>
    `Saya sungguh menyesal kamu sedang mengalami ini, dan terima kasih sudah memberi tahu kami. Kamu tidak sendirian. Jika kamu dalam bahaya atau berpikir untuk menyakiti diri sendiri, segera hubungi nomor darurat setempat atau layanan krisis (${lines}). Saya sedang menghubungkan kamu dengan seseorang dari tim kami.`,
  vi: (lines) =>
    `Mình rất tiếc khi bạn đang phải trải qua điều này, và cảm ơn bạn đã chia sẻ với chúng tôi. Bạn không hề đơn độc. Nếu bạn đang gặp nguy hiểm hoặc có ý nghĩ làm hại bản thân, hãy gọi ngay số khẩn cấp tại nơi bạn ở hoặc một đường dây hỗ trợ khủng hoảng (${lines}). Mình đang kết nối bạn với một nhân viên trong nhóm của chúng tôi.`,
  th: (lines) =>
    `เราเสียใจจริงๆ ที่คุณกำลังเผชิญเรื่องนี้ และขอบคุณที่บอกเรา คุณไม่ได้อยู่ตัวคนเดียว หากคุณกำลังตกอยู่ในอันตรายหรือกำลังคิดจะทำร้ายตัวเอง โปรดติดต่อหมายเลขฉุกเฉินในพื้นที่ของคุณหรือสายด่วนช่วยเหลือด้านวิกฤตทันที (${lines}) ตอนนี้เรากำลังเชื่อมต่อคุณกับเจ้าหน้าที่ในทีมของเรา`,
  zh: (lines) =>
    `听到你正在经历这些，我真的很难过，也谢谢你愿意告诉我们。你并不孤单。如果你正处于危险之中，或者有伤害自己的想法，请立即拨打当地的紧急电话或心理危机热线（${lines}）。我正在为你联系我们团队的工作人员。`,
  ja: (lines) =>
    `つらい思いをされていることを知り、とても心配しています。話してくださってありがとうございます。あなたは一人ではありません。危険な状況にある場合や、自分を傷つけることを考えている場合は、今すぐお住まいの地域の緊急通報番号、または相談窓口に連絡してください（${lines}）。ただいま、私たちのチームの担当者におつなぎしています。`,
  ko: (lines) =>
    `지금 많이 힘드시다니 정말 마음이 아픕니다. 말씀해 주셔서 고맙습니다. 당신은 혼자가 아닙니다. 위험한 상황이거나 스스로를 해칠 생각이 드신다면 지금 바로 가까운 응급 번호나 위기 상담 전화(${lines})로 연락해 주세요. 지금 저희 팀의 상담원과 연결해 드리고 있습니다.`,
  sv: (lines) =>
    `Jag är verkligen ledsen att du har det så här, och tack för att du berättar det för oss. Du är inte ensam. Om du är i fara eller tänker på att skada dig själv, ring ditt lokala nödnummer nu eller kontakta en kris- eller stödlinje (${lines}). Jag kopplar dig nu till en person i vårt team.`,
  sr: (lines) =>
    `Jako mi je žao što prolazite kroz ovo i hvala vam što ste nam pisali. Niste sami. Ako ste u opasnosti ili razmišljate da sebi naudite, odmah pozovite lokalni broj za hitne slučajeve ili liniju za pomoć u krizi (${lines}). Povezujem vas sa osobom iz našeg tima.`,
  lt: (lines) =>
    `Labai apgailestaujame, kad jums dabar taip sunku, ir ačiū, kad parašėte. Jūs nesate vieni. Jei jums gresia pavojus arba galvojate apie savęs žalojimą, nedelsdami skambinkite vietiniu pagalbos numeriu arba į emocinės paramos liniją (${lines}). Jungiu jus su žmogumi iš mūsų komandos.`,
  kk: (lines) =>
    `Сізге қазір осыншалық ауыр болып жатқанына қатты өкінемін, жазғаныңызға рахмет. Сіз жалғыз емессіз. Егер сізге қауіп төніп тұрса немесе өзіңізге зиян келтіру туралы ойлап жүрсеңіз, дереу жергілікті жедел көмек нөміріне немесе дағдарыс кезіндегі көмек желісіне хабарласыңыз (${lines}). Мен сізді біздің команданың қызметкерімен байланыстырып жатырмын.`,
  da: (lines) =>
    `Jeg er virkelig ked af, at du har det sådan, og tak fordi du fortæller os det. Du er ikke alene. Hvis du er i fare eller tænker på at skade dig selv, så ring til dit lokale alarmnummer nu eller kontakt en krise- eller støttelinje (${lines}). Jeg sætter dig nu i forbindelse med en person fra vores team.`,
  nb: (lines) =>
    `Jeg er virkelig lei meg for at du har det sånn, og takk for at du forteller oss det. Du er ikke alene. Hvis du er i fare eller tenker på å skade deg selv, ring ditt lokale nødnummer nå eller kontakt en krise- eller hjelpetelefon (${lines}). Jeg setter deg nå i kontakt med en person i teamet vårt.`,
  fi: (lines) =>
    `Olen todella pahoillani, että sinulla on näin raskasta, ja kiitos, että kerroit meille. Et ole yksin. Jos olet vaarassa tai ajattelet itsesi vahingoittamista, soita nyt paikalliseen hätänumeroon tai ota yhteyttä kriisipuhelimeen (${lines}). Yhdistän sinut nyt tiimimme työntekijälle.`,
};

/** A user in crisis whom nobody can answer soon: the resources first, and first in line. */
export const crisisWaitWords: Table<string> = {
  en: 'Right now nobody on our team may be able to answer in the next few minutes. Please contact the crisis resources above now; we have put you first in line.',
  es: 'Ahora mismo puede que nadie de nuestro equipo pueda responderte en los próximos minutos. Por favor, contacta ya con los recursos de ayuda de arriba; te hemos puesto en primer lugar de la cola.',
  pt: 'Neste momento talvez ninguém da nossa equipe consiga responder nos próximos minutos. Por favor, procure agora os recursos de ajuda acima; colocamos você em primeiro lugar na fila.',
  fr: "Il se peut que personne de notre équipe ne puisse vous répondre dans les prochaines minutes. Contactez dès maintenant les ressources d'aide ci-dessus ; nous vous avons placé en tête de la file.",
  de: 'Im Moment kann vielleicht niemand aus unserem Team in den nächsten Minuten antworten. Bitte wenden Sie sich jetzt an die Hilfsangebote oben; wir haben Sie an die erste Stelle der Warteschlange gesetzt.',
  it: 'In questo momento potrebbe non esserci nessuno del nostro team in grado di risponderti nei prossimi minuti. Ti prego, contatta subito i servizi di aiuto indicati sopra; ti abbiamo messo al primo posto in coda.',
  nl: 'Het kan zijn dat niemand van ons team je de komende minuten kan antwoorden. Neem nu alsjeblieft contact op met de hulplijnen hierboven; we hebben je als eerste in de wachtrij gezet.',
  pl: 'W tej chwili być może nikt z naszego zespołu nie będzie mógł odpowiedzieć w ciągu najbliższych minut. Skontaktuj się teraz z pomocą podaną powyżej; ustawiliśmy Cię na pierwszym miejscu w kolejce.',
  tr: 'Şu anda ekibimizden kimse önümüzdeki birkaç dakika içinde yanıt veremeyebilir. Lütfen hemen yukarıdaki destek kaynaklarıyla iletişime geç; seni sıranın en başına aldık.',
  ru: 'Возможно, в ближайшие минуты никто из нашей команды не сможет вам ответить. Пожалуйста, прямо сейчас обратитесь по указанным выше контактам помощи; ваше обращение стоит первым в очереди.',
  uk: 'Можливо, найближчими хвилинами ніхто з нашої команди не зможе вам відповісти. Будь ласка, просто зараз зверніться за контактами допомоги, наведеними вище; ваше звернення стоїть першим у черзі.',
  ar: 'قد لا يتمكن أحد من فريقنا من الرد عليك خلال الدقائق القليلة القادمة. يرجى التواصل الآن مع جهات المساعدة المذكورة أعلاه؛ لقد وضعناك في أول قائمة الانتظار.',
  hi: 'हो सकता है कि अगले कुछ मिनटों में हमारी टीम से कोई जवाब न दे पाए। कृपया अभी ऊपर दिए गए सहायता संसाधनों से संपर्क करें; हमने आपको कतार में सबसे आगे रखा है।',
  id: 'Saat ini mungkin belum ada anggota tim kami yang bisa membalas dalam beberapa menit ke depan. Tolong segera hubungi layanan bantuan di atas; kami sudah menempatkan kamu di urutan pertama antrean.',
  vi: 'Hiện có thể chưa ai trong nhóm của chúng tôi trả lời được bạn trong vài phút tới. Hãy liên hệ ngay với các nguồn hỗ trợ ở trên; chúng tôi đã đưa bạn lên đầu hàng chờ.',
  th: 'ขณะนี้อาจยังไม่มีเจ้าหน้าที่ในทีมของเราที่ตอบคุณได้ภายในไม่กี่นาทีนี้ โปรดติดต่อช่องทางช่วยเหลือด้านบนทันที เราได้จัดให้คุณอยู่ลำดับแรกของคิวแล้ว',
  zh: '目前我们团队可能无法在接下来的几分钟内回复你。请立即联系上面列出的求助资源；我们已将你排在队列的第一位。',
  ja: '数分以内にチームの担当者が対応できない可能性があります。今すぐ上記の相談窓口にご連絡ください。お客様を順番の先頭にお入れしました。',
  ko: '지금은 몇 분 안에 저희 팀이 답변드리기 어려울 수 있습니다. 지금 바로 위에 안내해 드린 도움 기관에 연락해 주세요. 대기열 맨 앞에 배정해 드렸습니다.',
  sv: 'Just nu kan det hända att ingen i vårt team hinner svara inom de närmaste minuterna. Kontakta stödlinjerna ovan nu; vi har satt dig först i kön.',
  sr: 'Moguće je da niko iz našeg tima neće moći da odgovori u narednih nekoliko minuta. Odmah se obratite pomoći navedenoj iznad; stavili smo vas na prvo mesto u redu.',
  lt: 'Gali būti, kad artimiausiomis minutėmis niekas iš mūsų komandos negalės atsakyti. Nedelsdami kreipkitės pagalbos nurodytais kontaktais; jūsų kreipimasis yra pirmas eilėje.',
  kk: 'Алдағы бірнеше минутта біздің командадан ешкім жауап бере алмауы мүмкін. Дереу жоғарыда көрсетілген көмек қызметтеріне хабарласыңыз; сіздің өтінішіңіз кезекте бірінші тұр.',
  da: 'Lige nu kan det ske, at ingen fra vores team når at svare inden for de næste minutter. Kontakt støttelinjerne ovenfor nu; vi har sat dig forrest i køen.',
  nb: 'Akkurat nå kan det hende at ingen i teamet vårt rekker å svare i løpet av de neste minuttene. Kontakt hjelpetelefonene ovenfor nå; vi har satt deg først i køen.',
  fi: 'Juuri nyt kukaan tiimistämme ei ehkä ehdi vastata muutaman seuraavan minuutin aikana. Ota nyt yhteyttä yllä mainittuihin tukipuhelimiin; olemme nostaneet sinut jonon kärkeen.',
};

/** Questions for the fields Handrail knows, keyed as `preHandoffQuestion` normalises them. */
export interface KnownQuestions {
  name: string;
  email: string;
  ordernumber: string;
  phone: string;
  accountnumber: string;
}

export const knownQuestions: Table<KnownQuestions> = {
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
  it: {
    name: 'Prima di metterti in contatto, come ti chiami?',
    email: 'A quale indirizzo email possiamo scriverti se la chat si interrompe?',
    ordernumber: "Qual è il tuo numero d'ordine? Aiuta il nostro team a trovare più velocemente la tua pratica.",
    phone: 'A quale numero di telefono possiamo chiamarti?',
    accountnumber: 'Qual è il tuo numero cliente?',
  },
  nl: {
    name: 'Voordat ik je doorverbind: wat is je naam?',
    email: 'Op welk e-mailadres kunnen we je bereiken als de chat wordt verbroken?',
    ordernumber: 'Wat is je bestelnummer? Daarmee vindt ons team je zaak sneller.',
    phone: 'Op welk telefoonnummer kunnen we je bellen?',
    accountnumber: 'Wat is je klantnummer?',
  },
  pl: {
    name: 'Zanim Cię połączę: jak masz na imię?',
    email: 'Na jaki adres e-mail możemy się z Tobą skontaktować, jeśli czat się rozłączy?',
    ordernumber: 'Jaki jest numer Twojego zamówienia? Dzięki niemu nasz zespół szybciej znajdzie Twoją sprawę.',
    phone: 'Pod jaki numer telefonu możemy do Ciebie zadzwonić?',
    accountnumber: 'Jaki jest Twój numer klienta?',
  },
  tr: {
    name: 'Seni bağlamadan önce, adın nedir?',
    email: 'Sohbet kesilirse sana hangi e-posta adresinden ulaşabiliriz?',
    ordernumber: 'Sipariş numaran nedir? Ekibimizin kaydını daha hızlı bulmasına yardımcı olur.',
    phone: 'Seni hangi telefon numarasından arayabiliriz?',
    accountnumber: 'Müşteri numaran nedir?',
  },
  ru: {
    name: 'Прежде чем я вас соединю: как к вам обращаться?',
    email: 'По какому адресу электронной почты мы можем с вами связаться, если чат прервётся?',
    ordernumber: 'Какой у вас номер заказа? Так наша команда быстрее найдёт ваше обращение.',
    phone: 'По какому номеру телефона мы можем вам позвонить?',
    accountnumber: 'Какой у вас номер клиента?',
  },
  uk: {
    name: 'Перш ніж я вас з’єднаю: як до вас звертатися?',
    email: 'На яку адресу електронної пошти ми можемо вам написати, якщо чат перерветься?',
    ordernumber: 'Який у вас номер замовлення? Так наша команда швидше знайде ваше звернення.',
    phone: 'За яким номером телефону ми можемо вам зателефонувати?',
    accountnumber: 'Який у вас номер клієнта?',
  },
  ar: {
    name: 'قبل أن أوصلك، ما اسمك؟',
    email: 'ما البريد الإلكتروني الذي يمكن لفريقنا التواصل معك عليه إذا انقطعت المحادثة؟',
    ordernumber: 'ما رقم طلبك؟ يساعد ذلك فريقنا في العثور على حالتك بسرعة أكبر.',
    phone: 'ما رقم الهاتف الذي يمكننا الاتصال بك عليه؟',
    accountnumber: 'ما رقم حسابك؟',
  },
  hi: {
    name: 'आपको जोड़ने से पहले, कृपया बताएँ कि आपका नाम क्या है?',
    email: 'अगर चैट कट जाए, तो हमारी टीम आपसे किस ईमेल पते पर संपर्क कर सकती है?',
    ordernumber: 'आपका ऑर्डर नंबर क्या है? इससे हमारी टीम आपका मामला जल्दी ढूँढ पाएगी।',
    phone: 'हम आपको किस फ़ोन नंबर पर कॉल कर सकते हैं?',
    accountnumber: 'आपका अकाउंट नंबर क्या है?',
  },
  id: {
    name: 'Sebelum saya hubungkan, siapa nama kamu?',
    email: 'Ke alamat email mana tim kami bisa menghubungi kamu jika chat terputus?',
    ordernumber: 'Berapa nomor pesanan kamu? Ini membantu tim kami menemukan kasus kamu lebih cepat.',
    phone: 'Ke nomor telepon mana kami bisa menelepon kamu?',
    accountnumber: 'Berapa nomor akun kamu?',
  },
  vi: {
    name: 'Trước khi kết nối, bạn cho mình biết tên của bạn nhé?',
    email: 'Nếu cuộc trò chuyện bị gián đoạn, chúng tôi có thể liên hệ với bạn qua địa chỉ email nào?',
    ordernumber: 'Mã đơn hàng của bạn là gì? Thông tin này giúp nhóm của chúng tôi tìm hồ sơ của bạn nhanh hơn.',
    phone: 'Chúng tôi có thể gọi cho bạn theo số điện thoại nào?',
    accountnumber: 'Số tài khoản của bạn là gì?',
  },
  th: {
    name: 'ก่อนเชื่อมต่อ ขอทราบชื่อของคุณได้ไหม',
    email: 'หากแชทหลุด ทีมของเราจะติดต่อคุณทางอีเมลใดได้บ้าง',
    ordernumber: 'หมายเลขคำสั่งซื้อของคุณคืออะไร ข้อมูลนี้ช่วยให้ทีมของเราค้นหาเรื่องของคุณได้เร็วขึ้น',
    phone: 'เราจะโทรหาคุณได้ที่หมายเลขโทรศัพท์ใด',
    accountnumber: 'หมายเลขบัญชีของคุณคืออะไร',
  },
  zh: {
    name: '在为你转接之前，请问怎么称呼你？',
    email: '如果聊天中断，我们可以通过哪个邮箱联系你？',
    ordernumber: '你的订单号是多少？这能帮助我们的团队更快找到你的问题。',
    phone: '我们可以拨打哪个电话号码联系你？',
    accountnumber: '你的账号是多少？',
  },
  ja: {
    name: 'おつなぎする前に、お名前を教えていただけますか？',
    email: 'チャットが切れてしまった場合に備えて、ご連絡先のメールアドレスを教えていただけますか？',
    ordernumber: 'ご注文番号を教えていただけますか？担当チームがより早くお調べできます。',
    phone: 'お電話をおかけする場合の電話番号を教えていただけますか？',
    accountnumber: 'お客様番号を教えていただけますか？',
  },
  ko: {
    name: '연결해 드리기 전에 성함을 알려 주시겠어요?',
    email: '채팅이 끊길 경우 연락드릴 이메일 주소를 알려 주시겠어요?',
    ordernumber: '주문 번호를 알려 주시겠어요? 저희 팀이 문의 내용을 더 빨리 찾을 수 있습니다.',
    phone: '연락드릴 전화번호를 알려 주시겠어요?',
    accountnumber: '계정 번호를 알려 주시겠어요?',
  },
  sv: {
    name: 'Innan jag kopplar dig vidare: vad heter du?',
    email: 'Vilken e-postadress kan vårt team nå dig på om chatten bryts?',
    ordernumber: 'Vilket är ditt ordernummer? Det hjälper vårt team att hitta ditt ärende snabbare.',
    phone: 'Vilket telefonnummer kan vi ringa dig på?',
    accountnumber: 'Vilket är ditt kundnummer?',
  },
  sr: {
    name: 'Pre nego što vas povežem, kako se zovete?',
    email: 'Na koju e-mail adresu naš tim može da vam se javi ako se čet prekine?',
    ordernumber: 'Koji je broj vaše porudžbine? Tako će naš tim brže pronaći vaš slučaj.',
    phone: 'Na koji broj telefona možemo da vas pozovemo?',
    accountnumber: 'Koji je vaš korisnički broj?',
  },
  lt: {
    name: 'Prieš sujungiant, kuo jūs vardu?',
    email: 'Kokiu el. pašto adresu mūsų komanda galėtų su jumis susisiekti, jei pokalbis nutrūktų?',
    ordernumber: 'Koks jūsų užsakymo numeris? Taip mūsų komanda greičiau ras jūsų klausimą.',
    phone: 'Kokiu telefono numeriu galime jums paskambinti?',
    accountnumber: 'Koks jūsų kliento numeris?',
  },
  kk: {
    name: 'Байланыстырмас бұрын, есіміңіз кім?',
    email: 'Чат үзіліп қалса, біздің команда сізге қай электрондық пошта мекенжайы арқылы хабарласа алады?',
    ordernumber: 'Тапсырысыңыздың нөмірі қандай? Бұл біздің командаға өтінішіңізді тезірек табуға көмектеседі.',
    phone: 'Сізге қай телефон нөмірі арқылы қоңырау шала аламыз?',
    accountnumber: 'Клиент нөміріңіз қандай?',
  },
  da: {
    name: 'Før jeg sætter dig i forbindelse med nogen: hvad hedder du?',
    email: 'Hvilken e-mailadresse kan vores team kontakte dig på, hvis chatten afbrydes?',
    ordernumber: 'Hvad er dit ordrenummer? Det hjælper vores team med at finde din sag hurtigere.',
    phone: 'Hvilket telefonnummer kan vi ringe til dig på?',
    accountnumber: 'Hvad er dit kundenummer?',
  },
  nb: {
    name: 'Før jeg setter deg over: hva heter du?',
    email: 'Hvilken e-postadresse kan teamet vårt nå deg på hvis chatten blir brutt?',
    ordernumber: 'Hva er ordrenummeret ditt? Det hjelper teamet vårt å finne saken din raskere.',
    phone: 'Hvilket telefonnummer kan vi ringe deg på?',
    accountnumber: 'Hva er kundenummeret ditt?',
  },
  fi: {
    name: 'Ennen kuin yhdistän sinut: mikä on nimesi?',
    email: 'Mihin sähköpostiosoitteeseen tiimimme voi ottaa sinuun yhteyttä, jos chat katkeaa?',
    ordernumber: 'Mikä on tilausnumerosi? Se auttaa tiimiämme löytämään asiasi nopeammin.',
    phone: 'Mihin puhelinnumeroon voimme soittaa sinulle?',
    accountnumber: 'Mikä on asiakasnumerosi?',
  },
};

/** The question for any other field, naming it (`vehicle reg`). */
export const genericQuestion: Table<(field: string) => string> = {
  en: (field) => `Before I connect you, could you tell me your ${field}?`,
  es: (field) => `Antes de conectarte, ¿podrías indicarme tu ${field}?`,
  pt: (field) => `Antes de conectar você, pode me informar seu ${field}?`,
  fr: (field) => `Avant de vous mettre en relation, pouvez-vous m'indiquer votre ${field} ?`,
  de: (field) => `Bevor ich Sie verbinde: Können Sie mir Ihre Angabe „${field}“ nennen?`,
  it: (field) => `Prima di metterti in contatto, potresti indicarmi questo dato: ${field}?`,
  nl: (field) => `Voordat ik je doorverbind: kun je me dit doorgeven: ${field}?`,
  pl: (field) => `Zanim Cię połączę, czy możesz podać tę informację: ${field}?`,
  tr: (field) => `Seni bağlamadan önce şu bilgiyi paylaşabilir misin: ${field}?`,
  ru: (field) => `Прежде чем я вас соединю, укажите, пожалуйста: ${field}.`,
  uk: (field) => `Перш ніж я вас з’єднаю, вкажіть, будь ласка: ${field}.`,
  ar: (field) => `قبل أن أوصلك، هل يمكنك تزويدي بما يلي: ${field}؟`,
  hi: (field) => `आपको जोड़ने से पहले, क्या आप यह जानकारी बता सकते हैं: ${field}?`,
  id: (field) => `Sebelum saya hubungkan, boleh beri tahu ${field} kamu?`,
  vi: (field) => `Trước khi kết nối, bạn có thể cho mình biết thông tin sau không: ${field}?`,
  th: (field) => `ก่อนเชื่อมต่อ ช่วยแจ้งข้อมูลนี้ได้ไหม: ${field}`,
  zh: (field) => `在为你转接之前，能否提供以下信息：${field}？`,
  ja: (field) => `おつなぎする前に、次の情報を教えていただけますか：${field}`,
  ko: (field) => `연결해 드리기 전에 다음 정보를 알려 주시겠어요: ${field}`,
  sv: (field) => `Innan jag kopplar dig vidare, kan du uppge ${field}?`,
  sr: (field) => `Pre nego što vas povežem, možete li da mi navedete sledeći podatak: ${field}?`,
  lt: (field) => `Prieš sujungiant, gal galite nurodyti: ${field}?`,
  kk: (field) => `Байланыстырмас бұрын, мына мәліметті көрсетіңізші: ${field}.`,
  da: (field) => `Før jeg sætter dig i forbindelse med nogen, kan du så oplyse ${field}?`,
  nb: (field) => `Før jeg setter deg over, kan du oppgi ${field}?`,
  fi: (field) => `Ennen kuin yhdistän sinut, voisitko kertoa tämän tiedon: ${field}?`,
};

/** The agent closed the conversation: the request is done (unlike {@link backToBotWords}, a hand-back). */
export const closedWords: Table<string> = {
  en: 'Our team has closed this conversation. Thank you for writing to us. If you need anything else, just write here: the assistant will answer, and you can ask for a person at any time.',
  es: 'Nuestro equipo ha cerrado esta conversación. Gracias por escribirnos. Si necesitas algo más, escribe aquí: te responderá el asistente y puedes pedir hablar con una persona cuando quieras.',
  pt: 'Nossa equipe fechou esta conversa. Obrigado por nos escrever. Se precisar de mais alguma coisa, é só escrever aqui: o assistente vai responder, e você pode pedir para falar com uma pessoa a qualquer momento.',
  fr: "Notre équipe a clôturé cette conversation. Merci de nous avoir écrit. Si vous avez besoin d'autre chose, écrivez simplement ici : l'assistant vous répondra, et vous pouvez demander à parler à une personne à tout moment.",
  de: 'Unser Team hat dieses Gespräch abgeschlossen. Danke für Ihre Nachricht. Wenn Sie noch etwas brauchen, schreiben Sie einfach hier: Der Assistent antwortet Ihnen, und Sie können jederzeit um einen Menschen bitten.',
  it: "Il nostro team ha chiuso questa conversazione. Grazie per averci scritto. Se ti serve altro, scrivi pure qui: ti risponderà l'assistente e potrai chiedere di parlare con una persona in qualsiasi momento.",
  nl: 'Ons team heeft dit gesprek gesloten. Bedankt voor je bericht. Heb je nog iets nodig, schrijf dan gewoon hier: de assistent antwoordt, en je kunt op elk moment naar een medewerker vragen.',
  pl: 'Nasz zespół zamknął tę rozmowę. Dziękujemy za wiadomość. Jeśli potrzebujesz czegoś jeszcze, po prostu napisz tutaj: odpowie asystent, a w każdej chwili możesz poprosić o rozmowę z człowiekiem.',
  tr: 'Ekibimiz bu konuşmayı kapattı. Bize yazdığın için teşekkürler. Başka bir şeye ihtiyacın olursa buraya yazman yeterli: asistan yanıtlayacak, istediğin zaman bir kişiyle görüşmek de isteyebilirsin.',
  ru: 'Наша команда закрыла этот разговор. Спасибо, что написали нам. Если понадобится что-то ещё, просто напишите здесь: вам ответит ассистент, а в любой момент можно попросить соединить с человеком.',
  uk: 'Наша команда закрила цю розмову. Дякуємо, що написали нам. Якщо знадобиться щось іще, просто напишіть тут: вам відповість асистент, а будь-коли можна попросити з’єднати з людиною.',
  ar: 'أغلق فريقنا هذه المحادثة. شكرًا لتواصلك معنا. إذا احتجت إلى أي شيء آخر، فاكتب هنا فقط: سيرد عليك المساعد، ويمكنك طلب التحدث إلى شخص في أي وقت.',
  hi: 'हमारी टीम ने यह बातचीत बंद कर दी है। हमें लिखने के लिए धन्यवाद। अगर आपको कुछ और चाहिए, तो बस यहाँ लिखें: सहायक जवाब देगा, और आप कभी भी किसी व्यक्ति से बात करने के लिए कह सकते हैं।',
  id: 'Tim kami telah menutup percakapan ini. Terima kasih sudah menghubungi kami. Jika kamu butuh hal lain, tulis saja di sini: asisten akan menjawab, dan kamu bisa minta bicara dengan orang kapan saja.',
  vi: 'Nhóm của chúng tôi đã đóng cuộc trò chuyện này. Cảm ơn bạn đã liên hệ. Nếu bạn cần thêm gì, cứ nhắn ở đây: trợ lý sẽ trả lời, và bạn có thể yêu cầu nói chuyện với nhân viên bất cứ lúc nào.',
  th: 'ทีมของเราปิดการสนทนานี้แล้ว ขอบคุณที่ติดต่อเรา หากต้องการความช่วยเหลือเพิ่มเติม พิมพ์ที่นี่ได้เลย ผู้ช่วยจะตอบคุณ และคุณขอคุยกับเจ้าหน้าที่ได้ตลอดเวลา',
  zh: '我们的团队已关闭这次对话。感谢你联系我们。如果还需要其他帮助，直接在这里留言即可：智能助手会回复你，你也可以随时要求转接人工客服。',
  ja: '担当チームがこの会話をクローズしました。お問い合わせいただきありがとうございました。ほかにご用件があれば、こちらにご入力ください。アシスタントがお答えします。担当者との会話もいつでもご依頼いただけます。',
  ko: '저희 팀이 이 대화를 종료했습니다. 문의해 주셔서 감사합니다. 더 필요한 것이 있으시면 여기에 입력해 주세요. 어시스턴트가 답변드리며, 언제든 상담원 연결을 요청하실 수 있습니다.',
  sv: 'Vårt team har stängt det här samtalet. Tack för att du hörde av dig. Behöver du något mer kan du skriva här: assistenten svarar, och du kan när som helst be att få prata med en person.',
  sr: 'Naš tim je zatvorio ovaj razgovor. Hvala vam što ste nam pisali. Ako vam zatreba još nešto, samo pišite ovde: odgovoriće asistent, a u bilo kom trenutku možete zatražiti razgovor sa osobom.',
  lt: 'Mūsų komanda uždarė šį pokalbį. Ačiū, kad parašėte. Jei dar ko nors prireiktų, tiesiog rašykite čia: atsakys asistentas, o bet kada galite paprašyti sujungti su žmogumi.',
  kk: 'Біздің команда бұл әңгімені жапты. Жазғаныңызға рахмет. Тағы бір нәрсе қажет болса, осында жаза беріңіз: ассистент жауап береді, ал кез келген уақытта адаммен байланыстыруды сұрай аласыз.',
  da: 'Vores team har lukket denne samtale. Tak fordi du skrev til os. Har du brug for mere, kan du skrive her: assistenten svarer, og du kan når som helst bede om at tale med en person.',
  nb: 'Teamet vårt har avsluttet denne samtalen. Takk for at du tok kontakt. Trenger du noe mer, kan du skrive her: assistenten svarer, og du kan når som helst be om å snakke med en person.',
  fi: 'Tiimimme on sulkenut tämän keskustelun. Kiitos yhteydenotostasi. Jos tarvitset vielä jotain, voit kirjoittaa tänne: avustaja vastaa, ja voit milloin tahansa pyytää päästä puhumaan ihmisen kanssa.',
};

/** Nobody who speaks the user's language had room: the person who answers may write in another one. */
export const otherLanguageWords: Table<string> = {
  en: 'Nobody who speaks your language is available right now, so the colleague who answers may write in another language.',
  es: 'Ahora mismo no hay nadie disponible que hable tu idioma, así que es posible que la persona que te responda escriba en otro idioma.',
  pt: 'No momento não há ninguém disponível que fale o seu idioma, por isso a pessoa que responder pode escrever em outro idioma.',
  fr: "Personne parlant votre langue n'est disponible pour le moment : la personne qui vous répondra écrira peut-être dans une autre langue.",
  de: 'Gerade ist niemand verfügbar, der Ihre Sprache spricht; die Person, die antwortet, schreibt Ihnen deshalb vielleicht in einer anderen Sprache.',
  it: "Al momento non c'è nessuno disponibile che parli la tua lingua, quindi la persona che ti risponderà potrebbe scrivere in un'altra lingua.",
  nl: 'Er is nu niemand beschikbaar die jouw taal spreekt, dus de medewerker die antwoordt, schrijft mogelijk in een andere taal.',
  pl: 'W tej chwili nie ma nikogo, kto mówi w Twoim języku, więc osoba, która odpowie, może pisać w innym języku.',
  tr: 'Şu anda senin dilini konuşan müsait kimse yok, bu yüzden yanıt veren kişi başka bir dilde yazabilir.',
  ru: 'Сейчас нет свободного сотрудника, говорящего на вашем языке, поэтому вам могут ответить на другом языке.',
  uk: 'Зараз немає вільного співробітника, який говорить вашою мовою, тому вам можуть відповісти іншою мовою.',
  ar: 'لا يوجد الآن أحد متاح يتحدث لغتك، لذلك قد يكتب لك الشخص الذي سيرد بلغة أخرى.',
  hi: 'अभी आपकी भाषा बोलने वाला कोई उपलब्ध नहीं है, इसलिए जवाब देने वाला व्यक्ति किसी दूसरी भाषा में लिख सकता है।',
  id: 'Saat ini tidak ada yang tersedia yang berbicara dalam bahasamu, jadi orang yang menjawab mungkin menulis dalam bahasa lain.',
  vi: 'Hiện không có ai nói ngôn ngữ của bạn đang rảnh, vì vậy người trả lời có thể viết bằng ngôn ngữ khác.',
  th: 'ขณะนี้ไม่มีเจ้าหน้าที่ที่พูดภาษาของคุณว่างอยู่ ผู้ที่ตอบอาจเขียนเป็นภาษาอื่น',
  zh: '目前没有会说你的语言的同事有空，所以回复你的同事可能会使用其他语言。',
  ja: '現在、お客様の言語に対応できる担当者が不在のため、別の言語でご返信する場合があります。',
  ko: '지금은 고객님의 언어를 사용하는 상담원이 없어 다른 언어로 답변드릴 수 있습니다.',
  sv: 'Just nu finns ingen tillgänglig som talar ditt språk, så den som svarar kan komma att skriva på ett annat språk.',
  sr: 'Trenutno nema slobodne osobe koja govori vaš jezik, pa vam osoba koja odgovori može pisati na drugom jeziku.',
  lt: 'Šiuo metu nėra laisvo darbuotojo, kalbančio jūsų kalba, todėl jums gali atsakyti kita kalba.',
  kk: 'Қазір сіздің тіліңізде сөйлейтін бос қызметкер жоқ, сондықтан сізге басқа тілде жауап беруі мүмкін.',
  da: 'Lige nu er der ingen ledig, der taler dit sprog, så den, der svarer, skriver måske på et andet sprog.',
  nb: 'Akkurat nå er ingen tilgjengelig som snakker språket ditt, så den som svarer, kan komme til å skrive på et annet språk.',
  fi: 'Juuri nyt kukaan kieltäsi puhuva ei ole tavoitettavissa, joten vastaaja saattaa kirjoittaa eri kielellä.',
};
