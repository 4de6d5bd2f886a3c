import type { Translation } from '../../dictionary';
import type { en } from './en';

/** 데스크톱 앱의 메뉴와 대화 상자. */
export const ko: Translation<typeof en> = {
  // ---- 메뉴 ----
  file: '파일(&F)',
  new: '새로 만들기',
  open: '열기…',
  recent: '최근 파일',
  noRecent: '최근 파일이 없습니다',
  clearRecent: '목록 지우기',
  save: '저장',
  saveAs: '다른 이름으로 저장…',
  importModel: '케라스 / TensorFlow.js 모델 가져오기…',
  openTrainedModel: '훈련된 모델 열기…',
  export: '내보내기',
  exportKeras: '케라스 JSON…',
  exportTfjs: 'TensorFlow.js 모델…',
  exportPython: '파이썬 스크립트…',
  exportPytorch: '파이토치 모듈…',
  exportPng: 'PNG 이미지…',
  quit: '종료',
  edit: '편집(&E)',
  undo: '실행 취소',
  redo: '다시 실행',
  cut: '잘라내기',
  copy: '복사',
  paste: '붙여넣기',
  selectAll: '모두 선택',
  view: '보기(&V)',
  fitView: '창에 맞추기',
  arrange: '레이어 정렬',
  zoomIn: '확대',
  zoomOut: '축소',
  resetZoom: '실제 크기',
  fullScreen: '전체 화면',
  language: '언어',
  reload: '새로 고침',
  devTools: '개발자 도구',
  window: '창(&W)',
  help: '도움말(&H)',
  about: 'Convas 정보',

  // ---- 파일 대화 상자: 용도별 제목 ----
  'dialog.open.project': '프로젝트 열기',
  'dialog.open.model': '케라스 / TensorFlow.js 모델 가져오기',
  'dialog.open.trained-model': '훈련된 모델 열기: model.json과 weights.bin(과 convas-dataset.json)',
  'dialog.save.project': '프로젝트 저장',
  'dialog.save.keras-json': '케라스 JSON 내보내기',
  'dialog.save.tfjs-model': 'TensorFlow.js 모델 내보내기',
  'dialog.save.onnx': 'ONNX 모델 내보내기',
  'dialog.save.python': '파이썬 스크립트 내보내기',
  'dialog.save.png': 'PNG 이미지 내보내기',
  'dialog.folder': '{title} — 파일을 저장할 폴더 선택',
  'dialog.exists': { count: 'count', other: '이 폴더에 {names} 파일이 이미 있습니다. 바꿀까요?' },
  'dialog.replace': '바꾸기',
  'dialog.cancel': '취소',
  'dialog.dataDir.images': '그림 폴더 선택(클래스마다 하위 폴더 하나)',
  'dialog.dataDir.cifar10': 'CIFAR-10 바이너리 파일이 있는 폴더 선택',
  'dialog.dataDir.directory': 'IDX 파일이 있는 폴더 선택',

  // ---- 파일 형식 필터 ----
  'filter.project': 'Convas 프로젝트',
  'filter.model': '케라스 또는 TensorFlow.js 모델 (JSON)',
  'filter.trained-model': 'TensorFlow.js 모델과 가중치',
  'filter.keras-json': '케라스 모델 JSON',
  'filter.tfjs-model': 'TensorFlow.js 모델',
  'filter.onnx': 'ONNX 모델',
  'filter.python': '파이썬 스크립트',
  'filter.png': 'PNG 이미지',
  'filter.all': '모든 파일',

  // ---- 파일: 열기나 쓰기가 실패한 이유 ----
  'file.cannotOpen': '{name} 파일을 열 수 없습니다: {reason}.',
  'file.tooMany': '한 번에 파일을 {max}개까지만 고르세요.',
  'file.cannotWrite': '{name} 파일을 쓸 수 없습니다: {reason}. 아무것도 바뀌지 않았습니다.',
  'file.notRecent': '{name} 파일은 최근 파일 목록에 없습니다.',
  'file.leavesFolder': '파일 이름이 선택한 폴더 밖을 가리킵니다.',
  'file.reason.missing': '파일이 없습니다',
  'file.reason.denied': '권한이 없습니다',
  'file.reason.folder': '폴더입니다',
  'file.reason.diskFull': '디스크가 가득 찼습니다',
  'file.reason.readOnly': '디스크가 읽기 전용입니다',
  'file.reason.tooLarge': '{mb} MB보다 큽니다',

  // ---- 정보 ----
  'about.tagline': '합성곱 신경망을 설계하고, 학습하고, 들여다보는 도구',

  // ---- 저장하지 않은 변경 사항이 있을 때 닫기 ----
  'close.message': '저장하지 않은 변경 사항이 있습니다.',
  'close.detail': '"{title}"의 변경 사항이 파일에 저장되지 않았습니다.',
  'close.cancel': '취소',
  'close.discard': '저장하지 않고 닫기',

  // ---- 창의 렌더러가 멈췄을 때 ----
  'rendererGone.message': 'Convas 창이 예기치 않게 멈췄습니다.',
  'rendererGone.detail': '({reason}) 작업은 자동 저장되어 있으며 다시 불러오면 복구할 수 있습니다.',
  'rendererGone.reload': '다시 불러오기',
  'rendererGone.quit': '종료',

  // ---- 학습 엔진 프로세스 ----
  'engine.crashed': '학습 엔진이 예기치 않게 멈췄습니다(종료 코드 {code}). 학습을 다시 시작하세요. 설계에는 영향이 없습니다',
  'engine.crashedWithDetail':
    '학습 엔진이 예기치 않게 멈췄습니다(종료 코드 {code}): {detail} — 학습을 다시 시작하세요. 설계에는 영향이 없습니다',

  // ---- 시작 ----
  startFailed: 'Convas를 시작할 수 없습니다',
};
