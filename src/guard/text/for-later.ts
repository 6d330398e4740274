import { guardPattern } from './guard-pattern.js';

/**
 * Asking for a way to reach people for later, not for now (normalized text): "not now", "for next week",
 * "in case I need to call", "for future reference", and when the line is open ("what hours can I call?",
 * "when can I ring you?", "is the phone line staffed on Sundays?"), and the same in Spanish, German,
 * French, Portuguese, Italian and Dutch.
 */
export const forLater = guardPattern(
  /\b(?:not (?:right )?now|not today|for (?:next week|later|future reference|another time)|in case (?:i|we) (?:need|have|want)|next week|por si (?:acaso|lo necesito|necesito)|para (?:mas adelante|la proxima semana|otro dia)|ahora no|no ahora|la proxima semana|nicht jetzt|fur spater|falls ich|nachste woche|pas maintenant|pour plus tard|au cas ou|la semaine prochaine|agora nao|para depois|caso eu precise|semana que vem|non ora|per dopo|nel caso|la prossima settimana|niet nu|voor later|voor het geval|volgende week|(?:what|which) (?:hours|times?|days)(?: \w+){0,3} (?:can|could|should|do) (?:i|we) (?:call|phone|ring|reach|contact)|when (?:can|could|should|do) (?:i|we) (?:call|phone|ring|reach|contact)|(?:phone|telephone) (?:line|lines|support) (?:open|staffed|hours)|(?:line|lines) (?:is|are) (?:open|staffed)|a que hora (?:puedo|se puede) llamar|cuando (?:puedo|se puede) llamar|wann (?:kann|darf) ich (?:anrufen|sie anrufen)|a quelle heure (?:puis-je|je peux|peut-on) (?:appeler|vous appeler)|quando (?:posso|consigo) ligar|a che ora posso chiamare|wanneer kan ik bellen)\b/,
);
