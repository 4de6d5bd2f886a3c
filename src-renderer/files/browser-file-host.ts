import type { FileHost, OpenedFile, PickedFile } from './file-host';

/** Offers data to the user as a download through a temporary link. */
function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function toBlob(data: string | Uint8Array | Blob, mime: string): Blob {
  if (data instanceof Blob) return data;
  if (typeof data === 'string') return new Blob([data], { type: mime });
  // Copy into a fresh ArrayBuffer-backed view (a view on a SharedArrayBuffer is not a BlobPart).
  return new Blob([new Uint8Array(data)], { type: mime });
}

/** Files in a browser tab: an <input type=file> to open, downloads to save and export. */
export function browserFileHost(): FileHost {
  return {
    open(accept) {
      return new Promise<OpenedFile | null>((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        if (accept) input.accept = accept.join(',');
        input.style.display = 'none';
        input.dataset['testid'] = 'file-input';
        let settled = false;
        const finish = (value: OpenedFile | null) => {
          if (settled) return;
          settled = true;
          input.remove();
          resolve(value);
        };
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return finish(null);
          file.text().then(
            (text) => finish({ name: file.name, text }),
            () => finish({ name: file.name, text: '' }),
          );
        });
        input.addEventListener('cancel', () => finish(null));
        document.body.append(input);
        input.click();
      });
    },
    openFiles(accept) {
      return new Promise<PickedFile[] | null>((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = accept.join(',');
        input.style.display = 'none';
        input.dataset['testid'] = 'files-input';
        let settled = false;
        const finish = (value: PickedFile[] | null) => {
          if (settled) return;
          settled = true;
          input.remove();
          resolve(value);
        };
        input.addEventListener('change', () => {
          const files = [...(input.files ?? [])];
          if (files.length === 0) return finish(null);
          Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))).then(finish, () =>
            finish(null),
          );
        });
        input.addEventListener('cancel', () => finish(null));
        document.body.append(input);
        input.click();
      });
    },
    async save(target, text, suggested) {
      const name = target ?? suggested;
      downloadBlob(name, toBlob(text, 'application/json'));
      return { name, unconfirmed: true };
    },
    async download(name, data, mime) {
      downloadBlob(name, toBlob(data, mime));
      return true;
    },
  };
}
