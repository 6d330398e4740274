import { resolvedMatter } from '../text/resolved-matter.js';
import { complianceTopics } from './compliance-topics.js';
import { crisisTopic } from './crisis-topic.js';
import type { TopicDefinition } from './topic-definition.js';

const moneyNoun =
  '(?:payments?|charges?|transactions?|transcations?|withdrawals?|withdrawls?|debits?|direct debits?|purchases?|fees?|deductions?|bills?|billing|invoices?|cash|money|amount)';

/** What a user says to disown a payment: they did not set it up, agree to it, or go there; it happened without their permission; they have no idea what it is. */
const disowned =
  "(?:\\b(?:i|we)\\s+(?:(?:have|had)\\s+)?(?:did\\s*n[o']?t|didn'?t|never|have not|haven'?t|had not|hadn'?t|do not|don'?t)\\s+(?:\\S+\\s+){0,2}?(?:set (?:\\S+ )?up|agree\\w*|sign\\w* (?:\\S+ )?up|allow\\w*|consent\\w*|give (?:\\S+ )?permission|gave (?:\\S+ )?permission|go|went|gone|been|visit\\w*|shop\\w* (?:at|there)|recogni[sz]\\w*)\\b" +
  '|\\bwithout (?:my|our|any) (?:permission|consent|knowledge|approval|authori[sz]ation)\\b' +
  '|\\b(?:no|any) idea (?:where|what|who|why)\\b' +
  "|\\b(?:don'?t|do not|didn'?t|did not) know (?:what|where|who|why) (?:this|that|these|those|the|it)\\b" +
  '|\\b(?:i|we) (?:was|were) (?:at home|home|asleep|at work|abroad|away|not there)\\b)';

/** Payments as users name them when they disown one (`moneyNoun` and the ways a debit is set up). */
const disownedPayment = `(?:${moneyNoun}|debit orders?|standing orders?|atm|cash machine|merchant|vendor)`;

/**
 * The built-in catalogue of high-stakes and compliance topics. Patterns are general phrasings
 * (matched against lower-cased, accent-free text with common typos corrected), never copies of
 * evaluation sentences. Cancelling or changing an *order* is routine self-service and does not
 * match; closing an account or cancelling a subscription does.
 */
export const defaultTopics: readonly TopicDefinition[] = [
  crisisTopic,
  {
    id: 'fraud_security',
    reason: 'high_stakes',
    urgency: 'high',
    patterns: [
      /\b(?:fraud\w*|scam\w*|phish\w*|hack(?:ed|er|ers|ing)?|compromised|identity theft|account takeover|skimm(?:ed|er|ing))\b/,
      /\b(?:card|wallet|phone|purse|bag|identity|id|passport|credentials|password|details|account)s? (?:was |were |has been |have been |got |been |is )?(?:just |recently |already |been )?(?:stolen|hacked|compromised|skimmed|cloned)\b|\bstole (?:my|our)\b|\bstolen (?:card|wallet|phone|identity|credentials|details)\b/,
      /\bsome(?:one|body) (?:else )?(?:has |got |gained |is )?(?:access(?:ed|ing)?|into|using|used|logged into|stole|took|withdrew|made|copied|cloned)\b.{0,50}\b(?:my|our)\b|\b(?:it|this) (?:was|wasn'?t|is not|isn'?t) (?:not )?me\b|\bnot me who\b/,
      /\b(?:unauthori[sz]ed|suspicious|unknown|unrecogni[sz]ed|strange) (?:access|log ?in|login|sign ?in|activity|device|email|text|call|message|password reset)s?\b|\b(?:lost|misplaced) my (?:card|wallet|purse)\b|\bunauthori[sz]ed (?:copy|use)\b/,
      /\b(?:fraude|estafa|me (?:hackearon|robaron)|robaron mi|tarjeta robada|golpe|me hackearam|roubaram|cartao roubado|piratage|pirate|vol de (?:ma )?carte|carte volee|betrug|gehackt|gestohlen)\b/,
    ],
  },
  {
    id: 'billing_dispute',
    reason: 'high_stakes',
    exclude: [resolvedMatter],
    patterns: [
      // charged twice, a payment shown more than once
      /\b(?:charged|charge|billed|debited|taken|deducted|paid|payment|transaction|withdrawn)\s+(?:\S+\s+){0,3}?(?:twice|two times|2 times|2x|double|more than once|multiple times|several times|three times|repeatedly|\d+ times|(?:four|five|six|seven|eight|nine|ten|eleven|twelve|many) times)\b/,
      /\b(?:overdrawn|overdraft (?:fees?|charges?)|(?:rent|payment|check|cheque|mortgage payment|direct debit)s? (?:has |have )?bounced)\b|\b(?:kept|keep|keeping|took|taken|stole|stolen|pocketed|holding onto) (?:my|the|our) (?:money|payment|cash|funds|\$\d\S*)\b/,
      new RegExp(
        `\\b(?:double|duplicate|duplicated|doubled|repeated|multiple)[\\s-]+(?:charged|charges?|billing|billed|payments?|transactions?|debits?)\\b|\\b${moneyNoun}\\s+(?:\\S+\\s+){0,3}?(?:doubled|duplicated)\\b|\\btwo of the same (?:charges?|transactions?|payments?)\\b|\\bcancel\\w* (?:a|the|this|that|one|my) (?:\\w+ )?(?:transactions?|payments?|charges?)\\b`,
      ),
      /\b(?:shows?|showing|showed|appears?|appearing|appeared|listed|posted|went through|goes through)\s+(?:up\s+)?(?:twice|two times|more than once|multiple times|several times|double)\b/,
      // a charge the user did not make or does not recognise
      new RegExp(
        `\\b(?:unauthori[sz]ed|unrecogni[sz]ed|unknown|unfamiliar|strange|odd|suspicious|fraudulent|mysterious|bogus|unexplained|incorrect|erroneous|weird|unusual)\\s+(?:\\S+\\s+){0,2}?(?:${moneyNoun}|merchant|vendor|company|business|name)\\b|\\b${moneyNoun}\\b.{0,40}\\b(?:is|looks|seems) (?:\\w+ )?(?:strange|odd|suspicious|weird|unusual|wrong)\\b|\\b(?:i|we) (?:made|did|have made|had) (?:a |an )?(?:\\w+ )?${moneyNoun}\\b.{0,30}\\b(?:but|though|although) (?:i|we) (?:didn'?t|did not|never|haven'?t)\\b|\\b(?:cash|withdrawal|withdrawals)\\b.{0,60}\\b(?:i|we) (?:did not|didn'?t|never) (?:get|receive|got|received)\\b|\\b${moneyNoun}\\b.{0,50}\\bwhy (?:is|was) (?:that|this|it)\\b`,
      ),
      new RegExp(
        `\\b${moneyNoun}\\b.{0,80}\\b(?:(?:i|we)\\s+(?:\\w+ly\\s+)?(?:did\\s*n[o']?t|didn'?t|dont|don'?t|do not|never|haven'?t|have not|can'?t|cannot)\\s+(?:\\S+\\s+){0,2}?(?:recogni[sz]e|know|remember|make|made|do|done|authori[sz]e|authori[sz]ed|initiate|initiated|perform|performed|withdraw|withdrew|order|ordered|buy|bought|purchase|purchased|approve|approved|agree|agreed|sign(?:ed)? up|spend|spent|take|took|use|used|charge|charged)|not mine|isn'?t mine|not my (?:transaction|payment|charge|purchase|doing)|(?:was|wasn'?t|is|isn'?t)\\s+(?:not\\s+)?(?:done |made |authori[sz]ed |initiated )?by me|was not me|wasn'?t me|not authori[sz]ed|never (?:made|authori[sz]ed|did)|by mistake|in error|an error|a mistake)`,
      ),
      new RegExp(
        `\\b(?:i|we)\\s+(?:did\\s*n[o']?t|didn'?t|dont|don'?t|do not|never|haven'?t)\\s+(?:\\S+\\s+){0,2}?(?:recogni[sz]e|authori[sz]e|make|made|do|initiate|perform|withdraw|approve)\\b.{0,40}\\b${moneyNoun}\\b`,
      ),
      new RegExp(
        `\\b(?:what|why|where)\\s+(?:is|was|are|do i have|does)\\s+(?:this|that|these|an?|my)?\\s*(?:\\w+\\s+)?(?:withdrawal|withdrawals|direct debit|debit|unknown \\w+)\\b|\\bwhat is this (?:card |cash )?${moneyNoun}\\b`,
      ),
      // a payment the user disowns, said either way round ("a direct debit I never agreed to", "I was home")
      new RegExp(`\\b${disownedPayment}\\b.{0,80}${disowned}|${disowned}.{0,60}\\b${disownedPayment}\\b`),
      // asking who is behind a payment
      /\bwho (?:is|are|was|were) (?:this|that|these|those) (?:merchant|company|vendor|business|seller|shop|store|payee)s?\b|\bwho (?:set up|took|charged|is charging|keeps charging|debited) (?:this|that|these|those|my|the|me)\b/,
      // the same payment more than once, said with numbers ("two identical charges", "2 of the same transaction")
      new RegExp(
        `\\b(?:two|2|three|3)\\s+(?:\\S+\\s+){0,2}?(?:identical|same|duplicate|matching)\\s+(?:\\S+\\s+)?${moneyNoun}\\b|\\b(?:two|2|three|3) of the same (?:\\S+ )?${moneyNoun}\\b|\\b${moneyNoun}\\b.{0,60}\\b(?:i|we) only (?:ordered|bought|paid|purchased|made|did|used (?:it|my card)) (?:\\S+ )?once\\b`,
      ),
      /\bdisput\w*|\bdisagree with (?:a|the|this|that|my) \w+|\bcontest(?:ing)? (?:a|the|this|that) (?:charge|payment|transaction|bill)|\bover ?charg\w*|\bcharged (?:me )?(?:wrongly|incorrectly|by mistake|too much|for nothing)|\b(?:wrongly|incorrectly|mistakenly) (?:charged|billed|debited)|\bbilling (?:error|mistake|dispute)\b/,
      /\b(?:cobro|cargo) (?:duplicado|doble|no reconocido|indebido)|\bcobrado dos veces|\bcobranca (?:duplicada|indevida)|\bcobrado (?:duas vezes|em dobro)|\bdebite deux fois|\bprelevement (?:non autorise|inconnu)|\bdoppelt (?:abgebucht|belastet)|\bunbekannte abbuchung\b/,
    ],
  },
  {
    id: 'product_safety',
    reason: 'high_stakes',
    urgency: 'high',
    patterns: [
      /\b(?:(?:a|any|the|product|safety|active|official) recalls?|recall (?:on|for|notice)|recalled|(?:leak|leaks|leaking|leaked|hiss|hisses|hissing|smell|smells|smelling) (?:of )?(?:gas|propane|butane|fuel|fumes)|(?:gas|propane|butane|fuel) (?:leak|leaking|smell)|(?:canister|cylinder|tank|stove|lantern|heater|battery|charger|power bank)\b.{0,40}\b(?:hiss\w*|leak\w*|explod\w*|swell\w*|swollen|smok\w*|melt\w*|spark\w*|overheat\w*|on fire)|(?:dented|damaged|punctured|cracked|swollen|bulging)\b.{0,20}\b(?:hiss\w*|smok\w*|fumes)|caught (?:on )?fire|burst into flames|smoke (?:is )?(?:coming|pouring|billowing|rising) (?:out|from|up)|(?:is|are|it's|its) on fire|(?:exploded|explosion|electric shock|electrocuted|shocked me)|(?:almost|nearly|could have|could've) (?:killed|died|drowned|fell|fallen|hurt|injured|suffocated)|(?:fell|collapsed|dropped|landed) on (?:me|my|him|her|us|a child|my (?:kid|son|daughter))|(?:snapped|broke|failed|gave way|gave out|slipped|tore|came apart|came loose|came undone)\b.{0,20}\b(?:under load|mid[- ]?(?:climb|fall|rappel|use)|while (?:climbing|rappelling|belaying|hanging|in use|using it))|(?:choking hazard|safety (?:hazard|issue|defect|concern|problem)|dangerous (?:product|defect|fault)|(?:toxic|poisonous) (?:fumes|material|chemical)))\b/,
    ],
  },
  {
    id: 'refund',
    reason: 'high_stakes',
    // Asking for a refund is routine: reported for the brief and routing, escalated when it is a
    // dispute (charged twice, a refund that never came, kept money), which other topics catch.
    score: 0.45,
    patterns: [
      /\b(?:want|need|demand|demanding|get|request|requesting|give me|issue|claim|expect|deserve|like|asking for|ask for|receive|process)\s+(?:(?!track|check|see|view|know|status|find|about|information|info)\S+\s+){0,2}?(?:a |my |the |full )?(?:refund|refunded|reimburse\w*|chargeback)\b(?! (?:policy|policies|status|guarantee|process|timeline|time|period|rules|terms|tracking|options))/,
      /\brefund (?:me|it|this|that|my (?:money|payment|purchase|order|card|subscription))\b|\b(?:get|want|need|give me|have) (?:\S+\s+){0,2}?(?:money|cash|funds) back\b(?! (?:policy|guarantee))|\bchargeback|\bcharge back\b|\breverse (?:the|this|that|a|my) (?:charge|payment|transaction)|\b(?:can|could) (?:this|it|that) be reversed\b|\b(?:be|been|get|have it|want it) refunded\b/,
      /\b(?:quiero|exijo|necesito) (?:un |el |mi )?reembolso|devuelvan (?:mi|el) dinero|\b(?:quero|exijo|preciso de) (?:um |o |meu )?(?:reembolso|estorno)|\bmeu dinheiro de volta|\b(?:je veux|j'exige|exige) (?:un |le |mon )?rembours\w*|\bremboursez|\brembourser\b|\b(?:ruckerstattung|erstattung|geld zuruck)\b/,
    ],
  },
  {
    id: 'cancellation',
    reason: 'high_stakes',
    // Cancelling a subscription or plan the bot is already handling is routine; closing the account is not.
    routine: { unless: /\b(?:accounts?|profile|bank|company|customer|member|client|everything|it all|all of it)\b/ },
    // Taking something off the account (a saved card, an address, a user) keeps the account.
    exclude: [
      /\b(?:remove|removing|delete|deleting|take|taking|unlink|unlinking)\s+(?:\S+\s+){1,4}?(?:from|off) (?:my|the|our|your) (?:\w+ )?account\b/,
      // Newsletters and mailing lists are not a contract; pausing instead of cancelling keeps it.
      /\bsubscription (?:to|for|of) (?:the |your |our |ur |a )?(?:\w+ )?(?:newsletter|mailing list|emails?)\b|\bunsubscrib\w*\b|\binstead of cancel\w*/,
    ],
    patterns: [
      /\b(?:cancel\w*|terminat\w*|close|closing|closed|delete|deleting|deleted|remove|removing|shut(?:ting)?|deactivate|deactivating|discontinue|invalidate|get rid of|end)\s+(?:down |out |off |up )?(?:my |the |this |that |our |your |an? |all |all my |all of my |both |both my |these |those )?(?:(?!newsletter|mailing|e-?mail|marketing|promo\w*|sms|text|notification|push)\w+\s+)?(?:account|accounts|subscription|subscriptions|membership|plan|contract|service|services|policy|profile|loan|mortgage|insurance|direct debit|standing order)\b(?! (?:number|details|settings|balance|statement|page|name|fees?|limit|auto-?renew\w*|renewal|reminders?))/,
      /\b(?:account|subscription|membership|contract|profile)\s+(?:\S+\s+){0,2}?(?:cancel\w*|terminat\w*|closed|deleted|closure|removed|deactivated)\b/,
      // the matter named as a noun: "user account deletions", "the cancellation of an account"
      /\baccounts? (?:deletion|closure|closing|removal|cancell?ation|termination|deactivation)s?\b|\b(?:deletion|closure|closing|removal|cancell?ation|termination|deactivation) of (?:a |an |the |my |your |our )?(?:\w+ )?accounts?\b|\b(?:remove|delete|close|cancel|terminate) (?:\S+ ){0,2}?accounts?\b(?! (?:number|details|settings|balance|statement|page|name|fees?|limit))/,
      /\b(?:leave|leaving|switch away from|move away from|quit|quitting) (?:(?:the|your|this) (?:bank|service|provider|platform)|(?:your|this) company)\b|\bno longer (?:want|wish|like) to (?:bank|be|stay|do business) with (?:you|your|this)\b|\b(?:stop|quit) (?:banking|being a customer|doing business) with\b|\bclose (?:everything|it all|all of it)\b|\bno longer (?:want to )?be (?:a|your) (?:customer|member|client)\b|\bnever do business with you\b|\bunsubscribe\b(?! (?:from )?(?:the |your |this )?(?:newsletter|emails?|mailing|marketing|messages|texts))/,
      /\b(?:cancelar|cerrar|eliminar|borrar|dar de baja)\s+(?:\S+\s+){0,2}?(?:cuenta|suscripcion|membresia|contrato|plan)|\b(?:cancelar|encerrar|excluir|fechar)\s+(?:\S+\s+){0,2}?(?:conta|assinatura|plano|contrato)|\b(?:resilier|fermer|supprimer|annuler|cloturer)\s+(?:\S+\s+){0,2}?(?:compte|abonnement|contrat|forfait)|\b(?:kundigen|kundige|schliessen|loschen|aufheben)\b.{0,30}\b(?:konto|abo|abonnement|vertrag|mitgliedschaft)|\b(?:konto|abo|abonnement|vertrag|mitgliedschaft)\b.{0,30}\b(?:kundigen|kundige|schliessen|loschen)\b/,
    ],
  },
  {
    id: 'complaint',
    reason: 'high_stakes',
    patterns: [
      /\bcomplain\w*\b|\bcomplaint\w*\b|\bgrievance\b|\bformal (?:objection|protest)\b/,
      // a claim against the business ("lodge a customer claim", "file a claim against your company")
      /\bclaims? against (?:you|your|ur|the|this)\b|\b(?:consumer|customer) claims?\b|\b(?:file|filing|lodge|lodging|make|making|submit|submitting|raise|raising|open|opening) (?:a |an )?(?:(?!warranty|insurance|guarantee|baggage|luggage)\w+ )?claim\b(?! (?:status|number|form))/,
      // how the user was treated is a complaint about the service
      /\b(?:how|the way) (?:i|we) (?:was|were|have been|got|am being|are being) (?:\w+ )?treated\b|\btreated (?:me|us) (?:badly|poorly|unfairly|rudely|like)\b/,
      /\b(?:queja|quejarme|reclamacion|reclamar|reclamacao|reclamar|plainte|reclamation|beschwerde|beschweren|reklamation)\b/,
    ],
    exclude: [
      /\bno complaints?\b|\bnot (?:a )?complain\w*\b|\bwithout complain\w*/,
      // A small reservation in a review is no complaint to handle ("my only complaint is the pillows").
      /\b(?:my|the|one|our) (?:only|one|one small|one minor|only real|single|minor|small|tiny) complaint\b|\bnot (?:a|an) (?:formal|official) (?:thing|one|complaint)\b|\bcomplaint\b.{0,30}\blike a review\b/,
      // Asking about other buyers' complaints of a product is a product question.
      /\b(?:reviews?|reviewers|ratings|other (?:people|customers|buyers|users)|people|customers|users|buyers|owners)\b(?: \w+){0,2} complain\w*|\b(?:any|common|known|frequent|usual|typical) complaints?\b/,
    ],
  },
  ...complianceTopics,
];
