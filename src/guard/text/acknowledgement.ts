import { guardPattern } from './guard-pattern.js';

/** Agreeing or acknowledging: "yes that all sounds right", "that's perfect, thanks", "you got it". */
const acknowledgement = guardPattern(
  /^(?:yes|yeah|yep|yup|sure|ok|okay|alright|correct|right|exactly|perfect|great|fine|cool|good|nice|sounds (?:good|great|perfect|fine)|that(?:'s| is| sounds| all sounds| works| would be)|you got it|go ahead|please (?:go ahead|proceed|do)|let'?s do|no problem|si|oui|ja|sim|claro|vale|d'accord|genau|perfecto|perfeito|parfait)\b/,
);

const questionMark = guardPattern(/[?？]/);
/** "That's not what I ordered", "that is wrong", "correct me if I am wrong but": no agreement. */
const disagreement = guardPattern(/\b(?:not|n't|never|wrong|incorrect|mistake|but|however|although|though)\b/);

/** Approving what the bot proposed, said as a statement: "That flight sounds just right", "the price is good". */
const approval = guardPattern(
  /\b(?:sounds|sound|looks|look|seems|seem|is|are) (?:just |really |very |all )?(?:right|good|great|fine|perfect|ok|okay|nice|excellent)(?: to me| for me)?[.!]*$|\bworks for me\b/,
);

/** True for a message that agrees or acknowledges, asking nothing ("Yes that all sounds right", "perfect, book it"). */
export function isAcknowledgement(normalized: string): boolean {
  return (
    (acknowledgement.test(normalized) || approval.test(normalized)) &&
    !questionMark.test(normalized) &&
    !disagreement.test(normalized)
  );
}
