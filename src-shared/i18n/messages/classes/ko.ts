import type { Translation } from '../../dictionary';
import type { en } from './en';

/** 패션 MNIST의 클래스 이름. */
export const ko: Translation<typeof en> = {
  'T-shirt/top': '티셔츠/탑',
  Trouser: '바지',
  Pullover: '스웨터',
  Dress: '드레스',
  Coat: '코트',
  Sandal: '샌들',
  Shirt: '셔츠',
  Sneaker: '스니커즈',
  Bag: '가방',
  'Ankle boot': '앵클 부츠',
};
