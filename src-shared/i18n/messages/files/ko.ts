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
  'keras.not-a-model':
    '이것은 Keras {cls}이며 Convas가 가져올 수 있는 모델이 아닙니다. Convas는 model.to_json()으로 쓰거나 TensorFlow.js model.json으로 저장한 Sequential 모델과 함수형 모델(keras.Sequential, keras.Model)을 읽습니다.',
  'keras.no-layers-list': '이 모델의 config에 "layers" 목록이 없습니다.',
  'keras.bad-layer': '모델의 {index}번째 층이 {"class_name", "config"} 객체가 아닙니다.',
  'keras.unsupported-layer': "층의 클래스 '{cls}'는 Convas가 아직 지원하지 않습니다 — 지원하는 클래스: {supported}.",
  'keras.unsupported-named-layer': "층 '{layer}'의 클래스 '{cls}'는 Convas가 아직 지원하지 않습니다 — 지원하는 클래스: {supported}.",
  'keras.input-not-first': "InputLayer '{layer}'가 첫 번째 층이 아닙니다. Sequential 모델의 입력은 맨 앞에 하나만 있습니다.",
  'keras.no-input-shape': "모델이 입력 크기를 알려 주지 않습니다: InputLayer도 없고 '{layer}'에 batch_input_shape도 없습니다.",
  'keras.no-layers': '이 모델에는 층이 없습니다.',
  'keras.bad-setting': "층 '{layer}': {problem}.",
  'keras.nested-model':
    "층 '{layer}'은(는) 그 자체로 {cls} 모델입니다. Convas는 네트워크 안에 모델을 넣을 수 없습니다 — 그 자리에 그 모델의 층들을 넣어 네트워크를 다시 만드세요.",
  'keras.shared-layer':
    "층 '{layer}'이(가) {calls}번 호출되어 네트워크의 여러 곳이 가중치를 공유합니다. Convas에서는 모든 층이 한 곳에만 놓입니다 — 호출마다 따로 층을 두세요.",
  'keras.several-inputs':
    '이 모델에는 입력이 {count}개 있습니다. Convas 네트워크의 Input은 정확히 하나입니다 — keras.Input 하나로 만든 모델을 가져오세요.',
  'keras.several-outputs':
    '이 모델에는 출력이 {count}개 있습니다. Convas 네트워크의 출력은 정확히 하나입니다 — 출력 텐서가 하나인 모델을 가져오세요.',
  'keras.unnamed-layer':
    '이 함수형 모델의 {index}번째 층에 이름이 없습니다. 층 사이의 연결은 이름으로 이어지므로 파일에서 이름을 붙이세요.',
  'keras.duplicate-layer':
    "'{layer}'라는 이름의 층이 둘 있습니다. 함수형 모델의 연결은 이름으로 이어지므로 이름은 모두 달라야 합니다 — 파일에서 하나의 이름을 바꾸세요.",
  'keras.bad-inbound':
    "층 '{layer}': inbound_nodes가 Keras나 TensorFlow.js가 쓰는 형식이 아니거나, Convas가 담을 수 없는 것(어떤 층의 두 번째 출력, 상수, 추가 텐서 인자)을 입력으로 받습니다 — Keras로 모델을 다시 저장해 그 파일을 가져오세요.",
  'keras.unknown-inbound':
    "층 '{layer}'은(는) '{source}'에서 입력을 받는데, '{source}'은(는) 이 모델의 층이 아닙니다 — 파일이 손상되었습니다. Keras로 모델을 다시 저장하세요.",
  'keras.bad-ends':
    '모델의 input_layers와 output_layers가 InputLayer와 모델의 층 하나를 가리키지 않습니다 — 파일이 손상되었습니다. Keras로 모델을 다시 저장하세요.',

  'format.not-json': '{file}은(는) 올바른 JSON이 아닙니다 ({detail}).',
  'format.unknown-format':
    '{file}은(는) Convas 프로젝트("formatVersion" 없음)도, Keras 모델("class_name" 없음)도, TensorFlow.js model.json("modelTopology" 없음)도 아닙니다.',
  'file.in': '{file}: {problem}',

  'pytorch.transpose-output-padding':
    "'{layer}' 층: output_padding이 있는 Conv2DTranspose는 파이토치로 정확히 내보낼 수 없습니다(Convas도 훈련할 수 없습니다) — output_padding을 None으로 두세요.",
  'pytorch.transpose-dilation':
    "'{layer}' 층: dilation_rate가 1보다 큰 Conv2DTranspose는 파이토치로 정확히 내보낼 수 없습니다(Convas도 훈련할 수 없습니다) — dilation_rate를 1로 두세요.",
  'pytorch.axis-outside': "'{layer}' 층: axis가 입력의 차원이 아니어서 파이토치의 차원으로 옮길 수 없습니다 — axis를 고치세요.",
  'trained.no-model-json':
    '고른 파일 중에 TensorFlow.js model.json이 없습니다: model.json을 weights.bin(있다면 convas-dataset.json도)과 함께 고르세요.',
  'trained.no-manifest':
    '{file}에는 가중치 목록(weightsManifest)이 없습니다: 훈련된 모델이 아니라 설계만 담고 있습니다. 가져오기…로 열거나, 가중치와 함께 저장된 model.json을 고르세요.',
  'trained.missing-weights': '{file}의 가중치는 {weights}에 있는데 이 파일을 고르지 않았습니다: {file}과(와) 함께 {weights}도 고르세요.',
  'trained.too-large':
    'model.json과 가중치가 {size} MB입니다. 브라우저 모드는 엔진에 한 번에 {max} MB까지만 보낼 수 있습니다. 데스크톱 앱에서 열거나 명령줄(convas predict)로 예측하세요.',
  'trained.bad-dataset-file': 'convas-dataset.json이 Convas가 쓴 파일이 아닙니다: 빼고 열거나, Convas에서 모델을 다시 내보내세요.',
};
