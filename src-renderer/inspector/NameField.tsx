import { useState } from 'react';
import type { GraphNode } from '../../src-shared/graph/schema';
import { useT } from '../i18n/i18n';
import { renameNode } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { TextField } from './TextField';

/** The layer's name; an empty name is refused (with a message) rather than stored. */
export function NameField({ node, errors }: { node: GraphNode; errors: readonly string[] }) {
  const t = useT();
  const [empty, setEmpty] = useState(false);
  const bad = empty || errors.length > 0;
  return (
    <div className={`field${bad ? ' has-error' : ''}`} data-testid="field-name">
      <label className="field__label" htmlFor={`name-${node.id}`}>
        <code>{t('inspector.name')}</code>
      </label>
      <TextField
        id={`name-${node.id}`}
        className={`input${bad ? ' is-invalid' : ''}`}
        value={node.name}
        aria-invalid={bad}
        onCommit={(text) => {
          const name = text.trim();
          setEmpty(name.length === 0);
          useProjectStore.getState().edit((g) => renameNode(g, node.id, name), `name:${node.id}`);
          return name.length === 0 ? node.name : name;
        }}
      />
      <p className="field__help">{t('inspector.nameHelp')}</p>
      {empty && (
        <p className="field__error" role="alert">
          {t('inspector.nameEmpty')}
        </p>
      )}
      {errors.map((e) => (
        <p key={e} className="field__error" role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}
