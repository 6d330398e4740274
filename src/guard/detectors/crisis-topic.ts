import type { TopicDefinition } from './topic-definition.js';

/** Shown to a user in crisis before anything else; a person is connected at the same time. */
export const crisisUserMessage =
  'I am really sorry you are going through this. You do not have to face it alone. ' +
  'If you are in immediate danger or might act on these thoughts, please call your local emergency number now ' +
  '(for example 911 in the US and Canada, 112 in the EU, 999 in the UK) or contact a crisis line: ' +
  '988 (call or text) in the US, Samaritans on 116 123 in the UK and Ireland, or findahelpline.com for other countries. ' +
  'I am connecting you with a person right now.';

/** Joins alternatives into one non-capturing group. */
const any = (...parts: string[]) => `(?:${parts.join('|')})`;

const self = '(?:my ?self|mysel)';
const pills =
  '(?:pills?|tablets?|meds|medications?|medicines?|painkillers?|sleeping pills|antidepressants?|insulin|paracetamol|tylenol|ibuprofen|aspirin|opioids?|oxy\\w*)';
const wantVerb = '(?:want|wanna|wanted|wish|wished|plan|planning|planned|ready|prepared)';
const notWant =
  "(?:don'?t|do not|dont|didn'?t|no longer|never|really don'?t|just don'?t) (?:really |even |just )?(?:want to|wanna|feel like|wish to|see (?:the|any) point (?:of|in)|see a reason to)";
/** Going on with life; "go on" only at the end of a clause ("go on a hike" is not). */
const goOn =
  '(?:go on|going on|carry on|carrying on|keep going)(?=\\s*(?:$|[.,!?;]|anymore|any more|any longer|like this|living|with (?:my )?life))';
const life = `(?:living|to live|live|life|being alive|being here|existing|my life|to ${goOn}|${goOn})`;
const untilEnd = '(?=\\s*(?:$|[.,!?;]|now|already|please|forever|for good))';
/** Self-harm verbs, unless the harm is an accident with something ("cut myself on the zip"). */
const notAccident =
  '(?! (?:on|with|using|by accident|accidentally|badly on|shaving|cooking|(?:while|when) (?:cooking|shaving|using|opening|unpacking|hiking|camping|climbing)))';
const person =
  '(?:he|she|my (?:husband|wife|partner|boyfriend|girlfriend|ex|ex-\\w+|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|parents?|brother|sister|son|uncle|roommate|flatmate|neighbou?r|boss|landlord)|someone|somebody|a man|a guy|this (?:man|guy|person))';
const violentVerb =
  '(?:hits?|hitting|beats?|beating|beaten|abus(?:es|ed|ing)|threaten(?:s|ed|ing)?|attack(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|rap(?:es|ed)|assault(?:s|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|punch(?:es|ed|ing)?|stalk(?:s|ed|ing)?|hurts|hurting|molest(?:s|ed|ing)?)';

/**
 * Patterns of self-harm, suicidal thoughts, overdose and danger (abuse, threats, violence) in
 * English, Spanish, Portuguese, French and German, matched against normalized text (lower case,
 * no accents). They are built from verbs with their inflections and general phrasings, so
 * indirect wordings ("nothing left to live for", "never wake up") match as well as direct ones.
 */
export const crisisPatterns: readonly RegExp[] = [
  // English: suicide and killing oneself
  new RegExp(
    `\\b${any(
      'suicid\\w*',
      `kill(?:s|ed|ing)? ${self}`,
      'end(?:s|ed|ing)? (?:it all|it now|my (?:own )?life|this life|everything|my suffering|it for good|things for good)',
      'take my (?:own )?life',
      'taking my (?:own )?life',
      'off myself',
      `hang(?:ing)? ${self}`,
      `shoot(?:ing)? ${self}`,
      `drown(?:ing)? ${self}`,
      `poison(?:ing)? ${self}`,
      'slit(?:ting)? my (?:wrists?|throat)',
      'jump(?:ing)? (?:off|from|in front of) (?:a|the|my) (?:bridge|building|roof|train|cliff|balcony|window|car)',
      'unalive\\w*',
    )}\\b`,
  ),
  // English: wanting to die, not wanting to live
  new RegExp(
    `\\b${any(
      `${wantVerb} (?:to )?(?:just )?(?:die|be dead|not be here|not exist|not wake up|disappear (?:forever|for good|permanently))`,
      `${notWant} (?:be )?(?:live|living|alive|exist|existing|keep living|continue living)\\b(?! (?:in|at|near|with|without|on|by|off|abroad|there|here|together) (?!me\\b))`,
      `${notWant} ${goOn}`,
      `${notWant} (?:be here|wake up|waking up|continue|continuing|go through (?:this|it|life)) (?:anymore|any more|any longer|ever again|tomorrow|at all)`,
      `no (?:point|reason|purpose|will|meaning|sense) (?:in |of |to |for )?${life}`,
      `(?:nothing|nobody|no one|nothing left) (?:left )?to live for`,
      "(?:life|living|my life) (?:is|isn'?t|is not|'s not|feels|seems) (?:not |no longer )?(?:worth (?:it|living)|pointless|meaningless|over|too hard)",
      'not worth living',
      'better off (?:dead|without me|if i (?:was|were) (?:dead|gone))',
      "(?:everyone|everybody|the world|my family|they|people) (?:would be|will be|is|are|'d be) better (?:off )?without me",
      '(?:go to|fall) sleep and (?:never|not) wake up',
      'never wake up',
      // Hoping not to wake up or not to make it: "some nights I hope I just don't wake up"
      "(?:hope|hoping|wish|wishing|pray|praying)(?: that)? (?:i )?(?:just |simply |would )?(?:don'?t|do not|won'?t|will not|wouldn'?t|never|not) (?:wake up|make it (?:through|to) (?:the|tomorrow|morning)|survive (?:the|this|tonight))(?=\\s*(?:$|[.,!?;]|again|ever|anymore|any more|tomorrow|in the morning|one day|at all))",
      '(?:hope|hoping|pray|praying)(?: that)? i (?:just )?(?:die|am dead|get hit by)',
      "(?:can'?t|cannot|can not) (?:go on|take life|cope|live like this|keep going|keep living)(?: \\w+)? (?:anymore|any more|any longer|like this)",
      `(?:want|need|wish) (?:everything|the pain|this pain|it all|all of it|this life|my life) (?:all )?to (?:stop|end|be over)${untilEnd}`,
      'wish i (?:was|were|had never been) (?:dead|born|gone)',
      'wish i (?:was|were) never born',
    )}`,
  ),
  // English: self-harm and overdose
  new RegExp(
    `\\b${any(
      `(?:hurt|harm|cut|burn|injure|starve|punish)(?:s|ing|ed|t|ting)? ${self}${notAccident}`,
      'self[- ]?(?:harm|injur)\\w*',
      'overdos\\w*',
      'o\\.?d\\.? on',
      `(?:take|takes|took|taken|taking|swallow|swallows|swallowed|swallowing|down|downed|ate|eaten|popped|popping) (?:all|every|a lot of|lots of|loads of|a bunch of|too many|the whole|a whole|the rest of|a handful of|a (?:whole )?bottle of|\\d+|twenty|thirty|fifty) (?:of )?(?:my |the |these |those |his |her )?(?:\\w+ )?${pills}`,
      `too many (?:\\w+ )?${pills}`,
    )}\\b`,
  ),
  // English: danger, abuse and threats
  new RegExp(
    `\\b${any(
      "(?:i'?m|i am|we'?re|we are|i feel|i felt|i'?m feeling|we feel) (?:not|no longer|never) safe",
      "(?:i|we) (?:don'?t|do not|didn'?t|no longer|never) feel safe",
      "(?:i'?m|i am|we'?re|we are|i feel|feel|my (?:life|kids?|children) (?:is|are)) (?:in (?:immediate |real |serious |grave )?danger|unsafe)",
      '(?:fear|afraid|scared|terrified) (?:for|of losing) (?:my|our) (?:life|lives|safety)',
      `${person} (?:\\w+ )?${violentVerb} me\\b`,
      `${person} (?:\\w+ )?(?:is|are|was|were|keeps|has been) (?:always )?(?:going to |gonna |trying to |threatening to |says he will |says she will |will )?(?:kill|hurt|beat|rape|attack|strangle|choke) (?:me|us|my (?:kids|children|son|daughter))`,
      '(?:threaten(?:s|ed|ing)?|going|gonna|tried|trying|wants?|said he would|said she would) to (?:kill|murder|rape|beat|strangle|hurt) (?:me|us)',
      "(?:i'?m|i am|i'?ve been|i have been|being) (?:abused|beaten|raped|assaulted|stalked|threatened|trafficked|kidnapped|held against my will)",
      '(?:domestic|sexual|physical|emotional) (?:violence|abuse)',
      'abusive (?:partner|husband|wife|boyfriend|girlfriend|relationship|father|mother|parents?|home|ex)',
    )}\\b`,
  ),
  // English: indirect signs (goodbyes, not coming back, a method at hand) and emergencies
  new RegExp(
    `\\b${any(
      "(?:not|never|don'?t|won'?t|will not) (?:plan(?:ning)? (?:on|to) |intend(?:ing)? to |going to |gonna |expect(?:ing)? to )?(?:be )?com(?:e|ing) (?:back|home|down) (?:from (?:this|the|my) (?:trip|hike|climb|mountain|ridge|walk|journey)|alive|ever again)",
      "(?:alone|by myself) and (?:not|never|won'?t) (?:come|coming) (?:back|down|home)",
      "(?:no ?one|nobody|no one) (?:would|will|'d) (?:notice|care|miss me)(?: \\w+)? if i (?:was|were|am|'m|died|disappeared|went away)(?: gone| dead| not here| away)?",
      "what'?s the point (?:anymore|any more|of (?:living|anything|it all|going on|being alive))",
      'nothing matters (?:anymore|any more)',
      '(?:written|wrote|writing|left|leaving) (?:a |my )?(?:goodbye |farewell |suicide )?(?:letters?|notes?) (?:to|for) (?:my )?(?:family|kids|children|wife|husband|parents|mom|mum|dad|partner|everyone|loved ones)',
      '(?:saying|said|say) goodbye to (?:everyone|everybody|my family|the world)',
      'giv(?:e|ing|en) away (?:all )?(?:my|of my) (?:things|stuff|belongings|possessions)',
      "(?:won'?t|will not|not going to) be (?:around|alive|here) (?:anymore|any more|much longer|for (?:much )?long(?:er)?)",
      "(?:won'?t|will not) be (?:around|alive|here)\\b.{0,25}\\banyway",
      "(?:don'?t|do not|can'?t) (?:see|know) how (?:i|to) (?:can |could |will |am going to |'m going to )?(?:keep going|go on|carry on|keep living|survive) without",
      'tired of (?:living|life|being alive|everything|it all|existing)(?! (?:going|about|with|from|in|on)\\b)',
      'no way out|(?:only|one) way out (?:is|left)',
      '(?:happier|better|easier)\\b.{0,20}\\bif i (?:was|were) (?:dead|gone|not (?:here|around))|if i (?:was|were) dead',
      'nothing (?:left )?(?:for me|to live for)(?: here| anymore| any more)?(?=\\s*(?:$|[.,!?;]))|nothing left for me',
      '(?:going|gonna|about|ready) to jump(?=\\s*(?:$|[.,!?;]|off (?:a|the|this|my)|from (?:a|the|my)|in front))',
      "lock(?:s|ed|ing)? me (?:in|up|inside)\\b.{0,30}\\b(?:phone|keys|money|out)|(?:takes?|took|hides?|hid) my (?:phone|keys|passport|money) (?:away )?so i (?:can'?t|cannot)",
      "(?:i'?m|i am|i feel like|feel like) (?:just )?(?:a|such a) (?:burden|waste of space)",
      "(?:i'?m|i am) (?:so )?done with (?:life|living|it all|everything|this life|existing)",
      '(?:stockpil\\w*|sav(?:e|ed|ing) up|hoard\\w*|collect(?:ed|ing)) (?:all )?(?:my |of my |these |the )?(?:\\w+ )?(?:pills|tablets|meds|medications?|painkillers|sleeping pills)',
      '(?:lethal|fatal|deadly) (?:dose|amount|quantity)|how (?:much|many)\\b.{0,40}\\b(?:would|will|to) (?:be (?:lethal|fatal|deadly)|kill (?:me|a person|someone)|die)',
      "decided (?:that )?(?:tonight|today)(?:'s| is) the (?:night|day)",
      "(?:i feel like |i feel |i just )?i can'?t go on(?=\\s*(?:$|[.,!?;]|and i\\b|and don'?t|anymore))",
      "(?:sitting|lying|locked|staying|i'?m|i am) in (?:my|the|a) (?:car|tent|garage|van|room|truck)\\b.{0,60}\\b(?:stove|grill|charcoal|bbq|generator|engine running|heater|burner|exhaust)\\b",
      '(?:do|cause|inflict) (?:the )?(?:most|more|enough|serious|real|maximum) (?:damage|harm|injury|pain) to (?:a |an )?(?:person|human|someone|somebody|people|body|myself|my ?self)',
      // Emergencies
      "(?:is(?:n'?t| not)|not|stopped|stop) breathing|(?:can'?t|cannot) breathe",
      "(?:unconscious|unresponsive|won'?t wake up|not waking up|passed out and)",
      '(?:having|had|is having) (?:a )?(?:heart attack|stroke|seizure|anaphylactic)',
      "(?:bleeding|losing blood) (?:heavily|a lot|badly|everywhere|out)|won'?t stop bleeding",
      '(?:call|need|send|get) (?:an? )?(?:ambulance|paramedics|search and rescue|mountain rescue)',
      '(?:lost|stranded|trapped|stuck) (?:in|on) (?:the )?(?:mountain|woods|forest|trail|backcountry|snow|river|ice|cliff)\\b',
    )}`,
  ),
  // Spanish
  new RegExp(
    `\\b${any(
      'suicid\\w*',
      'matarme',
      'me (?:voy a |quiero )?matar',
      'quitarme la vida',
      '(?:quiero|quisiera|deseo|voy a|ganas de) morir(?:me)?',
      'me quiero morir',
      'no quiero (?:seguir )?(?:vivir|viviendo|estar aqui|existir|despertar)',
      'no (?:tengo|hay|tiene) (?:ninguna |ningun )?(?:razon|motivo|sentido) (?:para|de|en) (?:vivir|seguir)',
      'la vida no (?:tiene sentido|vale la pena)',
      '(?:hacerme|me hago|me estoy haciendo|me hice|me sigo haciendo) (?:mucho )?dano',
      'lastimarme|autolesion\\w*|cortarme|me corto (?:los brazos|las munecas|la piel)',
      'acabar con (?:todo|mi vida)',
      'no aguanto mas (?:vivir|la vida|esta vida)',
      'estoy en peligro',
      '(?:quiero|quisiera) desaparecer|desaparecer (?:para siempre|del mundo)',
      'no (?:volver a )?despertar(?:me)? (?:nunca|mas)|nunca despertar',
      'ya nada importa|nada importa ya',
      'ya no (?:voy a|vaya a) estar|manana ya no (?:voy a )?estar|no voy a estar (?:aqui|mas)',
      'no estoy (?:a salvo|segura?) en (?:casa|mi casa)',
      '(?<!se )me (?:pega|golpea|amenaza|maltrata|viola)',
      '(?:me quiere|me va a|amenazo con|amenaza con) matar(?:me)?',
      'sobredosis',
      '(?:tome|me tome|tomar) (?:muchas|todas (?:las|mis)) (?:pastillas|pildoras)',
    )}\\b`,
  ),
  // Portuguese
  new RegExp(
    `\\b${any(
      'suicid\\w*',
      'me matar',
      '(?:quero|vou) me matar',
      'tirar (?:a )?(?:minha )?(?:propria )?vida',
      '(?:quero|queria|vou|vontade de) morrer',
      'nao quero (?:mais )?(?:viver|estar aqui|existir|acordar)',
      'nao aguento mais (?:viver|a vida|essa vida)',
      'nao (?:tenho|ha|tem) (?:nenhum )?(?:motivo|razao|sentido) (?:para|pra) (?:viver|continuar)',
      'a vida nao (?:tem sentido|vale a pena)',
      '(?:me machucar|me machucando|me machuco|me cortar|me cortando|me corto|me ferir|me ferindo|automutila\\w*)',
      'acabar com (?:tudo|a minha vida|minha vida)',
      'estou em perigo',
      '(?:quero|queria) desaparecer|desaparecer para sempre',
      'nao acordar (?:nunca )?mais',
      'tomei (?:todos|todas) (?:os|as|meus|minhas) (?:remedios|comprimidos|pilulas)',
      'nada mais importa|nao vou (?:mais )?estar aqui',
      'nao estou segur[ao] em casa',
      '(?:ele|ela|meu marido|minha mulher|meu namorado|meu pai) me (?:bate|agride|ameaca|espanca)',
      'ameac\\w* (?:de )?me matar',
      'overdose',
      'tomei (?:muitos|todos os|varios) (?:remedios|comprimidos)',
    )}\\b`,
  ),
  // French
  new RegExp(
    `\\b${any(
      'suicid\\w*',
      'me tuer',
      "(?:veux|voudrais|vais|envie de|j'ai envie de) mourir",
      `en finir(?: avec (?:la|ma) vie| avec tout|${untilEnd})`,
      'mettre fin a (?:mes jours|ma vie)',
      "(?:n'ai|n'avoir|ai) plus (?:envie|gout|le gout|de raison|aucune raison) de vivre",
      'plus envie de vivre|(?:je ne veux|je veux) plus vivre|je ne veux plus etre (?:la|ici)',
      "la vie n'a (?:plus )?(?:aucun )?sens",
      'me (?:faire|fais|suis fait) du mal',
      'me mutiler|automutil\\w*|scarifi\\w*',
      'je suis en danger',
      'disparaitre (?:pour toujours|a jamais|du monde)|(?:veux|voudrais) disparaitre',
      'ne (?:plus|jamais) me reveiller',
      "(?:j'ai |ai )?(?:pris|avale) (?:tous|toutes) (?:mes|les) (?:medicaments|cachets|comprimes|pilules)",
      "plus rien n'a (?:d'importance|de sens)|je ne serai plus (?:la|ici)",
      'je ne suis pas en securite',
      '(?:il|elle|mon mari|ma femme|mon copain|mon pere) me (?:frappe|bat|menace|viole)',
      'menace (?:de )?me tuer',
      'surdose|overdose',
    )}\\b`,
  ),
  // German
  new RegExp(
    `\\b${any(
      'selbstmord\\w*',
      'suizid\\w*',
      'umbringen',
      'mir das leben nehmen',
      '(?:will|mochte|moechte|werde|wurde gern|wuerde gern) (?:lieber )?sterben',
      'nicht mehr leben',
      '(?:nicht mehr|nie wieder|nie mehr) aufwachen',
      '(?:kein(?:en)? sinn|kein grund) mehr (?:zu leben|zum leben)',
      'lebensmude|lebensmuede',
      'mich (?:selbst )?(?:verletzen|verletze|ritzen|ritze|schneiden|schneide)',
      'selbstverletz\\w*',
      'ich bin in gefahr',
      '(?:fur immer|einfach) verschwinden',
      'alle (?:meine |meiner )?(?:tabletten|medikamente|pillen) (?:genommen|geschluckt)',
      'nichts (?:hat|ist) mehr (?:einen )?(?:sinn|wichtig)|ich werde nicht mehr (?:da|hier) sein',
      'ich bin (?:zu hause )?nicht sicher',
      '(?:er|sie|mein mann|meine frau|mein freund|mein vater) (?:schlagt|schlaegt|bedroht|misshandelt) mich',
      'droht mich (?:umzubringen|zu toten)',
      'uberdosis|ueberdosis',
    )}\\b`,
  ),
];

/** The crisis topic: self-harm, suicide and danger. Always `critical`, never disabled. */
export const crisisTopic: TopicDefinition = {
  id: 'self_harm',
  reason: 'crisis',
  urgency: 'critical',
  patterns: [...crisisPatterns],
  userMessage: crisisUserMessage,
};
