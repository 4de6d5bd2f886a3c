/**
 * Korean help for layer parameters, keyed "Kind.param". The English help lives with each layer
 * kind in src-shared; a missing entry here falls back to it.
 */
export const LAYER_HELP_KO: Readonly<Record<string, string>> = {
  'InputLayer.shape': '배치 차원을 뺀 샘플 하나의 크기: 28×28 흑백 이미지는 28, 28, 1.',
  'Conv2D.filters': '커널(필터)의 개수, 곧 출력 채널(특성 맵)의 수.',
  'Conv2D.kernel_size': '커널 하나의 높이와 너비.',
  'Conv2D.strides': '커널이 높이와 너비 방향으로 미끄러지는 간격 (스트라이드).',
  'Conv2D.padding': "'valid': 패딩 없음 (밸리드 패딩); 'same': 출력 크기가 ceil(n / 스트라이드)가 되도록 0으로 채움 (세임 패딩).",
  'Conv2D.dilation_rate': '커널 원소 사이의 간격; 1보다 크면 가중치를 늘리지 않고 더 넓게 봅니다.',
  'Conv2D.activation': '출력 값마다 적용하는 활성화 함수.',
  'Conv2D.use_bias': '필터마다 학습되는 절편을 하나씩 더합니다.',
  'Conv2D.kernel_initializer': '커널 가중치의 초기화 방법.',
  'Conv2D.bias_initializer': '절편의 초기화 방법.',
  'MaxPooling2D.pool_size': '최대값을 고르는 창의 높이와 너비.',
  'MaxPooling2D.strides': '창이 움직이는 간격; 비워 두면 pool_size와 같습니다.',
  'MaxPooling2D.padding': "'valid': 맞지 않는 가장자리는 버림; 'same': 출력이 ceil(n / 스트라이드)가 되도록 채움.",
  'AveragePooling2D.pool_size': '평균값을 계산하는 창의 높이와 너비.',
  'AveragePooling2D.strides': '창이 움직이는 간격; 비워 두면 pool_size와 같습니다.',
  'AveragePooling2D.padding': "'valid': 맞지 않는 가장자리는 버림; 'same': 출력이 ceil(n / 스트라이드)가 되도록 채움.",
  'Activation.activation': '모든 값에 적용하는 활성화 함수.',
  'Dropout.rate': '훈련할 때 0으로 만드는 입력의 비율 (나머지는 1 / (1 − rate)배).',
  'Dense.units': '뉴런의 개수, 곧 출력 벡터의 크기.',
  'Dense.activation': '출력마다 적용하는 활성화 함수.',
  'Dense.use_bias': '뉴런마다 학습되는 절편을 하나씩 더합니다.',
  'Dense.kernel_initializer': '가중치의 초기화 방법 (글로럿 등).',
  'Dense.bias_initializer': '절편의 초기화 방법.',
  'BatchNormalization.momentum': '이동 평균과 분산이 배치를 얼마나 천천히 따라가는지.',
  'BatchNormalization.epsilon': '0으로 나누지 않도록 분산에 더하는 작은 값.',
  'BatchNormalization.center': '채널마다 이동값 beta를 학습합니다.',
  'BatchNormalization.scale': '채널마다 배율 gamma를 학습합니다.',
};
