import type { Translation } from '../../dictionary';
import type { en } from './en';

/** The engine's words, in Korean. */
export const ko: Translation<typeof en> = {
  'error.graph-issues': { count: 'count', other: '캔버스에 표시된 문제 {count}개를 고친 뒤 다시 훈련하세요.' },
  'error.not-trainable': '입력은 데이터셋의 이미지를 받을 수 있어야 하고, 마지막 층은 클래스마다 값 하나를 내야 합니다.',
  'error.backend-unavailable': '{backend} 백엔드를 이 컴퓨터에서 시작할 수 없습니다. 다른 백엔드나 자동을 고르세요.',
  'error.no-backend': '이 컴퓨터에서는 TensorFlow.js 백엔드를 하나도 시작할 수 없습니다.',
  'error.dataset.not-found':
    '데이터셋 폴더를 찾을 수 없거나 여기서는 읽을 수 없습니다 (브라우저 모드는 시작할 때 --data-dir로 지정한 폴더만 읽습니다).',
  'error.dataset.missing-files':
    '폴더에 IDX 파일 네 개(train-images, train-labels, t10k-images, t10k-labels, 압축하지 않았거나 .gz)가 모두 있지 않습니다.',
  'error.dataset.bad-gzip': '데이터셋 파일 하나가 올바른 gzip 파일이 아닙니다.',
  'error.dataset.bad-magic': '데이터셋 파일 하나가 IDX 파일이 아닙니다(매직 넘버가 다릅니다).',
  'error.dataset.bad-type': '데이터셋 파일 하나에 부호 없는 바이트가 아닌 값이 들어 있습니다.',
  'error.dataset.bad-rank': '데이터셋 파일 하나의 차원 수가 맞지 않습니다.',
  'error.dataset.bad-dimensions': '데이터셋 파일 하나의 크기 정보가 내용과 맞지 않습니다.',
  'error.dataset.truncated': '데이터셋 파일 하나가 중간에 잘려 있습니다.',
  'error.dataset.trailing-bytes': '데이터셋 파일 하나의 끝에 남는 바이트가 있습니다.',
  'error.dataset.bad-label': '레이블 파일에 10개 클래스 밖의 레이블이 있습니다.',
  'error.dataset.count-mismatch': '이미지 파일과 레이블 파일의 항목 수가 다릅니다.',
  'error.dataset.size-mismatch': '이미지 크기가 신경망이 받는 크기와 다릅니다.',
  'error.dataset.checksum-mismatch': '내려받은 파일이 공개된 체크섬과 맞지 않습니다.',
  'error.dataset.download-failed': '데이터셋을 내려받지 못했습니다.',
  'error.dataset.unavailable': '이 컴퓨터에서는 이 데이터셋을 쓸 수 없습니다.',
  'error.dataset.no-images':
    '{name} 폴더에 Convas가 읽을 수 있는 그림이 없습니다: PNG, JPEG, WebP, GIF, BMP 파일을 클래스마다 하위 폴더 하나에 넣으세요 (또는 train/과 test/ 안에 각각 클래스별 하위 폴더를 두세요).',
  'error.dataset.one-class': '폴더에 클래스가 하나({name})뿐입니다: 분류기에는 클래스 하위 폴더가 두 개 이상 있어야 합니다.',
  'error.dataset.empty-class': '클래스 폴더 {name}에 Convas가 읽을 수 있는 그림이 없습니다: 그림을 넣거나 폴더를 지우세요.',
  'error.dataset.empty-test-class':
    '클래스 {name}에 테스트 이미지가 없습니다: test/ 아래 그 클래스 폴더에 그림을 넣으세요 (train/과 test/가 없는 폴더라면, 하나를 테스트용으로 떼어 둘 수 있도록 그림을 두 장 이상 넣으세요).',
  'error.dataset.unknown-test-class':
    'test/{name}은(는) train/에 없는 클래스입니다: 테스트 폴더에는 훈련 폴더와 같은 클래스 하위 폴더가 있어야 합니다.',
  'error.dataset.missing-cifar-files':
    '폴더에 CIFAR-10 바이너리 버전 파일(data_batch_1.bin … data_batch_5.bin, test_batch.bin, batches.meta.txt)이 없습니다.',
  'error.dataset.bad-archive': '내려받은 압축 파일을 풀 수 없습니다.',
  'error.dataset.other': '데이터셋을 읽지 못했습니다.',
  'error.non-finite-loss':
    '{epoch}번째 에포크, {batch}번째 배치에서 손실이 {loss}이 되어 훈련을 멈췄습니다. 학습률(지금 {learningRate})을 낮추거나 Adam 옵티마이저를 쓰세요.',
  'error.memory-budget.dataset':
    '{node}: 이 입력 크기로 이미지 {examples}장을 담으면 훈련에 약 {bytes}가 필요하지만 이 컴퓨터에서는 {budget}까지 쓸 수 있습니다. 더 작은 입력을 쓰세요. 데이터셋의 이미지는 28×28입니다.',
  'error.training-failed': '엔진의 오류로 훈련이 멈췄습니다.',
  'error.memory-budget.weights':
    '{node}: 파라미터 {params}개 — {optimizer}(배치 {batch})로 훈련하려면 약 {bytes}가 필요하지만 이 컴퓨터에서는 {budget}까지 쓸 수 있습니다. 유닛이나 필터 수를 줄이거나 먼저 풀링하세요.',
  'error.memory-budget.activations':
    '{node}: 배치 {batch}개의 출력(특성 맵) — {optimizer}로 훈련하려면 약 {bytes}가 필요하지만 이 컴퓨터에서는 {budget}까지 쓸 수 있습니다. 입력이나 배치 크기를 줄이거나, 더 일찍 풀링하거나 스트라이드를 키우세요.',
  'error.no-model': '이 실행에는 아직 훈련된 모델이 없습니다 — 먼저 신경망을 훈련하세요.',
  'error.test-sample-missing': '테스트 샘플 {index}번은 없습니다: 테스트 세트의 이미지는 {count}개입니다.',
  'error.bad-image.empty': '그림 파일이 비어 있습니다.',
  'error.bad-image.not-image': 'Convas가 읽는 그림 파일이 아닙니다: PNG, JPEG, WebP, GIF, BMP 파일을 여세요.',
  'error.bad-image.corrupt': '그림 파일이 손상되어 디코딩할 수 없습니다.',
  'error.unknown-conv-layer': '{layer}은(는) 이 신경망의 합성곱 층이 아닙니다: Grad-CAM에는 Conv2D(또는 다른 합성곱 층)가 필요합니다.',
  'error.unknown-class': '{index}번 클래스는 없습니다: 이 신경망의 클래스는 {count}개입니다.',
  'error.export-outside-root': '내보내기 거부: {dir}은(는) 이 엔진이 쓸 수 있는 폴더 밖에 있습니다.',
  'error.export-failed': '{dir}(으)로 내보내지 못했습니다.',
  'error.onnx-relu-settings':
    '{layer}: 이 ReLU 설정(threshold, 또는 max_value와 기울기를 함께 쓰는 경우)은 ONNX로 정확히 쓸 수 없어서 Convas가 내보내지 않습니다. max_value가 있는 ReLU나 LeakyReLU를 쓰세요.',
  'error.onnx-convolution-settings':
    '{layer}: 이 합성곱의 dilation_rate나 output_padding은 정확히 내보낼 수 없어서 ONNX로 쓰지 않습니다. 1과 None으로 되돌리세요.',
  'error.onnx-missing-weight': '{layer}: 가중치 {weight}가 없거나 모양이 달라서 ONNX 모델을 쓸 수 없습니다.',
  'error.bad-command': '엔진이 읽을 수 없는 명령을 거부했습니다.',
  'error.bad-event': '엔진이 읽을 수 없는 메시지를 보냈습니다.',
  'error.engine-stopped': '훈련 엔진이 멈췄습니다. 설계는 그대로 남아 있습니다 — 엔진을 다시 시작하면 다시 훈련할 수 있습니다.',
  'error.engine-unreachable': '훈련 엔진에 연결할 수 없습니다.',
  'error.restart-failed': '훈련 엔진을 다시 시작하지 못했습니다.',
  'error.queue-full': '훈련 엔진이 응답하지 않습니다(명령 {max}개가 기다리는 중) — 엔진을 다시 시작하세요.',
  'error.internal': '엔진에서 문제가 생겼습니다.',
  'error.run-not-found': '저장된 실행 {id}이(가) 없습니다. 삭제되었을 수 있습니다.',
  'error.run-unreadable': '저장된 실행 {id}이(가) 손상되었거나 다른 버전의 Convas가 기록했습니다.',
  'error.runs-outside-root': '여기서는 실행 기록을 프로젝트 파일 옆이 아니라 Convas의 데이터 폴더에 보관합니다.',
  'error.run-storage-failed': '실행 {id}을(를) 기록하거나 삭제하지 못했습니다.',
  'error.run-resume-mismatch': '실행 {id}은(는) 다른 신경망을 학습했습니다. 같은 설계에서만 그 가중치로 학습을 이어 갈 수 있습니다.',
  'error.open-model.not-json': 'model.json이 JSON이 아닙니다: TensorFlow.js가 저장한 model.json 파일을 고르세요.',
  'error.open-model.not-layers-model':
    'model.json이 TensorFlow.js 레이어 모델(modelTopology와 weightsManifest가 있는 것)이 아닙니다. 그래프 모델이나 가중치 없는 Keras 파일은 훈련된 모델로 열 수 없습니다.',
  'error.open-model.not-importable':
    'model.json의 신경망은 Convas가 보여 줄 수 없는 것입니다(Convas에 없는 층 종류, 여러 입력이나 출력, 공유된 층).',
  'error.open-model.invalid-network': { count: 'count', other: 'model.json의 신경망은 형태가 서로 맞지 않습니다(문제 {count}개).' },
  'error.open-model.not-buildable': 'TensorFlow.js가 이 설정으로는 신경망을 만들 수 없습니다.',
  'error.open-model.no-weights': '가중치가 없습니다: model.json과 함께 가중치 파일(weights.bin)을 고르세요.',
  'error.open-model.weight-missing':
    '가중치가 이 model.json의 것이 아닙니다: 신경망에 필요한 가중치 {weight}이(가) 가중치 목록에 없습니다.',
  'error.open-model.weight-unexpected':
    '가중치가 이 model.json의 것이 아닙니다: 가중치 목록의 {weight}은(는) 신경망의 어느 층에도 없습니다.',
  'error.open-model.weight-shape': '가중치가 이 신경망에 맞지 않습니다: {weight}의 형태는 {expected}여야 하는데 {given}입니다.',
  'error.open-model.weight-dtype':
    '가중치 {weight}은(는) {given}(으)로 저장되어 있습니다. Convas는 float32(또는 양자화된) 가중치만 읽습니다.',
  'error.open-model.weights-size':
    '가중치 파일이 model.json과 맞지 않습니다: 파일은 {given}바이트인데 model.json은 {expected}바이트를 말합니다. 이 model.json과 함께 저장된 weights.bin을 고르세요.',
  'error.open-model.input-not-image':
    '이 모델은 그림이 아니라 {given}을(를) 입력으로 받습니다: Convas는 높이 × 너비 × 1 또는 3의 입력이나 784개 값(펼친 28×28 이미지)만 넣을 수 있습니다.',
  'error.open-model.output-not-vector': '이 모델의 출력은 클래스마다 값 하나가 아니라 {given}입니다.',
  'error.open-model.dataset-mismatch':
    'convas-dataset.json은 클래스 {expected}개를 말하는데 모델은 값 {given}개를 냅니다: 두 파일은 짝이 아닙니다.',
  'error.open-model.dataset-input':
    'convas-dataset.json은 {expected} 형태의 그림을 넣는데 모델은 {given}을(를) 받습니다: 두 파일은 짝이 아닙니다.',

  'backend.fastest': '쓸 수 있는 것 중 가장 빠름: {runtime}',
  'backend.requested': '{runtime}, 요청한 대로',
  'backend.runtime.tensorflow': '네이티브 libtensorflow',
  'backend.runtime.wasm': 'XNNPACK을 쓰는 웹어셈블리, 스레드 1개',
  'backend.runtime.wasm-simd': 'XNNPACK과 SIMD를 쓰는 웹어셈블리, 스레드 1개',
  'backend.runtime.cpu': '순수 자바스크립트',
  'backend.skipped.not-installed': '{backend}: 설치되어 있지 않음',
  'backend.skipped.failed': '{backend}: 시작하지 못함',

  'data.dataset.sample': '패션 MNIST 샘플',
  'data.dataset.fashion-mnist': '패션 MNIST',
  'data.dataset.mnist': 'MNIST',
  'data.dataset.directory': 'IDX 파일',
  'data.dataset.images': '내 이미지',
  'data.dataset.cifar10': 'CIFAR-10',
  'data.from.sample': '{dataset}, Convas에 내장',
  'data.from.directory': '지정한 폴더의 {dataset}',
  'data.from.debian': '데비안 dataset-fashion-mnist 패키지의 {dataset}',
  'data.from.cache': '다운로드 캐시의 {dataset}',
  'data.from.download': '{dataset}, 내려받아 검증함',
  'data.fallback': '{dataset}을(를) 찾거나 내려받을 수 없어 Convas에 내장된 {sample}',

  'loading.download': '{file} 내려받는 중: {total} 중 {done}',
  'loading.unpack': '{file} 압축 푸는 중',
  'loading.scan': '그림 찾는 중: 파일 {done}개',
  'loading.decode': '그림 디코딩 중: {done} / {total}',
  'loading.read-cache': '캐시에서 디코딩된 그림 {total}장을 읽는 중',

  'warning.skipped-files': {
    count: 'count',
    other: '파일 {count}개를 뺐습니다: Convas가 읽는 그림(PNG, JPEG, WebP, GIF, BMP)이 아니거나, 비어 있거나 손상되었습니다.',
  },
  'warning.skip.empty': '빈 파일',
  'warning.skip.not-image': '그림이 아님',
  'warning.skip.corrupt': '손상됨',
  'warning.skip.unreadable': '읽을 수 없음',
  'warning.skip.outside-class': '클래스 폴더 밖에 있음',
};
