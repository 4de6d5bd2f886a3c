// The import rule of DESIGN.md, written as data: which folder may import what.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Bare module specifiers, as regular-expression alternatives (a package and its subpaths).
const node = ['node:.*', ...builtinModules.map(escape)];
const tf = ['@tensorflow/.*'];
const electron = ['electron'];
const react = ['react', 'react-dom', '@xyflow/.*', 'recharts', 'zustand'];

/**
 * One boundary: files matching `files` may not import the packages in `bare` (matched exactly,
 * so a relative path that merely contains such a word is fine) nor the paths in `paths`.
 */
const boundary = (files, { bare = [], paths = [] }, why, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(bare.length ? [{ regex: `^(?:${bare.join('|')})(?:/.*)?$`, message: why }] : []),
          ...(paths.length ? [{ group: paths, message: why }] : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules of hooks and exhaustive dependencies catch stale closures that tests rarely see.
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A dynamic import() would slip past no-restricted-imports; the pure domain needs none.
    files: ['src-shared/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'src-shared is pure: no dynamic imports.' }],
    },
  },
  boundary(
    ['src-shared/**'],
    { bare: [...node, ...tf, ...electron, ...react], paths: ['**/src-main/**', '**/src-renderer/**'] },
    'src-shared is the pure domain: no Node, DOM, Electron, React or TensorFlow.js, and no import from src-main or src-renderer.',
  ),
  // Flat config keeps only the last value of a rule per file, so each src-main area lists all it must not import.
  boundary(
    ['src-main/**'],
    { bare: [...react, ...tf, ...electron], paths: ['**/src-renderer/**'] },
    'src-main never imports the renderer; only src-main/engine imports TensorFlow.js; only src-main/electron imports electron.',
    ['src-main/engine/**', 'src-main/electron/**'],
  ),
  boundary(
    ['src-main/engine/**'],
    { bare: [...react, ...electron], paths: ['**/src-renderer/**'] },
    'The engine imports neither the renderer nor electron (it also runs outside Electron).',
  ),
  boundary(
    ['src-main/electron/**'],
    { bare: [...react, ...tf], paths: ['**/src-renderer/**'] },
    'The Electron files never import the renderer or TensorFlow.js (the engine runs in its own process).',
  ),
  boundary(
    ['src-renderer/**'],
    { bare: [...node, ...tf, ...electron], paths: ['**/src-main/**'] },
    'The renderer talks to the engine only through its interface: no Node, Electron, TensorFlow.js or src-main imports.',
  ),
);
