import type { Translation } from '../../dictionary';
import type { en } from './en';

/** 템플릿의 이름과 설명. */
export const ko: Translation<typeof en> = {
  'lecture-cnn.name': '강의 CNN',
  'lecture-cnn.description': '강의의 패션 MNIST 합성곱 신경망: 세임 패딩 3×3 합성곱, 2×2 최대 풀링, 뉴런 100개의 은닉층.',
  'lecture-cnn-dropout.name': '강의 CNN + 드롭아웃',
  'lecture-cnn-dropout.description': '강의의 합성곱 신경망에 과대적합을 줄이려고 평탄화 뒤에 드롭아웃(0.5)을 넣었습니다.',
  'lenet-5.name': 'LeNet-5',
  'lenet-5.description': 'LeCun 외 (1998): 32×32 입력, tanh, 평균 풀링; C5는 5×5 특성 맵에 대한 5×5 합성곱입니다.',
  'tensorflow-tutorial-cnn.name': 'TensorFlow 튜토리얼 CNN',
  'tensorflow-tutorial-cnn.description':
    '텐서플로 CNN 튜토리얼의 신경망: 세임 패딩 5×5 합성곱 두 개(32, 64), 각각 뒤에 2×2 풀링, 드롭아웃 0.4의 Dense 1024.',
};
