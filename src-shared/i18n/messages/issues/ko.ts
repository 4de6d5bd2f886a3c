import type { Translation } from '../../dictionary';
import type { en } from './en';

/** 신경망 검증 메시지: 무엇이 잘못되었고 어떻게 고치는지 (강의의 용어: 합성곱, 커널, 패딩, 스트라이드, 풀링…). */
export const ko: Translation<typeof en> = {
  'issue.empty': '캔버스가 비어 있습니다 — Input 층을 추가하고 그 뒤에 다른 층들을 이으세요',
  'issue.no-input': '{node}: 이 층에 들어오는 연결이 없고 신경망에 Input이 없습니다 — Input 층을 추가해 여기에 연결하세요',
  'issue.many-inputs': '{node}: 신경망의 Input은 하나뿐이어야 하며 이미 {input}이(가) 그 역할을 합니다 — 이 층을 삭제하세요',
  'issue.input-has-incoming': '{node}: Input은 들어오는 연결을 받을 수 없습니다 — {source}에서 오는 연결을 삭제하세요',
  'issue.duplicate-id': "{node}: 다른 층이 같은 식별자 '{id}'를 가지고 있습니다 — 파일이 손상되었으니 둘 중 하나를 삭제하세요",
  'issue.duplicate-name': '{node}: 다른 층이 이미 이 이름을 쓰고 있습니다 — Keras는 층마다 다른 이름이 필요하니 하나의 이름을 바꾸세요',
  'issue.dangling-edge': '연결 {edge}이(가) 존재하지 않는 층을 가리킵니다 — 이 연결을 삭제하세요',
  'issue.duplicate-edge': '{source} → {target}이(가) 두 번 연결되어 있습니다 — 연결 하나를 삭제하세요',
  'issue.cycle': '{source} → {target} 연결이 순환({path})을 만듭니다 — 신경망은 Input에서 한 방향으로만 흘러야 하니 이 연결을 삭제하세요',
  'issue.too-many-inbound':
    '{node}: 연결 {n}개를 받지만 {kind}은(는) 입력을 하나만 받습니다 — 먼저 합치기 층(Add, Concatenate 등)으로 가지를 합친 뒤 그 층을 {node}에 연결하세요',
  'issue.merge-needs-two': {
    count: 'n',
    other: '{node}: {kind}은(는) 가지를 합치는 층인데 연결을 {n}개만 받습니다 — 층을 두 개 이상 연결하세요',
  },
  'issue.dead-end':
    '{node}: 출력이 어디에도 쓰이지 않습니다 — 모델은 {output}에서 끝나니 {node}을(를) 뒤쪽 층이나 합치기 층에 연결하거나 삭제하세요',
  'issue.disconnected': '{node}: {input}에 연결되어 있지 않습니다 — 신경망에 연결하거나 삭제하세요',
  'issue.layer': '{node}: {problem}',
  'issue.got': '{text} (입력한 값: {got})',
  'issue.gotNothing': '{text} (값이 없음)',

  'problem.needs-image':
    '{kind}에는 3차원 입력(높이, 너비, 채널)이 필요한데 {shape}을(를) 받습니다 — Flatten/Dense 앞에 두거나, Input의 shape를 28, 28, 1처럼 주세요',
  'problem.needs-dimension': '{kind}에는 차원이 하나 이상인 입력이 필요합니다',
  'problem.kernel-too-large':
    "{kh}×{kw} 커널이 패딩 'valid'로는 {h}×{w} 입력에 들어가지 않습니다 — 패딩 'same'을 쓰거나 더 작은 커널을 쓰세요",
  'problem.dilated-kernel-too-large':
    "{kh}×{kw} 커널(팽창하면 {eh}×{ew})이 패딩 'valid'로는 {h}×{w} 입력에 들어가지 않습니다 — 패딩 'same'을 쓰거나 더 작은 커널을 쓰세요",
  'problem.pool-too-large':
    "{ph}×{pw} 풀링 창이 패딩 'valid'로는 {h}×{w} 입력에 들어가지 않습니다 — 패딩 'same'을 쓰거나 pool_size를 줄이세요",
  'problem.strides-with-dilation':
    'strides > 1과 dilation_rate > 1은 함께 쓸 수 없습니다 (Keras가 허용하지 않음) — 둘 중 하나를 1로 하세요',
  'problem.not-number': '{param}은(는) 숫자여야 합니다',
  'problem.not-whole': '{param}은(는) 정수여야 합니다',
  'problem.below-one': '{param}은(는) 1 이상이어야 합니다',
  'problem.dim-not-number': '{param}: {param}의 각 차원은 숫자여야 합니다',
  'problem.dim-not-whole': '{param}: {param}의 각 차원은 정수여야 합니다',
  'problem.dim-below-one': '{param}: {param}의 각 차원은 1 이상이어야 합니다',
  'problem.pair': '{param}은(는) 1 이상의 정수 하나, 또는 그런 정수 두 개여야 합니다',
  'problem.padding': "{param}은(는) 'valid' 또는 'same'이어야 합니다",
  'problem.activation': '{param}은(는) 다음 중 하나여야 합니다: {options}',
  'problem.initializer': '{param}은(는) 다음 중 하나여야 합니다: {options}',
  'problem.bool': '{param}은(는) 켜거나(true) 꺼야(false) 합니다',
  'problem.shape-not-list': '{param}은(는) 정수 목록이어야 합니다 (예: 28, 28, 1)',
  'problem.shape-empty': '{param}에는 차원이 하나 이상 있어야 합니다 (예: 28, 28, 1)',
  'problem.shape-too-long': '{param}의 차원은 3개(높이, 너비, 채널)까지입니다',
  'problem.between-0-and-1': '{param}은(는) 0과 1 사이여야 합니다',
  'problem.not-positive': '{param}은(는) 0보다 커야 합니다',
  'problem.rate-negative': '{param}은(는) 0 이상이어야 합니다 (0이면 모든 유닛을 유지)',
  'problem.rate-one': '{param}은(는) 1보다 작아야 합니다 (1이면 모든 유닛을 버림) — 0.5 같은 값을 쓰세요',
  'problem.setting-too-deep':
    '{param}이(가) {max}단계보다 깊게 중첩되어 있습니다 — 설정값은 숫자, 단어 또는 짧은 목록입니다. 파일에서 고치세요',
  'problem.setting-list-too-long': '{param}의 목록이 {max}개보다 깁니다 — 설정값은 숫자, 단어 또는 짧은 목록입니다. 파일에서 고치세요',
  'problem.setting-text-too-long': '{param}의 텍스트가 {max}자보다 깁니다 — 파일에서 고치세요',
  'problem.setting-too-many-keys': '{param}의 객체에 키가 {max}개보다 많습니다 — 파일에서 고치세요',
  'problem.setting-too-large': '{param}에 값이 {max}개보다 많습니다 — 설정값은 숫자, 단어 또는 짧은 목록입니다. 파일에서 고치세요',
  'problem.setting-not-finite': '{param}에 유한하지 않은 수(NaN 또는 Infinity)가 있습니다 — 유한한 수를 입력하세요',
  'problem.setting-forbidden-key': "{param}에 '__proto__'나 'constructor' 같은, 어떤 설정에도 없는 키가 있습니다 — 파일에서 지우세요",
  'problem.setting-unreadable': '{param}에 JSON이 아닌 값이 있습니다(숫자, 텍스트, true/false, 목록, 객체만 됩니다) — 파일에서 고치세요',
  'problem.invalid': '{param}의 값을 읽을 수 없습니다',
  'problem.negative': '{param}은(는) 0 이상이어야 합니다',
  'problem.merge-needs-two': '{kind}은(는) 입력을 둘 이상 합치는데 {n}개를 받습니다 — 가지를 더 연결해 입력이 둘 이상이 되게 하세요',
  'problem.merge-rank':
    '입력이 {shapes}, {last}인데 {kind}에는 차원 수가 같은 입력이 필요합니다 — 차원이 더 많은 경로에 먼저 Flatten이나 GlobalAveragePooling2D를 두세요',
  'problem.merge-shapes':
    '입력이 {shapes}, {last}인데 {kind}에는 형태가 같은 입력이 필요합니다 — 모든 경로가 같은 형태로 끝나도록 경로의 층을 바꾸세요',
  'problem.merge-stride':
    '입력이 {shapes}, {last}인데 {kind}에는 형태가 같은 입력이 필요합니다 — 건너뛰는 경로(스킵 연결)에 strides {stride}인 1×1 Conv2D를 넣으세요',
  'problem.merge-stride-filters':
    '입력이 {shapes}, {last}인데 {kind}에는 형태가 같은 입력이 필요합니다 — 건너뛰는 경로(스킵 연결)에 필터 {filters}개, strides {stride}인 1×1 Conv2D를 넣으세요',
  'problem.merge-filters':
    '입력이 {shapes}, {last}인데 {kind}에는 형태가 같은 입력이 필요합니다 — 채널이 {from}개인 경로에 필터 {filters}개인 1×1 Conv2D를 넣으세요',
  'problem.merge-units':
    '입력이 {shapes}, {last}인데 {kind}에는 형태가 같은 입력이 필요합니다 — 마지막 차원이 {from}인 경로에 Dense({units})를 넣으세요',
  'problem.concat-mismatch':
    '입력이 {shapes}, {last}인데 축 {axis}로 Concatenate하려면 나머지 축의 크기가 모두 같아야 합니다. 축 {dim}이(가) 한 입력에서는 {a}, 다른 입력에서는 {b}입니다 — 모든 경로에서 축 {dim}의 크기를 맞추세요 (풀링, strides, 패딩으로)',
  'problem.concat-stride':
    "입력이 {shapes}, {last}인데 축 {axis}로 Concatenate하려면 높이와 너비가 같아야 합니다 — 더 큰 경로에 strides {stride}인 1×1 Conv2D를 넣거나, pool_size {stride}, 패딩 'same'인 풀링을 넣으세요",
  'problem.axis-range':
    '축 {axis}은(는) {shape} 형태의 입력에 없습니다 — 1부터 {max}까지의 축이나, 마지막 축을 뜻하는 -1을 쓰세요 (축 0은 배치입니다)',
  'problem.batch-axis':
    '축 0은 여러 샘플에 걸친 배치 축인데 {kind}은(는) 샘플 하나 안에서 계산합니다 — 마지막 축인 -1이나 1 이상의 다른 축을 쓰세요',
  'problem.pair-non-negative': '{param}은(는) 비워 두거나, 0 이상의 정수 또는 그런 정수 두 개의 쌍이어야 합니다',
  'problem.output-padding-too-large':
    'output_padding {ph}×{pw}은(는) 방향마다 스트라이드 {sh}×{sw}보다 작아야 합니다 (Keras의 규칙) — output_padding을 줄이거나, 스트라이드를 늘리거나, output_padding을 비워 두세요',
  'problem.transposed-output-empty':
    "패딩 'same'에 output_padding이 0이면 {h}×{w} 입력에 대한 {kh}×{kw} 커널의 출력 크기가 0이 됩니다 — output_padding을 비워 두거나 홀수 크기의 커널을 쓰세요",
  'problem.crop-too-large':
    '자르기 ({top}, {bottom}), ({left}, {right})를 하면 {h}×{w} 입력이 남지 않습니다 — 위 + 아래는 {h}보다, 왼쪽 + 오른쪽은 {w}보다 작아야 합니다',
  'problem.reshape-count': '{from} ({n}개 값)을 {to} ({m}개 값)로 바꿀 수 없습니다 — 곱이 {n}인 차원을 고르거나, 한 차원을 -1로 두세요',
  'problem.reshape-not-divisible':
    '{to}의 -1을 정할 수 없습니다: {from}의 값 {n}개가 나머지 차원의 곱({known})의 배수가 아닙니다 — 곱이 {n}을 나누어떨어지게 하는 차원을 고르세요',
  'problem.axis-out-of-range': '형태가 {shape}인 입력에는 축 {axis}가 없습니다 — -1(마지막 축) 또는 1부터 {rank}까지의 수를 쓰세요',
  'problem.axis-repeated': '축 {axis}는 목록에 이미 있는 {shape}의 축과 같습니다 — 축마다 한 번씩만 쓰세요',
  'problem.sides': '{param}은(는) 0 이상의 정수, (높이, 너비) 쌍, 또는 ((위, 아래), (왼쪽, 오른쪽))이어야 합니다',
  'problem.interpolation': "{param}은(는) 'nearest' 또는 'bilinear'여야 합니다",
  'problem.target-shape': '{param}: 각 차원은 1 이상의 정수이거나, 자동으로 정할 차원 하나만 -1이어야 합니다',
  'problem.target-shape-unknowns': '{param}에는 -1이 하나만 올 수 있습니다 — 나머지 차원은 수로 쓰세요',
  'problem.axis': '{param}은(는) 정수(마지막 축은 -1) 또는 정수의 목록이어야 합니다',
  'problem.only-false': '{param}=True는 여기서 지원하지 않습니다 (TensorFlow.js에 그런 옵션이 없음) — False로 하세요',

  'plan.flat-input-size':
    '{node}: {image}×{image} 이미지를 받으려면 평탄한 입력의 값이 {image}·{image} = {need}개여야 하는데 {given}개입니다 — shape를 {need} 또는 28, 28, 1로 하세요',
  'plan.image-size':
    '{node}: 데이터셋의 이미지는 {image}×{image}인데 {h}×{w} 입력은 이를 받을 수 없습니다 — {image}, {image}, 1을 쓰세요 (또는 32, 32, 1처럼 가장자리 여백이 짝수인 더 큰 크기를 쓰면 이미지에 패딩을 넣습니다)',
  'plan.image-input':
    '{node}: 그림은 입력의 높이와 너비로 크기가 바뀌므로, 입력은 채널이 1(흑백) 또는 3(컬러)인 높이, 너비, 채널이어야 합니다. 지금은 {shape}입니다 — 예를 들어 32, 32, 3을 쓰세요',
  'plan.dilated-conv':
    '{node}: TensorFlow.js는 팽창 합성곱(dilation_rate > 1)을 훈련할 수 없습니다 — 여기서 훈련하려면 dilation_rate를 1로 하세요. 설계는 그대로 Keras로 내보내 훈련할 수 있습니다',
  'plan.bn-center-scale':
    '{node}: TensorFlow.js는 center나 scale을 끈 BatchNormalization을 훈련할 수 없습니다 — 여기서 훈련하려면 둘 다 켜세요. 설계는 그대로 Keras로 내보낼 수 있습니다',
  'plan.wrong-output':
    "{node}: 신경망은 값 {classes}개(클래스마다 하나)로 끝나야 하는데 {shape}을(를) 출력합니다 — Flatten과 Dense({classes}, activation 'softmax')로 끝내세요",
  'plan.output-not-vector':
    "{node}: 신경망은 클래스마다 값 하나로 끝나야 하는데 {shape}을(를) 출력합니다 — Flatten과 클래스 수만큼 유닛이 있는 Dense 층(activation 'softmax')으로 끝내세요",
  'plan.relu-options':
    '{node}: TensorFlow.js에는 threshold가 있거나 max_value와 negative_slope를 함께 쓰는 ReLU를 훈련할 층이 없습니다 — 여기서 훈련하려면 threshold를 0으로 하고 max_value와 negative_slope 중 하나만 쓰세요. 설계는 그대로 Keras로 내보내 훈련할 수 있습니다',
  'plan.softmax-axis':
    '{node}: TensorFlow.js는 마지막 축으로만 Softmax를 계산합니다 — 여기서 훈련하려면 axis를 -1로 하세요. 설계는 그대로 Keras로 내보내 훈련할 수 있습니다',
  'plan.transposed-output-padding':
    '{node}: TensorFlow.js의 Conv2DTranspose에는 output_padding이 없습니다 — 여기서 훈련하려면 output_padding을 비워 두세요. 설계는 그대로 Keras로 내보내 훈련할 수 있습니다',
};
