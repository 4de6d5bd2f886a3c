import { useEffect, useState } from 'react';
import { z } from 'zod';
import { chosenDataDirSchema, type DataDirKind } from '../../src-shared/electron/ipc-schemas';
import { desktopBridge } from '../app/bridge';

/**
 * Browser mode's dataset folders: the ones named on `serve --data-dir DIR` (the only folders its
 * engine may read), which the server tells a page holding the run's secret at /data-dirs.
 */

const answerSchema = z.object({ dirs: z.array(z.string().min(1).max(4096)).max(100) });

/** Where to ask for the folders, from the page's own query (`?token=…`); undefined when the page has no secret. */
export function dataDirsUrl(search: string): string | undefined {
  const token = new URLSearchParams(search).get('token');
  return token ? `/data-dirs?token=${encodeURIComponent(token)}` : undefined;
}

/** The folders in a server's answer; none for anything else. */
export function parseDataDirs(json: unknown): readonly string[] {
  const parsed = answerSchema.safeParse(json);
  return parsed.success ? parsed.data.dirs : [];
}

let asked: Promise<readonly string[]> | undefined;

function fetchDataDirs(): Promise<readonly string[]> {
  // Read through globalThis: Node tests import this module without a DOM.
  const search = (globalThis as { location?: { search: string } }).location?.search;
  const url = search === undefined ? undefined : dataDirsUrl(search);
  if (!url) return Promise.resolve([]);
  asked ??= fetch(url)
    .then((r) => (r.ok ? r.json() : null))
    .then(parseDataDirs, () => []);
  return asked;
}

const NONE: readonly string[] = [];

/** The `--data-dir` folders of browser mode (asked once per page); empty on the desktop or when none were named. */
export function useServedDataDirs(): readonly string[] {
  const [dirs, setDirs] = useState(NONE);
  useEffect(() => {
    let live = true;
    void fetchDataDirs().then((d) => {
      if (live && d.length > 0) setDirs(d);
    });
    return () => {
      live = false;
    };
  }, []);
  return dirs;
}

/**
 * The desktop app's native folder dialog for a dataset (main then lets the engine read the folder);
 * undefined in a browser tab. Resolves with the chosen folder, or null when the user cancels.
 */
export function desktopFolderChooser(scope: object = globalThis): ((dataset: DataDirKind) => Promise<string | null>) | undefined {
  const data = desktopBridge(scope)?.data;
  if (!data) return undefined;
  return async (dataset) => {
    const answer = chosenDataDirSchema.nullable().safeParse(await data.chooseFolder({ dataset }));
    return answer.success && answer.data ? answer.data.path : null;
  };
}
