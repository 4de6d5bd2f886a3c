/**
 * The inspector's editor for Keras's sides (ZeroPadding2D's padding, Cropping2D's cropping): one text
 * field that reads what a Keras user types and shows the stored value as Python writes it.
 */
import { describe, expect, it } from 'vitest';
import { parseSides, sidesText } from '../../../src-renderer/inspector/raw-values';
import { zeroPadding2d } from '../../../src-shared/layers/zero-padding2d';

describe('parseSides', () => {
  it.each([
    ['1', 1],
    [' 2 ', 2],
    ['1, 2', [1, 2]],
    ['(1, 2)', [1, 2]],
    ['(1, 2,)', [1, 2]],
    ['[1, 2]', [1, 2]],
    [
      '((1, 2), (3, 4))',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '(1, 2), (3, 4)',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '[[1, 2], [3, 4]]',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['(1, (2, 3))', [1, [2, 3]]],
  ])('reads %j as %j', (text, value) => expect(parseSides(text)).toEqual(value));

  it('reads an empty field as no value, so the Keras default applies', () => expect(parseSides('  ')).toBeUndefined());

  it.each(['((1, 2)', 'one', '1 2'])('keeps %j as typed, for the schema to report', (text) => expect(parseSides(text)).toBe(text));

  it('what it reads is what the layer means: "(1, 2), (3, 4)" pads 1 top, 2 bottom, 3 left, 4 right', () =>
    expect(zeroPadding2d.schema.parse({ padding: parseSides('(1, 2), (3, 4)') })).toEqual({
      padding: [
        [1, 2],
        [3, 4],
      ],
    }));
});

describe('sidesText', () => {
  it('writes the stored value as Python does', () => {
    expect(sidesText(1)).toBe('1');
    expect(sidesText([1, 2])).toBe('(1, 2)');
    expect(
      sidesText([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('((1, 2), (3, 4))');
    expect(sidesText(undefined)).toBe('');
    expect(sidesText('((1, 2)')).toBe('((1, 2)');
  });

  it.each(['1', '(1, 2)', '((1, 2), (3, 4))', '(0, (2, 3))'])('reads back what it writes: %s', (text) =>
    expect(sidesText(parseSides(text))).toBe(text),
  );
});
