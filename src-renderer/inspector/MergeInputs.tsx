import { useRef, useState } from 'react';
import { formatShape } from '../../src-shared/layers/format';
import type { GraphNode } from '../../src-shared/graph/schema';
import { useT } from '../i18n/i18n';
import { analysisOf } from '../store/analysis';
import { inboundEdges, moveInput } from '../store/ports';
import { useProjectStore } from '../store/project-store';

/**
 * A merge layer's inputs in the order it receives them, each with buttons that move it up or down
 * (one undo step each): the keyboard's way to reorder what the canvas's numbered input points show.
 */
export function MergeInputs({ node }: { node: GraphNode }) {
  const t = useT();
  const graph = useProjectStore((s) => s.project.graph);
  const analysis = analysisOf(graph);
  const inputs = inboundEdges(graph, node.id);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const [said, setSaid] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const move = (from: number, to: number, focus: 'up' | 'down') => {
    const edge = inputs[from]!;
    useProjectStore.getState().edit((g) => moveInput(g, node.id, from, to));
    setSaid(t('inspector.inputMoved', { name: names.get(edge.source) ?? edge.source, n: to + 1, count: inputs.length }));
    // Keep the keyboard on the input that moved (its button in the same direction, or the other one at an end).
    requestAnimationFrame(() => {
      const last = to === inputs.length - 1;
      const first = to === 0;
      const which = (focus === 'up' && first) || (focus === 'down' && !last) ? 'down' : 'up';
      buttons.current.get(`${edge.id}:${which}`)?.focus();
    });
  };

  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <section className="merge-inputs" data-testid="merge-inputs" aria-labelledby={`merge-inputs-${node.id}`}>
      <div className="inspector__section" id={`merge-inputs-${node.id}`}>
        {t('inspector.inputs')}
      </div>
      <p className="merge-inputs__help">{t('inspector.inputsHelp', { kind: node.kind })}</p>
      {inputs.length === 0 ? (
        <p className="merge-inputs__none">{t('inspector.inputsNone')}</p>
      ) : (
        <ol className="merge-inputs__list">
          {inputs.map((edge, i) => {
            const name = names.get(edge.source) ?? edge.source;
            const out = analysis.nodes.get(edge.source)?.output;
            return (
              <li key={edge.id} className="merge-inputs__item" data-testid={`merge-input-${i + 1}`}>
                <span className="merge-inputs__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="merge-inputs__name">{name}</span>
                <span className="merge-inputs__shape">{out ? formatShape(out.shape) : '—'}</span>
                <span className="merge-inputs__moves">
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    ref={ref(`${edge.id}:up`)}
                    disabled={i === 0}
                    aria-label={t('inspector.inputUp', { name, n: i })}
                    title={t('inspector.inputUp', { name, n: i })}
                    data-testid={`merge-input-up-${i + 1}`}
                    onClick={() => move(i, i - 1, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    ref={ref(`${edge.id}:down`)}
                    disabled={i === inputs.length - 1}
                    aria-label={t('inspector.inputDown', { name, n: i + 2 })}
                    title={t('inspector.inputDown', { name, n: i + 2 })}
                    data-testid={`merge-input-down-${i + 1}`}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
