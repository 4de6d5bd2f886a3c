import type { ConvOp, ConvPadding, SameStyle } from '../../src-shared/learn/convolution';
import { IntField, NumbersField, Segmented } from './controls';
import { DEFAULT_1D } from './lab-settings';
import { set1d, useLabStore } from './lab-state';
import { useLearnT, type LearnT } from './strings';

/** Operation, padding, 'same' convention and stride: the settings both the 1-D and the 2-D lab have. */
export function OpPaddingFields(props: {
  op: ConvOp;
  padding: ConvPadding;
  sameStyle: SameStyle;
  stride: number;
  maxStride: number;
  set: (p: { op?: ConvOp; padding?: ConvPadding; sameStyle?: SameStyle; stride?: number }) => void;
}) {
  const t = useLearnT();
  return (
    <>
      <Segmented
        label={t('set.operation')}
        value={props.op}
        onChange={(op) => props.set({ op })}
        options={[
          { value: 'correlate', label: t('set.correlate'), testId: 'lab-op-correlate', title: t('set.correlateTip') },
          { value: 'convolve', label: t('set.convolve'), testId: 'lab-op-convolve', title: t('set.convolveTip') },
        ]}
      />
      <Segmented
        label={t('set.padding')}
        value={props.padding}
        onChange={(padding) => props.set({ padding })}
        options={[
          { value: 'valid', label: 'valid', testId: 'lab-pad-valid', title: t('pad.valid.title') },
          { value: 'same', label: 'same', testId: 'lab-pad-same', title: t('pad.same.title') },
          { value: 'full', label: 'full', testId: 'lab-pad-full', title: t('pad.full.title') },
        ]}
      />
      <Segmented
        label={t('set.sameStyle')}
        value={props.sameStyle}
        onChange={(sameStyle) => props.set({ sameStyle })}
        disabled={props.padding !== 'same'}
        hint={t('set.sameStyleHint')}
        options={[
          { value: 'scipy', label: 'SciPy', testId: 'lab-same-scipy', title: t('pad.sameScipy') },
          { value: 'keras', label: 'Keras / TF', testId: 'lab-same-keras', title: t('pad.sameKeras') },
        ]}
      />
      <IntField
        label={t('set.stride')}
        value={props.stride}
        min={1}
        max={props.maxStride}
        onChange={(stride) => props.set({ stride })}
        testId="lab-stride"
        hint={t('set.strideHint')}
      />
    </>
  );
}

/** The left panel of the 1-D lab. */
export function ConvSettings1d(props: { xError: string | null; wError: string | null }) {
  const t = useLearnT();
  const s = useLabStore((st) => st.conv1d);
  return (
    <aside className="lx-lab__settings" aria-label={t('set.title')}>
      <NumbersField
        label={
          <>
            {t('set.input')} <span className="mono">x</span>
          </>
        }
        value={s.x}
        onChange={(x) => set1d({ x })}
        testId="lab-x"
        error={props.xError}
        placeholder="2, 8, 3, 7, 1, 2, 0, 4, 5"
      />
      <NumbersField
        label={
          <>
            {t('set.kernel')} <span className="mono">w</span>
          </>
        }
        value={s.w}
        onChange={(w) => set1d({ w })}
        testId="lab-w"
        error={props.wError}
        placeholder="2, 1, 5, 3"
        rows={1}
      />
      <OpPaddingFields op={s.op} padding={s.padding} sameStyle={s.sameStyle} stride={s.stride} maxStride={16} set={set1d} />
      <ResetButton t={t} onClick={() => set1d(DEFAULT_1D)} />
    </aside>
  );
}

export function ResetButton({ t, onClick }: { t: LearnT; onClick: () => void }) {
  return (
    <button type="button" className="btn btn--small btn--ghost lx-lab__reset" data-testid="lab-reset" onClick={onClick}>
      {t('set.reset')}
    </button>
  );
}
