/** The starting networks that ship in assets/templates/<id>.convas.json, in menu order (the lecture first). */
export const TEMPLATE_IDS = [
  'lecture-cnn',
  'lecture-cnn-dropout',
  'lenet-5',
  'tensorflow-tutorial-cnn',
  'small-resnet',
  'inception-block',
  'mobilenet-separable',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const IDS: ReadonlySet<string> = new Set(TEMPLATE_IDS);

/** True for the id of a template Convas ships (and so has words for in every language). */
export function isTemplateId(id: string): id is TemplateId {
  return IDS.has(id);
}
