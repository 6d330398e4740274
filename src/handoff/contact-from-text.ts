import type { CustomerIdentity } from '../store/store.js';

const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Name and email from a free-text answer ("Jane Doe, jane@example.com"). */
export function contactFromText(text: string): CustomerIdentity {
  const email = text.match(emailPattern)?.[0];
  const rest = text
    .replace(emailPattern, ' ')
    .replace(/\b(?:my name is|i am|i'm|name:|email:|mail:|me llamo|je m'appelle|ich heiße|meu nome é)\b/gi, ' ')
    .replace(/[,;:()<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const name = /^[\p{L}][\p{L}'’ .-]{0,60}$/u.test(rest) ? rest : undefined;
  return { ...(email ? { email } : {}), ...(name ? { name } : {}) };
}
