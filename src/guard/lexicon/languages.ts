import { arabic } from './languages/ar.js';
import { danish } from './languages/da.js';
import { german } from './languages/de.js';
import { english } from './languages/en.js';
import { spanish } from './languages/es.js';
import { finnish } from './languages/fi.js';
import { french } from './languages/fr.js';
import { hindi } from './languages/hi.js';
import { indonesian } from './languages/id.js';
import { italian } from './languages/it.js';
import { japanese } from './languages/ja.js';
import { kazakh } from './languages/kk.js';
import { korean } from './languages/ko.js';
import { lithuanian } from './languages/lt.js';
import { norwegian } from './languages/nb.js';
import { dutch } from './languages/nl.js';
import { polish } from './languages/pl.js';
import { portuguese } from './languages/pt.js';
import { russian } from './languages/ru.js';
import { serbian } from './languages/sr.js';
import { swedish } from './languages/sv.js';
import { thai } from './languages/th.js';
import { turkish } from './languages/tr.js';
import { ukrainian } from './languages/uk.js';
import { vietnamese } from './languages/vi.js';
import { chinese } from './languages/zh.js';
import type { Lexicon } from './lexicon.js';

/** The built-in lexicons, one a language. Adding a language is adding its file here. */
export const builtInLexicons: readonly Lexicon[] = [
  english,
  spanish,
  portuguese,
  french,
  german,
  italian,
  dutch,
  swedish,
  danish,
  norwegian,
  finnish,
  polish,
  turkish,
  russian,
  ukrainian,
  arabic,
  hindi,
  indonesian,
  vietnamese,
  thai,
  chinese,
  japanese,
  korean,
  serbian,
  lithuanian,
  kazakh,
];
