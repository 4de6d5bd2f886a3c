import { readProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import type { Language } from '../i18n/i18n';

/** A starting network that ships with the app (assets/templates/<id>.convas.json). */
export interface Template {
  /** The file name without ".convas.json", e.g. "lecture-cnn". */
  readonly id: string;
  readonly project: Project;
}

const FILES = import.meta.glob('../../assets/templates/*.convas.json', { eager: true, import: 'default' });

/** Menu order: the lecture first. */
const ORDER = ['lecture-cnn', 'lecture-cnn-dropout', 'lenet-5', 'tensorflow-tutorial-cnn'];

const KO: Readonly<Record<string, { name: string; description: string }>> = {
  'lecture-cnn': {
    name: '강의 CNN',
    description: '강의의 패션 MNIST 합성곱 신경망: 세임 패딩 3×3 합성곱, 2×2 최대 풀링, 뉴런 100개의 은닉층.',
  },
  'lecture-cnn-dropout': {
    name: '강의 CNN + 드롭아웃',
    description: '강의의 합성곱 신경망에 과대적합을 줄이려고 평탄화 뒤에 드롭아웃(0.5)을 넣었습니다.',
  },
  'lenet-5': {
    name: 'LeNet-5',
    description: 'LeCun 외 (1998): 32×32 입력, tanh, 평균 풀링; C5는 5×5 특성 맵에 대한 5×5 합성곱입니다.',
  },
  'tensorflow-tutorial-cnn': {
    name: 'TensorFlow 튜토리얼 CNN',
    description: '텐서플로 CNN 튜토리얼의 신경망: 세임 패딩 5×5 합성곱 두 개(32, 64), 각각 뒤에 2×2 풀링, 드롭아웃 0.4의 Dense 1024.',
  },
};

function load(): Template[] {
  const templates: Template[] = [];
  for (const [path, doc] of Object.entries(FILES)) {
    const id = path.replace(/^.*\//, '').replace(/\.convas\.json$/, '');
    const read = readProject(doc);
    if (read.ok) templates.push({ id, project: read.project });
    else console.error(`template ${id} is damaged: ${read.error}`);
  }
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  return templates.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

export const TEMPLATES: readonly Template[] = load();

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template's title and description in a language (the file holds the English ones). */
export function templateText(template: Template, language: Language): { name: string; description: string } {
  const ko = language === 'ko' ? KO[template.id] : undefined;
  return ko ?? { name: template.project.name, description: template.project.description };
}
