/** The Runs tab's words: the 'experiments' dictionary of src-shared/i18n. */
import type { Translator } from '../../src-shared/i18n/catalog';

export type ExperimentsT = Translator<'experiments'>;
