// Streams an XML file through saxes chunk by chunk (never a DOM of the whole file) and turns
// parser failures into ImportErrors that name the file and line.
import { SaxesParser } from 'saxes';
import type { ImportFile } from '../types';
import { ImportError } from '../types';
import { decodeChunks } from '../text';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Thrown by handlers for content problems; streamXml adds the file and current line. */
export class XmlContentError extends Error {}

class MalformedXml extends Error {}

export function streamXml(file: ImportFile, handlers: XmlHandlers, onProgress?: (fraction: number) => void): void {
  if (isBlank(file.bytes)) throw new ImportError('the file is empty; import the complete file as downloaded.', file.name);
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  parser.on('error', (err) => { throw new MalformedXml(err.message); });
  let done = 0;
  try {
    for (const chunk of decodeChunks(file.bytes)) {
      parser.write(chunk);
      done += chunk.length;
      onProgress?.(Math.min(1, done / Math.max(1, file.bytes.length)));
    }
    parser.close();
  } catch (err) {
    if (err instanceof MalformedXml) {
      const detail = err.message.replace(/^\d+:\d+:\s*/, '');
      throw new ImportError(
        `the XML is malformed or truncated (${detail}); download the file again and re-import it.`,
        file.name,
        parser.line,
      );
    }
    if (err instanceof XmlContentError) throw new ImportError(err.message, file.name, parser.line);
    throw err;
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length && i < 4096; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  }
  return bytes.length <= 4096;
}

/** Collapses runs of whitespace (XML pretty-printing) and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
