import { guardPattern } from './guard-pattern.js';

/**
 * A matter the user reports as settled, and not back: "I had a dispute about a double charge, it's
 * been resolved and I got the money back", "ya me devolvieron el dinero", "wurde mir erstattet". A
 * message that says it happened again ("refunded, but now charged again") is no such report.
 */
export const resolvedMatter = guardPattern(
  new RegExp(
    '^(?!.*\\b(?:again|another|still|once more|but now|otra vez|de nuevo|outra vez|de novo|encore|wieder|erneut|di nuovo|ancora)\\b)' +
      ".*\\b(?:(?:it|this|that|which|the (?:dispute|charge|issue|problem|case|claim|matter))(?:'s| has| was| is| got)? (?:been |already |now |all |since )*(?:resolved|sorted(?: out)?|settled|reversed|refunded)" +
      "|(?:i|we) (?:got|received|have got|'ve got|have received|'ve received|already got) (?:the|my|our|all (?:the|my|our)) (?:money|refund|funds|\\w+ back)(?: back)?" +
      "|(?:i|we) (?:was|were|have been|'ve been|got|already got) (?:fully |already )?refunded" +
      '|(?:ya )?(?:se (?:resolvio|soluciono)|fue resuelt[oa]|ha sido resuelt[oa]|me devolvieron el dinero|me (?:lo )?reembolsaron)' +
      '|(?:ja )?(?:foi resolvid[oa]|recebi o dinheiro de volta|fui reembolsad[oa])' +
      "|(?:a ete|est) (?:resolu|regle)e?|j'ai ete rembourse|j'ai recupere mon argent" +
      '|(?:wurde|ist) (?:schon |bereits |inzwischen )?(?:gelost|erledigt|geklart)|geld zuruck(?:bekommen|erhalten)|wurde (?:mir )?(?:\\w+ )?(?:schon |bereits )?erstattet' +
      '|(?:e stat[oa]|e gia stat[oa]) risolt[oa]|mi hanno (?:gia )?rimborsato|ho riavuto i soldi)\\b',
  ),
);
