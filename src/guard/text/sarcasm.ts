import { guardPattern } from './guard-pattern.js';

/**
 * Praise that means its opposite (normalized text): praise of a failure ("great job losing my
 * package again", "well done breaking it twice", "thanks a lot for cancelling my order"),
 * thanks for nothing, and a long custom repaid badly ("a loyal customer for 12 years and this is
 * how you treat me", "never again"). Read as anger, not as praise.
 */
export const sarcasticPraise = guardPattern(
  /\b(?:(?:great|good|nice|fantastic|brilliant|excellent|amazing|stellar|superb|wonderful|terrific) (?:job|work|going|effort|one)|well done|way to go|bravo|congrat(?:s|ulations)|thanks a lot|thanks so much|thank you so much|cheers)\b[,!.]* (?:(?:\w+ ){0,2})(?:on |for )?(?:los(?:e|ing|t)|break(?:ing)?|broke|ruin(?:ing|ed)?|mess(?:ing|ed) up|forgett?(?:ing)?|forgot|cancel+(?:ing|ed)?|overcharg(?:e|ing|ed)|charg(?:ing|ed) me (?:twice|again|double)|delay(?:ing|ed)|ignor(?:e|ing|ed)|wast(?:e|ing|ed)|send(?:ing)? (?:me )?the wrong|sent (?:me )?the wrong|nothing)\b|\bthanks for nothing\b|\b(?:loyal|long[- ]?time|faithful|regular) (?:customer|client|member)\b.{0,60}\b(?:this is how (?:you|u) treat|how (?:you|u) treat|never again|is this how|shame on (?:you|u)|disgrace\w*)/,
);
