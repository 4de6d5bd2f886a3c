// Draws the network onto a <canvas> (rounded boxes, curved connections, shape labels) and encodes it as PNG.
import type { Graph } from '../../src-shared/graph/schema';
import type { GraphAnalysis } from '../../src-shared/graph/analyze';
import { layerKind } from '../../src-shared/layers/registry';
import { formatShape } from '../../src-shared/layers/format';
import { translator } from '../../src-shared/i18n/catalog';
import { describeText } from '../../src-shared/i18n/layer-text';
import type { Language } from '../../src-shared/i18n/language';
import { NODE_HEIGHT, NODE_WIDTH } from '../store/graph-edit';
import { issuesOfNode } from '../store/analysis';

export interface Size {
  readonly width: number;
  readonly height: number;
}

const PAD = 48;
const SCALE = 2;
const FONT = '"Inter", "Segoe UI", "Noto Sans KR", system-ui, sans-serif';
const MONO = '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace';

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}

/**
 * Renders the graph as a PNG image in a language; `sizes` are the nodes' measured sizes on the canvas, and
 * `caption` (e.g. the project name and its parameter count) is written above the network.
 */
export async function renderGraphPng(
  graph: Graph,
  analysis: GraphAnalysis,
  sizes: ReadonlyMap<string, Size>,
  language: Language,
  caption?: string,
): Promise<Blob> {
  const box = (id: string) => {
    const n = graph.nodes.find((m) => m.id === id)!;
    const s = sizes.get(id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
    return { x: n.position.x, y: n.position.y, w: s.width, h: s.height };
  };
  const boxes = graph.nodes.map((n) => box(n.id));
  const minX = Math.min(0, ...boxes.map((b) => b.x));
  const minY = Math.min(0, ...boxes.map((b) => b.y));
  const maxX = Math.max(NODE_WIDTH, ...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(NODE_HEIGHT, ...boxes.map((b) => b.y + b.h));
  const captionHeight = caption ? 36 : 0;
  const width = Math.max(maxX - minX + 2 * PAD, caption ? 360 : 0);
  const height = maxY - minY + 2 * PAD + captionHeight;

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.scale(SCALE, SCALE);
  ctx.translate(PAD - minX, PAD - minY + captionHeight);

  const ink = cssVar('--ink', '#1f2430');
  const muted = cssVar('--ink-muted', '#667085');
  const line = cssVar('--edge', '#98a2b3');
  const danger = cssVar('--danger', '#d92d20');
  ctx.fillStyle = cssVar('--canvas-bg', '#f6f7f9');
  ctx.fillRect(minX - PAD, minY - PAD - captionHeight, width, height);
  if (caption) {
    ctx.fillStyle = ink;
    ctx.font = `600 15px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(caption, minX - PAD + 24, minY - PAD - captionHeight + 36);
  }

  // Connections first, so boxes sit on top of them.
  for (const e of graph.edges) {
    if (!graph.nodes.some((n) => n.id === e.source) || !graph.nodes.some((n) => n.id === e.target)) continue;
    const s = box(e.source);
    const t = box(e.target);
    const x1 = s.x + s.w / 2;
    const y1 = s.y + s.h;
    const x2 = t.x + t.w / 2;
    const y2 = t.y;
    const bend = Math.max(30, Math.abs(y2 - y1) / 2);
    const bad = analysis.issues.some((i) => 'edge' in i.target && i.target.edge === e.id);
    ctx.strokeStyle = bad ? danger : line;
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo(x1, y1 + bend, x2, y2 - bend, x2, y2);
    ctx.stroke();
    // Arrow head.
    ctx.fillStyle = bad ? danger : line;
    ctx.beginPath();
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - 5, y2 - 9);
    ctx.lineTo(x2 + 5, y2 - 9);
    ctx.closePath();
    ctx.fill();
    const out = analysis.nodes.get(e.source)?.output;
    if (out) {
      const label = formatShape(out.shape);
      ctx.font = `500 11px ${MONO}`;
      const w = ctx.measureText(label).width + 14;
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      ctx.fillStyle = '#ffffff';
      roundRect(ctx, mx - w / 2, my - 10, w, 20, 10);
      ctx.fill();
      ctx.strokeStyle = cssVar('--line', '#e4e7ec');
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = muted;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(label, mx, my + 0.5);
    }
  }

  for (const n of graph.nodes) {
    const b = box(n.id);
    const report = analysis.nodes.get(n.id);
    const kind = layerKind(n.kind);
    const group = (kind?.group ?? 'Core').toLowerCase();
    const accent = cssVar(`--group-${group}`, '#475467');
    const bad = issuesOfNode(analysis, n.id).length > 0;

    ctx.save();
    ctx.shadowColor = 'rgba(16, 24, 40, 0.08)';
    ctx.shadowBlur = 8;
    ctx.shadowOffsetY = 2;
    ctx.fillStyle = '#ffffff';
    roundRect(ctx, b.x, b.y, b.w, b.h, 10);
    ctx.fill();
    ctx.restore();
    ctx.strokeStyle = bad ? danger : cssVar('--line', '#e4e7ec');
    ctx.lineWidth = bad ? 2 : 1;
    roundRect(ctx, b.x, b.y, b.w, b.h, 10);
    ctx.stroke();
    // Group colour bar on the left.
    ctx.save();
    roundRect(ctx, b.x, b.y, b.w, b.h, 10);
    ctx.clip();
    ctx.fillStyle = accent;
    ctx.fillRect(b.x, b.y, 4, b.h);
    ctx.restore();

    const left = b.x + 16;
    const maxText = b.w - 28;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = accent;
    ctx.font = `600 11px ${FONT}`;
    ctx.fillText(n.kind === 'InputLayer' ? 'INPUT' : n.kind.toUpperCase(), left, b.y + 20);
    ctx.fillStyle = ink;
    ctx.font = `600 14px ${FONT}`;
    ctx.fillText(ellipsize(ctx, n.name, maxText), left, b.y + 40);
    if (report?.params !== undefined && kind) {
      ctx.fillStyle = muted;
      ctx.font = `12px ${FONT}`;
      ctx.fillText(ellipsize(ctx, describeText(language, kind.describe(report.params)), maxText), left, b.y + 58);
    }
    ctx.font = `500 11px ${MONO}`;
    ctx.fillStyle = bad ? danger : ink;
    const shape = report?.output ? formatShape(report.output.shape) : bad ? '!' : '?';
    ctx.fillText(shape, left, b.y + b.h - 14);
    if (report?.paramCount) {
      const count = report.paramCount.trainable.value + report.paramCount.nonTrainable.value;
      ctx.textAlign = 'right';
      ctx.fillStyle = muted;
      ctx.fillText(translator(language, 'app')('node.params', { n: count }), b.x + b.w - 12, b.y + b.h - 14);
    }
  }

  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png');
  });
}
