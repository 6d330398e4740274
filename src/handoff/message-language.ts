import { words as splitWords } from '../text/words.js';

/**
 * Languages Handrail's user-facing messages are written in: every language the guard reads
 * (`src/guard/lexicon/languages/`). Anything else gets English.
 */
export const messageLanguages = [
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'tr',
  'ru',
  'uk',
  'ar',
  'hi',
  'id',
  'vi',
  'th',
  'zh',
  'ja',
  'ko',
  'sv',
  'da',
  'nb',
  'fi',
  'sr',
  'lt',
  'kk',
] as const;
export type MessageLanguage = (typeof messageLanguages)[number];

/** Tags that name a message language by another code: `no` (Norwegian) is written in Bokmål. */
const aliases: ReadonlyMap<string, MessageLanguage> = new Map([['no', 'nb']]);

/** The message language for a BCP 47 tag: `pt-BR` gives `pt`, `no` gives `nb`; unknown or missing gives `en`. */
export function messageLanguage(language?: string): MessageLanguage {
  const tag = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const primary = aliases.get(tag) ?? tag;
  return (messageLanguages as readonly string[]).includes(primary) ? (primary as MessageLanguage) : 'en';
}

/** Languages that write sentences one after another without a space. */
const unspacedSentences: ReadonlySet<MessageLanguage> = new Set(['zh', 'ja']);

/** Sentences joined as the language writes them, leaving out the empty ones. */
export function joinSentences(language: MessageLanguage, sentences: Array<string | false | undefined>): string {
  return sentences.filter(Boolean).join(unspacedSentences.has(language) ? '' : ' ');
}

/**
 * The name for `language` among localized names keyed by BCP 47 tags: the exact tag
 * (`pt-BR`), then its primary language (`pt`), else `fallback`.
 */
export function localizedName(
  language: string | undefined,
  fallback: string | undefined,
  names: Record<string, string> | undefined,
): string | undefined {
  if (!names || !language) return fallback;
  const byTag = new Map(Object.entries(names).map(([tag, name]) => [tag.toLowerCase().replace('_', '-'), name]));
  const tag = language.trim().toLowerCase().replace('_', '-');
  const primary = tag.split('-')[0] ?? tag;
  return (byTag.get(tag) ?? byTag.get(primary) ?? fallback)?.trim() || fallback;
}

/** Words that already say "team" in a team's name, so no message says "team team". */
const teamWords = [
  'team',
  'equipo',
  'equipe',
  'équipe',
  'squadra',
  'ekip',
  'ekibi',
  'tim',
  'nhóm',
  'đội',
  'zespół',
  'teamet',
  'tiimi',
];
const teamWordsUnspaced = ['チーム', '团队', '團隊', '팀', 'ทีม', 'فريق', 'टीम'];

/** True when a team's display name already has a word for "team" ("Support Team", "サポートチーム"). */
export function namesTeam(name: string): boolean {
  const lower = name.toLowerCase();
  const words = splitWords(lower, { apostrophes: 'split' });
  return teamWords.some((word) => words.includes(word)) || teamWordsUnspaced.some((word) => lower.includes(word));
}
