import type { Translation } from '../../dictionary';
import type { en } from './en';

/** 파일을 열 수 없는 이유와 해결 방법: 프로젝트 파일, Keras·TensorFlow.js 모델 JSON. */
export const ko: Translation<typeof en> = {
  'project.not-object':
    'Convas 프로젝트가 아닙니다: "formatVersion"이 있는 JSON 객체여야 합니다. Convas로 저장한 .convas.json 파일을 여세요.',
  'project.no-version': 'Convas 프로젝트가 아닙니다: "formatVersion"이 없거나 정수가 아닙니다. Convas로 저장한 .convas.json 파일을 여세요.',
  'project.newer-version':
    '더 새로운 Convas로 저장한 프로젝트입니다 (형식 {version}). 이 버전은 형식 1부터 {current}까지 읽습니다. 열려면 Convas를 업데이트하세요.',
  'project.no-migration': '프로젝트 형식 {version}을(를) 변환할 방법이 없어 파일을 열 수 없습니다.',
  'project.damaged-version':
    '형식 {version}의 프로젝트가 손상되었습니다: {detail}. 위에 적힌 곳을 텍스트 편집기로 고치거나, 프로젝트의 이전 사본을 여세요.',
  'project.damaged': '프로젝트 파일이 손상되었습니다: {detail}. 위에 적힌 곳을 텍스트 편집기로 고치거나, 프로젝트의 이전 사본을 여세요.',
  'project.not-json':
    '올바른 JSON 파일이 아닙니다 ({detail}). 파일이 잘렸거나 프로젝트가 아닐 수 있습니다. Convas로 저장한 .convas.json 파일을 여세요.',
  'project.bad-setting': "층 '{layer}': {problem}.",

  'keras.not-object': 'Keras 모델이 아닙니다: JSON 객체여야 합니다.',
  'keras.no-class-name':
    'Keras 모델이 아닙니다: 맨 위에 "class_name"이 없습니다 (model.to_json()의 출력이나 TensorFlow.js model.json이어야 합니다).',
  'keras.not-sequential':
    '이 모델은 Keras {cls} 모델입니다. Convas는 Sequential 모델(층이 한 줄로 이어진 모델)만 가져옵니다 — keras.Sequential로 다시 만드세요.',
  'keras.no-layers-list': '이 Sequential 모델의 config에 "layers" 목록이 없습니다.',
  'keras.bad-layer': '모델의 {index}번째 층이 {"class_name", "config"} 객체가 아닙니다.',
  'keras.unsupported-layer': "층의 클래스 '{cls}'는 Convas가 아직 지원하지 않습니다 — 지원하는 클래스: {supported}.",
  'keras.unsupported-named-layer': "층 '{layer}'의 클래스 '{cls}'는 Convas가 아직 지원하지 않습니다 — 지원하는 클래스: {supported}.",
  'keras.input-not-first': "InputLayer '{layer}'가 첫 번째 층이 아닙니다. Sequential 모델의 입력은 맨 앞에 하나만 있습니다.",
  'keras.no-input-shape': "모델이 입력 크기를 알려 주지 않습니다: InputLayer도 없고 '{layer}'에 batch_input_shape도 없습니다.",
  'keras.no-layers': '이 Sequential 모델에는 층이 없습니다.',
  'keras.bad-setting': "층 '{layer}': {problem}.",

  'format.not-json': '{file}은(는) 올바른 JSON이 아닙니다 ({detail}).',
  'format.unknown-format':
    '{file}은(는) Convas 프로젝트("formatVersion" 없음)도, Keras 모델("class_name" 없음)도, TensorFlow.js model.json("modelTopology" 없음)도 아닙니다.',
  'file.in': '{file}: {problem}',
};
