import { extractEntities } from '../brief/entities.js';
import type { BriefEntities } from '../brief/handoff-brief.js';
import type { Urgency } from '../guard/types.js';

/** A field to collect before a handoff, and how to tell the transcript already has it. */
export interface PreHandoffField {
  /** Field id, e.g. `orderNumber`, `email`, `name`. */
  field: string;
  /** The question to ask (see `preHandoffQuestion` for translated defaults). */
  question: string;
  /** The field is present when a customer message matches this. */
  pattern?: RegExp;
  /** The field is present when the customer mentioned an entity of this kind. */
  entity?: keyof BriefEntities;
}

/** What {@link nextPreHandoffQuestion} decides from. */
export interface NextPreHandoffQuestionInput {
  required: readonly PreHandoffField[];
  transcript: ReadonlyArray<{ role: 'user' | 'assistant'; content: string }>;
  /** Fields already asked in this conversation, answered or not. */
  asked: readonly string[];
  urgency: Urgency;
  /**
   * Most questions asked in all before connecting the customer.
   * @default 2
   */
  maxQuestions?: number;
}

/** Entity kinds inferred from common field ids when a field sets neither `pattern` nor `entity`. */
const defaultEntities: Record<string, keyof BriefEntities> = {
  email: 'emails',
  emailaddress: 'emails',
  order: 'orderNumbers',
  ordernumber: 'orderNumbers',
  orderid: 'orderNumbers',
  phone: 'phoneNumbers',
  phonenumber: 'phoneNumbers',
  account: 'accountNumbers',
  accountnumber: 'accountNumbers',
  accountid: 'accountNumbers',
  product: 'products',
};

const namePattern =
  /(?:[Mm]y name is|[Mm]y name's|[Ii]t's|[Ii] am|[Ii]'m|[Mm]e llamo|[Mm]i nombre es|[Ss]oy|[Mm]eu nome é|[Ss]ou|[Jj]e m'appelle|[Jj]e suis|[Ii]ch heiße|[Ii]ch bin|[Mm]ein Name ist)\s+\p{Lu}\p{Ll}+/u;

/** Copies without the `g` and `y` flags, made once per pattern (a compile per check would add regexp code on every turn). */
const plainCopies = new WeakMap<RegExp, RegExp>();

function withoutGlobalFlag(pattern: RegExp): RegExp {
  if (!pattern.global && !pattern.sticky) return pattern;
  let copy = plainCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    plainCopies.set(pattern, copy);
  }
  return copy;
}

/** True when the customer's messages already contain the field. */
function present(field: PreHandoffField, userText: string, entities: () => BriefEntities): boolean {
  if (field.pattern) return withoutGlobalFlag(field.pattern).test(userText);
  const key = field.field.toLowerCase().replace(/[\s_-]+/g, '');
  const entity = field.entity ?? defaultEntities[key];
  if (entity) return entities()[entity].length > 0;
  if (key === 'name' || key === 'fullname') return namePattern.test(userText);
  return false;
}

/**
 * The next question to ask before handing off, or null to connect now. Asks at most
 * `maxQuestions` (two) in all, never when urgency is `critical`, never the same field twice,
 * and skips fields the customer already gave (an order number in an earlier message).
 */
export function nextPreHandoffQuestion(input: NextPreHandoffQuestionInput): { field: string; question: string } | null {
  const { required, transcript, asked, urgency, maxQuestions = 2 } = input;
  if (urgency === 'critical' || asked.length >= maxQuestions) return null;
  const userText = transcript
    .filter((turn) => turn.role === 'user')
    .map((turn) => turn.content)
    .join('\n');
  let entities: BriefEntities | undefined;
  const readEntities = () => {
    entities ??= extractEntities(userText);
    return entities;
  };
  for (const field of required) {
    if (asked.includes(field.field)) continue;
    if (present(field, userText, readEntities)) continue;
    return { field: field.field, question: field.question };
  }
  return null;
}
