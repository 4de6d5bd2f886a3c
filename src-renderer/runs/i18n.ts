import { useFeatureT } from '../i18n/i18n';
import type { ExperimentsT } from './strings';

export type { ExperimentsT };

/** The run list's and compare view's words in the app's language; components re-render when it changes. */
export function useExperimentsT(): ExperimentsT {
  return useFeatureT('experiments');
}
