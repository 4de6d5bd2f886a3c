/** Words the validation of a network in a language: the one place renderer and CLI turn issues into sentences. */
import type { GraphIssue } from '../graph/issues';
import type { LayerProblem } from '../layers/types';
import type { PlanProblem } from '../training/compatibility';
import { translator } from './catalog';
import type { Language } from './language';

/** What is wrong with a layer, without its name ("a 5×5 kernel does not fit its 4×4 input …"). */
export function problemText(language: Language, problem: LayerProblem): string {
  return translator(language, 'issues')(`problem.${problem.code}`, problem.values);
}

/** The sentence of an issue: what is wrong, where, and what to do. */
export function issueText(language: Language, issue: GraphIssue): string {
  const t = translator(language, 'issues');
  if (issue.code !== 'bad-param' && issue.code !== 'shape') return t(`issue.${issue.code}`, issue.values);
  const text = t('issue.layer', { node: issue.values.node, problem: problemText(language, issue.problem) });
  if (issue.got === undefined) return text;
  return issue.got === null ? t('issue.gotNothing', { text }) : t('issue.got', { text, got: issue.got });
}

/** Why a valid network cannot train on the dataset. */
export function planText(language: Language, problem: PlanProblem): string {
  return translator(language, 'issues')(`plan.${problem.code}`, problem.values);
}
