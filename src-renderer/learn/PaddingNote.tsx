import type { ConvPadding, SameStyle } from '../../src-shared/learn/convolution';
import { useLearnT } from './strings';

/** Where the zeros went and why, for the chosen padding and 'same' convention. */
export function PaddingNote(props: {
  kind: '1d' | '2d';
  n: number;
  k: number;
  padding: ConvPadding;
  sameStyle: SameStyle;
  before: number;
  after: number;
  /** 2-D: the other axis (columns). */
  cols?: { before: number; after: number };
}) {
  const t = useLearnT();
  const { padding, before, after } = props;
  const where =
    props.kind === '2d' && props.cols
      ? t('pad.where2d', { top: before, bottom: after, left: props.cols.before, right: props.cols.after })
      : t('pad.where1d', { before, after });
  const uneven = before !== after || (props.cols && props.cols.before !== props.cols.after);
  return (
    <div className="lx-padnote" data-testid="lab-padding">
      <p>
        <strong>{t(`pad.${padding}.title`)}</strong>{' '}
        {padding === 'same'
          ? props.kind === '2d' && props.cols
            ? t('pad.same.body2d', { rows: before + after, cols: props.cols.before + props.cols.after })
            : t('pad.same.body', { total: before + after })
          : t(`pad.${padding}.body`, { k: props.k, k1: props.k - 1 })}
      </p>
      <p className="lx-padnote__where">{where}</p>
      {padding === 'same' && uneven && (
        <p className="lx-padnote__style">{props.sameStyle === 'keras' ? t('pad.sameKeras') : t('pad.sameScipy')}</p>
      )}
    </div>
  );
}
