import type { GraphIssue } from '../../src-shared/graph/issues';
import { issueText } from '../../src-shared/i18n/issue-text';
import { useLanguage, useT } from '../i18n/i18n';
import { useProjectStore } from '../store/project-store';

function select(issue: GraphIssue): void {
  const store = useProjectStore.getState();
  if ('node' in issue.target) store.select({ nodes: [issue.target.node], edges: [] });
  else if ('edge' in issue.target) store.select({ nodes: [], edges: [issue.target.edge] });
}

/** Every problem of the graph; clicking one selects the layer (or connection) it is about. */
export function IssueList({ issues }: { issues: readonly GraphIssue[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="issues" data-testid="summary-issues">
      <p className="issues__lead">{issues.length === 1 ? t('summary.invalidOne') : t('summary.invalid', { n: issues.length })}</p>
      <ul className="issues__list">
        {issues.map((issue, i) => (
          <li key={`${issue.code}-${i}`}>
            <button type="button" className="issue" data-testid={`issue-${issue.code}`} onClick={() => select(issue)}>
              <span className="issue__code">{t(`issue.${issue.code}`)}</span>
              <span className="issue__message">{issueText(language, issue)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="issues__hint">{t('summary.issueHint')}</p>
    </div>
  );
}
