// The import rule of DESIGN.md, written as data: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto', 'zlib', 'url', 'stream', 'events', 'util'];
const tf = ['@tensorflow/*'];
const electron = ['electron', 'electron/*'];
const react = ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'recharts', 'zustand', 'zustand/*'];

/** One boundary: files matching `files` may not import `forbidden` (bare names or path globs). */
const boundary = (files, forbidden, why, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: why }] }],
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
  boundary(
    ['src-shared/**'],
    [...node, ...tf, ...electron, ...react, '**/src-main/**', '**/src-renderer/**'],
    'src-shared is the pure domain: no Node, DOM, Electron, React or TensorFlow.js, and no import from src-main or src-renderer.',
  ),
  // Flat config keeps only the last value of a rule per file, so each src-main area lists all it must not import.
  boundary(
    ['src-main/**'],
    [...react, ...tf, ...electron, '**/src-renderer/**'],
    'src-main never imports the renderer; only src-main/engine imports TensorFlow.js; only src-main/electron imports electron.',
    ['src-main/engine/**', 'src-main/electron/**'],
  ),
  boundary(
    ['src-main/engine/**'],
    [...react, ...electron, '**/src-renderer/**'],
    'The engine imports neither the renderer nor electron (it also runs outside Electron).',
  ),
  boundary(
    ['src-main/electron/**'],
    [...react, ...tf, '**/src-renderer/**'],
    'The Electron files never import the renderer or TensorFlow.js (the engine runs in its own process).',
  ),
  boundary(
    ['src-renderer/**'],
    [...node, ...tf, ...electron, '**/src-main/**'],
    'The renderer talks to the engine only through its interface: no Node, Electron, TensorFlow.js or src-main imports.',
  ),
);
