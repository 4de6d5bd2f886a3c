import type { Dictionary, Message } from '../../dictionary';
import type { AlternativeValues } from '../../../what-if/alternatives';

type Codes = `alt.${keyof AlternativeValues & string}`;

/** The inspector's what-if strip in English: each alternative, its costs, and why it would break the network. */
export const en = {
  title: 'What if…',
  help: 'What each change would do to the whole network, before training. Click one to make it; Ctrl+Z takes it back.',
  'alt.padding': "padding '{padding}'",
  'alt.strides': 'stride {n}',
  'alt.kernel': 'kernel {n}×{n}',
  'alt.filters': '{to} filters (now {from})',
  'alt.units': '{to} units (now {from})',
  'alt.pooling': '{kind} instead',
  'alt.dropout-off': 'without this Dropout ({rate})',
  'alt.dropout-on': 'Dropout({rate}) after it',
  params: 'params',
  macs: 'MACs',
  memory: 'memory',
  /** A change and the new total: "−27,000 → 170,210". */
  change: '{delta} → {total}',
  shapes: 'Shapes that change',
  noShapes: 'No output shape changes.',
  shape: '{name}: {before} → {after}',
  breaks: 'Breaks the network:',
  apply: 'Make this change: {change}. Ctrl+Z takes it back.',
  explainBreak: 'Make this change anyway: {change}. The network would then need fixing; Ctrl+Z takes it back.',
} as const satisfies Dictionary & Record<Codes, Message>;
