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
  'small-resnet.name': '작은 ResNet',
  'small-resnet.description':
    'He 등(2015)의 ResNet을 28×28×1에 맞게 줄인 것: 항등 스킵 연결 하나와 투영 스킵 연결(strides 2인 1×1 Conv2D) 둘을 가진 잔차 블록을 Add로 합치고, 전역 평균 풀링으로 끝냅니다.',
  'inception-block.name': '인셉션 블록',
  'inception-block.description':
    'Szegedy 등(2014): 네 갈래의 가지(1×1, 1×1 뒤 3×3, 1×1 뒤 5×5, 3×3 최대 풀링 뒤 1×1)를 채널 축으로 Concatenate하는 블록 하나.',
  'mobilenet-separable.name': 'MobileNet 스타일 층 쌓기',
  'mobilenet-separable.description':
    'Howard 등(2017): 깊이별 3×3 합성곱과 점별 1×1 합성곱 한 쌍, 이어서 strides 2인 SeparableConv2D를 쌓고, 각 층 뒤에 BatchNormalization과 최댓값 6인 ReLU를 둡니다.',
};
