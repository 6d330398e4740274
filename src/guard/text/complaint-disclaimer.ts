import { guardPattern } from './guard-pattern.js';

/**
 * "Not a complaint", "I'm not complaining", "no complaints", in the languages whose lexicons list
 * complaints (normalized text: lower case, accents folded).
 */
export const complaintDisclaimer = guardPattern(
  /\b(?:not|isn't|isnt|wasn't|wasnt) (?:a |an |my |really a |meant as a )?complain(?:t|ts|ing)\b|\bno complaints?\b|\b(?:my|the|one|our) (?:only|one small|one minor|minor|small|tiny) complaint\b|\bnot (?:a|an) (?:formal|official) (?:thing|one|complaint)\b|\b(?:not|never) complaining\b|\bcomplaint (?:nahi|nahin)\b|\bno (?:es|era) (?:una )?(?:queja|reclamacion)\b|\bno me (?:quejo|estoy quejando)\b|\bnao (?:e|era) (?:uma )?(?:reclamacao|queixa)\b|\bnao estou reclamando\b|\b(?:ce n'est|c'est) pas une (?:plainte|reclamation)\b|\bpas une (?:plainte|reclamation)\b|\bkeine (?:beschwerde|reklamation)\b|\bnon (?:e|era) un (?:reclamo|lamentela)\b|\bgeen klacht\b/,
);
