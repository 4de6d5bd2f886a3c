import type { Summary } from './summary';
import { formatCount } from '../layers/format';

/** Keras 3's way of printing a byte size next to a parameter count: "770.35 KB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)} ${units[unit]}`;
}

function shapeText(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** A box table as Keras prints it; a cell with line breaks spans several text lines. */
function table(headers: string[], rows: string[][], rightAligned: boolean[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.flatMap((r) => r[i]!.split('\n').map((l) => l.length))));
  const cell = (text: string, i: number) => (rightAligned[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (l: string, m: string, r: string, fill: string) => l + widths.map((w) => fill.repeat(w + 2)).join(m) + r;
  const out = [line('┏', '┳', '┓', '━'), '┃' + headers.map((h, i) => ` ${cell(h, i)} `).join('┃') + '┃', line('┡', '╇', '┩', '━')];
  rows.forEach((row, k) => {
    const cells = row.map((c) => c.split('\n'));
    const height = Math.max(...cells.map((c) => c.length));
    for (let j = 0; j < height; j++) out.push('│' + cells.map((c, i) => ` ${cell(c[j] ?? '', i)} `).join('│') + '│');
    if (k < rows.length - 1) out.push(line('├', '┼', '┤', '─'));
  });
  out.push(line('└', '┴', '┘', '─'));
  return out;
}

/** The summary as Keras 3 prints it, followed by Convas's cost table. */
export function summaryText(summary: Summary): string {
  const rows = summary.layers.map((r) => [`${r.name} (${r.type})`, shapeText(r.outputShape), formatCount(r.params)]);
  // A functional model's summary says what feeds each layer, one "name[0][0]" per line, as Keras 3 prints it.
  const lines = summary.functional
    ? [
        `Model: "${summary.modelName}"`,
        ...table(
          ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'],
          rows.map((row, i) => {
            const inbound = summary.layers[i]!.inbound;
            return [...row, inbound.length === 0 ? '-' : inbound.map((n) => `${n}[0][0]`).join('\n')];
          }),
          [false, false, true, false],
        ),
      ]
    : [`Model: "${summary.modelName}"`, ...table(['Layer (type)', 'Output Shape', 'Param #'], rows, [false, false, true])];
  lines.push(
    ` Total params: ${formatCount(summary.totalParams)} (${formatBytes(summary.totalParams * 4)})`,
    ` Trainable params: ${formatCount(summary.trainableParams)} (${formatBytes(summary.trainableParams * 4)})`,
    ` Non-trainable params: ${formatCount(summary.nonTrainableParams)} (${formatBytes(summary.nonTrainableParams * 4)})`,
    '',
    'Cost per sample:',
  );
  const costRows = summary.layers
    .filter((r) => r.type !== 'InputLayer')
    .map((r) => [r.name, formatCount(r.macs), formatBytes(r.memoryBytes)]);
  costRows.push(['total', formatCount(summary.totalMacs), formatBytes(summary.totalMemoryBytes)]);
  lines.push(...table(['Layer', 'Multiply-accumulates', 'Activation memory'], costRows, [false, true, true]));
  return lines.join('\n');
}
