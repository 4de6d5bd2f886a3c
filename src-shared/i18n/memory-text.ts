/** Words a memory-budget refusal in a language: the engine (English, for the CLI), the training panel and the error banner share it. */
import type { MemoryProblemValues } from '../training/memory-budget';
import { translator } from './catalog';
import { formatBytesApprox, formatCountApprox } from './format';
import type { Language } from './language';

/** "dense: 1,960,000,100 parameters — training needs about 29 GB with Adam (batch 32); this computer allows 6 GB. …" */
export function memoryBudgetText(language: Language, values: MemoryProblemValues['memory-budget']): string {
  return translator(language, 'engine')(`error.memory-budget.${values.cause}`, {
    node: values.node,
    params: formatCountApprox(language, values.params),
    bytes: formatBytesApprox(language, values.bytes),
    budget: formatBytesApprox(language, values.budget),
    optimizer: translator(language, 'training')(`settings.optimizer.${values.optimizer}`),
    batch: values.batch,
    examples: values.examples,
  });
}
