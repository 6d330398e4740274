/**
 * Synthetic scope utterances for the large-scope benchmark: deterministic (seeded), drawn from a
 * support vocabulary with the length and shape of real intent examples ("how do I change the
 * delivery address of my order"). No data set is read.
 */
import { seededRandom } from '../src/evals/seeded-random.js';

const verbs = (
  'change update cancel track return order pay transfer close open reset block unblock renew upgrade downgrade ' +
  'check find send receive replace activate verify confirm add remove delete move book reschedule refund ' +
  'exchange ship deliver redeem apply report dispute link unlink register sign connect export download'
).split(' ');
const nouns = (
  'order account card password address delivery package parcel invoice bill payment refund subscription plan ' +
  'balance statement transfer loan mortgage deposit savings checking pin limit fee charge receipt warranty ' +
  'reservation booking flight ticket seat luggage hotel room voucher coupon gift points reward membership ' +
  'profile email phone number device router modem battery screen charger app login username tracking code ' +
  'shipment return label size color item product basket cart wishlist appointment contract meter reading ' +
  'tariff premium policy claim insurance car rental insurance pet vet course exam certificate ' +
  'prescription pharmacy store branch atm cheque currency rate interest credit debit pension tax'
).split(' ');
const adjectives = (
  'new old wrong missing damaged late expired locked broken second monthly annual extra last next ' +
  'international local online default business personal joint shared premium basic'
).split(' ');
const times = (
  'today|tomorrow|tonight|this week|next week|this month|last month|on monday|on friday|before christmas|' +
  'by the weekend|in march|after my trip|right away'
).split('|');
const templates = [
  'how do i {verb} my {noun}',
  'i want to {verb} my {adjective} {noun}',
  'can you help me {verb} the {noun} on my {noun}',
  'where can i {verb} my {noun} {time}',
  'what is the {noun} for my {adjective} {noun}',
  'is it possible to {verb} a {noun} {time}',
  'please {verb} my {noun} and my {noun}',
  'why was my {noun} {verb}ed {time}',
  'how long does it take to {verb} a {adjective} {noun}',
  'i need to {verb} the {noun} of my {noun}',
  'what do i need to {verb} my {noun}',
  'my {noun} is {adjective}, how do i {verb} it',
  'can i {verb} my {noun} online',
  'when will my {adjective} {noun} {verb}',
  'tell me how to {verb} my {noun} {time}',
  'how much does it cost to {verb} my {noun}',
];

/** A deterministic order number or amount, as real support messages carry them. */
function token(random: () => number): string {
  return random() < 0.5 ? `#${Math.floor(random() * 900_000 + 100_000)}` : `${Math.floor(random() * 500 + 5)} dollars`;
}

/** `count` synthetic utterances from the template and vocabulary lists, the same for the same `seed`. */
export function syntheticScope(count: number, seed = 15): string[] {
  const random = seededRandom(seed);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  const slots: Record<string, readonly string[]> = { verb: verbs, noun: nouns, adjective: adjectives, time: times };
  const utterances: string[] = [];
  for (let index = 0; index < count; index++) {
    let text = pick(templates).replace(/\{(\w+)\}/g, (_, slot: string) => pick(slots[slot]!));
    if (random() < 0.2) text += ` ${token(random)}`;
    utterances.push(text);
  }
  return utterances;
}

const offTopic = [
  'what is the capital of {noun}',
  'write me a poem about my {noun}',
  'who won the {adjective} game {time}',
  'recommend a good recipe for {noun}',
  'tell me a joke about a {noun}',
  'what will the weather be like {time}',
];

/**
 * `count` new messages for a synthetic scope, none of them a scope utterance: three in five
 * worded like the scope, one in five off-topic, one in five a word salad of the vocabulary. Each
 * carries its number, so no two are the same text and no cache can answer.
 */
export function syntheticQueries(count: number, seed = 16): string[] {
  const random = seededRandom(seed);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  const slots: Record<string, readonly string[]> = { verb: verbs, noun: nouns, adjective: adjectives, time: times };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, slot: string) => pick(slots[slot]!));
  const words = [...verbs, ...nouns, ...adjectives];
  const queries: string[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random();
    const text =
      roll < 0.6
        ? fill(pick(templates))
        : roll < 0.8
          ? fill(pick(offTopic))
          : Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(words)).join(' ');
    queries.push(`${text} (${index + 1})`);
  }
  return queries;
}
