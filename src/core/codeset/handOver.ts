// sql.js copies the bytes of a database it opens into its in-memory file system (emscripten's
// MEMFS.write takes `bytes.slice(...)`). A caller that will not use the bytes again hands them
// over instead: the view returned here answers a whole-range slice with itself, so the file
// sql.js reads is the caller's buffer and a 50 MB database is held once, not twice. Any other
// slice is an ordinary copy, so a different sql.js still works (it only copies again).
export function handOver(bytes: Uint8Array): Uint8Array {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  Object.defineProperty(view, 'slice', {
    value(start?: number, end?: number): Uint8Array {
      const from = start ?? 0;
      const to = end ?? view.length;
      return from === 0 && to >= view.length ? view : Uint8Array.prototype.slice.call(view, start, end);
    },
  });
  return view;
}
