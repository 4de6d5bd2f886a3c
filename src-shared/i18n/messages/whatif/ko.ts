import type { Translation } from '../../dictionary';
import type { en } from './en';

/** 인스펙터의 "이렇게 바꾸면" 띠: 각 대안, 그 비용, 그리고 신경망이 깨지는 이유. */
export const ko: Translation<typeof en> = {
  title: '이렇게 바꾸면…',
  help: '학습 전에, 각 변경이 신경망 전체에 주는 영향입니다. 누르면 바로 적용되고, Ctrl+Z로 되돌립니다.',
  'alt.padding': "패딩 '{padding}'",
  'alt.strides': '스트라이드 {n}',
  'alt.kernel': '커널 {n}×{n}',
  'alt.filters': '필터 {to}개 (지금 {from}개)',
  'alt.units': '유닛 {to}개 (지금 {from}개)',
  'alt.pooling': '대신 {kind} 쓰기',
  'alt.dropout-off': '이 드롭아웃({rate}) 빼기',
  'alt.dropout-on': '뒤에 드롭아웃({rate}) 넣기',
  params: '매개변수',
  macs: '곱셈-누산',
  memory: '메모리',
  change: '{delta} → {total}',
  shapes: '바뀌는 출력 크기',
  noShapes: '출력 크기는 그대로입니다.',
  shape: '{name}: {before} → {after}',
  breaks: '신경망이 깨집니다:',
  apply: '이렇게 바꾸기: {change}. Ctrl+Z로 되돌립니다.',
  explainBreak: '그래도 바꾸기: {change}. 그 뒤 신경망을 고쳐야 합니다. Ctrl+Z로 되돌립니다.',
};
