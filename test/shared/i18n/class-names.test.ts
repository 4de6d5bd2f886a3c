import { describe, expect, it } from 'vitest';
import { classNamesText, classNameText } from '../../../src-shared/i18n/class-names';

describe('class names', () => {
  it('words Fashion-MNIST classes in Korean and keeps them in English', () => {
    expect(classNameText('ko', 'Ankle boot')).toBe('앵클 부츠');
    expect(classNameText('en', 'Ankle boot')).toBe('Ankle boot');
  });

  it("keeps a user's own class names and digits as they are, also names of Object's prototype", () => {
    expect(classNameText('ko', 'cats')).toBe('cats');
    expect(classNameText('ko', '7')).toBe('7');
    expect(classNameText('ko', 'toString')).toBe('toString');
    const digits = ['0', '1'];
    expect(classNamesText('ko', digits)).toBe(digits);
  });
});
