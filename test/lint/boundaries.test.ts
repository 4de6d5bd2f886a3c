import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

/** The import-rule messages ESLint reports for `code` as if it lived at `filePath`. */
async function violations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rule of DESIGN.md is enforced by the lint step', () => {
  it.each([
    ["import { readFile } from 'node:fs';", 'src-shared/layers/x.ts'],
    ["import * as tf from '@tensorflow/tfjs';", 'src-shared/x.ts'],
    ["import { useState } from 'react';", 'src-shared/x.ts'],
    ["import { app } from 'electron';", 'src-shared/x.ts'],
    ["import { x } from '../../src-main/engine/host';", 'src-shared/graph/x.ts'],
    ["import * as tf from '@tensorflow/tfjs';", 'src-main/cli/x.ts'],
    ["import { app } from 'electron';", 'src-main/engine/x.ts'],
    ["import { App } from '../../src-renderer/app/App';", 'src-main/server/x.ts'],
    ["import { useState } from 'react';", 'src-main/cli/x.ts'],
    ["import * as tf from '@tensorflow/tfjs';", 'src-main/electron/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-renderer/app/x.ts'],
    ["import { EngineHost } from '../../src-main/engine/host';", 'src-renderer/app/x.ts'],
    ["import { ipcRenderer } from 'electron';", 'src-renderer/x.ts'],
  ])('%s in %s is an error', async (code, file) => {
    expect(await violations(code, file)).toHaveLength(1);
  });

  it.each([
    ["import * as tf from '@tensorflow/tfjs';", 'src-main/engine/x.ts'],
    ["import { app } from 'electron';", 'src-main/electron/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-main/cli/x.ts'],
    ["import { analyzeGraph } from '../../src-shared/graph/analyze';", 'src-renderer/app/x.ts'],
    ["import { z } from 'zod';", 'src-shared/x.ts'],
  ])('%s in %s is allowed', async (code, file) => {
    expect(await violations(code, file)).toEqual([]);
  });
});
