/**
 * Every dictionary of Convas, by feature. One system: the same Message type, the same formatter
 * and the same translator for the renderer, the Electron main process and the CLI (English).
 */
import type { Dictionary, Translation, Vars } from './dictionary';
import { formatMessage } from './format';
import type { Language } from './language';
import { en as appEn } from './messages/app/en';
import { ko as appKo } from './messages/app/ko';
import { en as trainingEn } from './messages/training/en';
import { ko as trainingKo } from './messages/training/ko';
import { en as learnEn } from './messages/learn/en';
import { ko as learnKo } from './messages/learn/ko';
import { en as electronEn } from './messages/electron/en';
import { ko as electronKo } from './messages/electron/ko';
import { en as engineEn } from './messages/engine/en';
import { ko as engineKo } from './messages/engine/ko';
import { en as issuesEn } from './messages/issues/en';
import { ko as issuesKo } from './messages/issues/ko';
import { en as layersEn } from './messages/layers/en';
import { ko as layersKo } from './messages/layers/ko';
import { en as filesEn } from './messages/files/en';
import { ko as filesKo } from './messages/files/ko';
import { en as templatesEn } from './messages/templates/en';
import { ko as templatesKo } from './messages/templates/ko';
import { en as classesEn } from './messages/classes/en';
import { ko as classesKo } from './messages/classes/ko';
import { en as whatifEn } from './messages/whatif/en';
import { ko as whatifKo } from './messages/whatif/ko';
import { en as experimentsEn } from './messages/experiments/en';
import { ko as experimentsKo } from './messages/experiments/ko';

interface Feature<D extends Dictionary> {
  readonly en: D;
  readonly ko: Translation<D>;
}

const feature = <D extends Dictionary>(en: D, ko: Translation<D>): Feature<D> => ({ en, ko });

/** The dictionaries, one per feature; each is complete in every language. */
export const CATALOG = {
  app: feature(appEn, appKo),
  training: feature(trainingEn, trainingKo),
  learn: feature(learnEn, learnKo),
  electron: feature(electronEn, electronKo),
  engine: feature(engineEn, engineKo),
  issues: feature(issuesEn, issuesKo),
  layers: feature(layersEn, layersKo),
  templates: feature(templatesEn, templatesKo),
  files: feature(filesEn, filesKo),
  classes: feature(classesEn, classesKo),
  whatif: feature(whatifEn, whatifKo),
  experiments: feature(experimentsEn, experimentsKo),
} as const;

export type Namespace = keyof typeof CATALOG;

/** The keys of one feature's dictionary. */
export type KeyOf<N extends Namespace> = keyof (typeof CATALOG)[N]['en'] & string;

/** Words a key of one feature in one language. */
export type Translator<N extends Namespace> = (key: KeyOf<N>, vars?: Vars) => string;

/** Words the keys of one dictionary in one language. */
function wording<D extends Dictionary>(language: Language, dictionary: Translation<D>): (key: keyof D & string, vars?: Vars) => string {
  return (key, vars) => formatMessage(language, dictionary[key], vars);
}

function both<D extends Dictionary>(f: Feature<D>): Record<Language, (key: keyof D & string, vars?: Vars) => string> {
  return { en: wording('en', f.en), ko: wording('ko', f.ko) };
}

// Built once, so each (feature, language) has one stable function object for memoised views.
const TRANSLATORS: { readonly [N in Namespace]: Readonly<Record<Language, Translator<N>>> } = {
  app: both(CATALOG.app),
  training: both(CATALOG.training),
  learn: both(CATALOG.learn),
  electron: both(CATALOG.electron),
  engine: both(CATALOG.engine),
  issues: both(CATALOG.issues),
  layers: both(CATALOG.layers),
  templates: both(CATALOG.templates),
  files: both(CATALOG.files),
  classes: both(CATALOG.classes),
  whatif: both(CATALOG.whatif),
  experiments: both(CATALOG.experiments),
};

/** The translate function of a feature in a language; the same function object every time. */
export function translator<N extends Namespace>(language: Language, namespace: N): Translator<N> {
  return TRANSLATORS[namespace][language];
}
