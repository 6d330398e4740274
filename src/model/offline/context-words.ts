import { tokenize } from './tokenize.js';

/**
 * Words that set the scene of a question without naming its topic, in the languages the demo knowledge base
 * answers: who it is for (family and friends) and in which month. "A gift for my sister" and "What should I
 * pack for a hike in October?" ask what they would ask without them. They still match an entry that names
 * them (the July sale), but an entry that lacks them loses little. Weekdays and days around today are left
 * out: "I need it by tomorrow" and "Do you deliver on Saturday?" are about them; yesterday is in.
 */
const contextWords = [
  // Family and friends.
  'dad daddy father mom mum mommy mummy mother parents parent son daughter wife husband partner boyfriend girlfriend',
  'fiance fiancee friend friends sister brother sibling grandma grandpa grandmother grandfather grandparents',
  'uncle aunt niece nephew cousin colleague coworker neighbour neighbor',
  'padre madre papa mama hijo hija esposa esposo marido novio novia amigo amiga hermano hermana abuelo abuela',
  'pai mae filho filha mulher namorado namorada amiga irmao irma avo',
  'pere mere fils fille femme mari copain copine ami amie frere soeur grandpere grandmere',
  'vater mutter mama papa sohn tochter frau mann freund freundin bruder schwester oma opa',
  'padre madre figlio figlia moglie marito ragazzo ragazza amico amica fratello sorella nonno nonna',
  'vader moeder zoon dochter vrouw man vriend vriendin broer zus opa oma',
  // Months.
  'january february march april may june july august september october november december',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro',
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
  'januar februar marz juni juli oktober dezember',
  'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre',
  'januari februari maart mei augustus',
  // The day before: "I ordered yesterday" sets the scene of a tracking question.
  'yesterday ayer ontem gestern ieri gisteren wczoraj вчера eilen',
].join(' ');

/**
 * Terms the list above shares with topics: the tokenizer reads a wife or a husband as a `person` (a pickup
 * person), a son or a daughter as a `kid` (kids' gear), and some stems are English words too (`per` day).
 */
const topicalTerms = new Set(['person', 'kid', 'per', 'fill', 'man', 'mar', 'may', 'mart']);

/** The terms of {@link contextWords} as the tokenizer writes them (stemmed, translated), topics left out. */
export const contextTerms: ReadonlySet<string> = new Set(
  tokenize(contextWords).filter((term) => !topicalTerms.has(term)),
);
