// Reads a note file a block at a time for notes too long to hold whole: the decoded parts go to
// analyzeNoteParts, so a 20 MB note costs a block and a piece of memory, not the note.
import { closeSync, openSync, readSync } from 'node:fs';
import { NoteDecoder } from '../core/suggest/input';

const BLOCK_BYTES = 256 * 1024;

export interface NoteFileParts {
  /** The decoded text, a block at a time; reading it to the end closes the file. */
  parts: Iterable<string>;
  /** What is wrong with the bytes read so far (binary, invalid UTF-8); complete once `parts` is read. */
  decoder: NoteDecoder;
}

/** Opens `path` (throws as fs does when it cannot) and reads its first block, which says whether it is text. */
export function readNoteFileParts(path: string, blockBytes = BLOCK_BYTES): NoteFileParts {
  const fd = openSync(path, 'r');
  const decoder = new NoteDecoder();
  const block = new Uint8Array(Math.max(blockBytes, 8192));
  let first: string;
  let ended: boolean;
  try {
    const n = readSync(fd, block, 0, block.length, null);
    ended = n < block.length;
    first = decoder.decode(block.subarray(0, n), ended);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (decoder.binary || ended) closeSync(fd);
  function* parts(): Generator<string> {
    if (decoder.binary) return;
    yield first;
    if (ended) return;
    try {
      for (;;) {
        const n = readSync(fd, block, 0, block.length, null);
        const last = n === 0;
        const text = decoder.decode(block.subarray(0, n), last);
        if (text) yield text;
        if (last) return;
      }
    } finally {
      closeSync(fd);
    }
  }
  return { parts: parts(), decoder };
}
