/**
 * A writer to be killed: writes `argv[2]` through writeFileAtomic in 1 MiB chunks of 'N', says
 * "writing" to its parent after the first chunks are on disk, then keeps writing slowly until killed.
 */
import { writeFileAtomic } from '../../../src-main/files/atomic-write';

const target = process.argv[2]!;
const CHUNK = new Uint8Array(1024 * 1024).fill('N'.charCodeAt(0));

async function* chunks(): AsyncGenerator<Uint8Array> {
  for (let i = 0; ; i++) {
    yield CHUNK;
    // Wait for the write of the chunks before to land, then tell the parent it may kill us mid-file.
    if (i === 4) process.send?.('writing');
    if (i >= 4) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

await writeFileAtomic(target, chunks());
