import type { Dictionary } from '../../dictionary';

/** The class names of the datasets Convas knows, keyed by the name the dataset itself uses. */
export const en = {
  'T-shirt/top': 'T-shirt/top',
  Trouser: 'Trouser',
  Pullover: 'Pullover',
  Dress: 'Dress',
  Coat: 'Coat',
  Sandal: 'Sandal',
  Shirt: 'Shirt',
  Sneaker: 'Sneaker',
  Bag: 'Bag',
  'Ankle boot': 'Ankle boot',
} as const satisfies Dictionary;
