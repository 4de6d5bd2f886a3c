/** Words what the layer kinds return as codes: node descriptions, formula captions and parameter help. */
import type { Caption, DescriptionPart, Explained, HelpCode } from '../layers/types';
import { translator } from './catalog';
import type { Language } from './language';

/** A node's one-line description, e.g. "10 × 3×3, same, relu". */
export function describeText(language: Language, parts: readonly DescriptionPart[]): string {
  const t = translator(language, 'layers');
  return parts.map((part) => t(`describe.${part.code}`, part.values)).join(t('describe.separator'));
}

/** The words beside a formula, e.g. "unchanged". */
export function captionText(language: Language, caption: Caption): string {
  return translator(language, 'layers')(`caption.${caption.code}`, caption.values);
}

/** A formula with its caption, e.g. "28 (unchanged)" or "3·3·1·10 + 10 = 100". */
export function formulaText(language: Language, explained: Explained): string {
  if (!explained.caption) return explained.formula;
  return translator(language, 'layers')('caption.line', { formula: explained.formula, caption: captionText(language, explained.caption) });
}

/** The help of one parameter of one layer kind. */
export function helpText(language: Language, help: HelpCode): string {
  return translator(language, 'layers')(`help.${help}`);
}
