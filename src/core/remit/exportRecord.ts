// The history entry of an export. For an X12 837P the entry keeps what its answers will quote
// back: ISA13, GS06 and ST02 (a 999 names them), CLM01 (277CA TRN*2, 835 CLP01), the claim
// frequency and REF*F8, and each line's REF*6R (835 REF*6R). They are read from the file as
// written, so the entry is right whatever options produced it.
import type { ExportRecord } from '../claim/history';
import { SegmentTokenizer, type Delimiters, type X12Segment } from './segments';
import { element } from './values';

export function exportRecord(format: string, file: string, content: string, at: string): ExportRecord {
  const record: ExportRecord = { at, format, file };
  if (format !== 'x12') return record;
  const lines: string[] = [];
  let inLine = false;
  let delimiters: Delimiters | undefined;
  const onSegment = (seg: X12Segment, d: Delimiters) => {
    delimiters = d;
    switch (seg.id) {
      case 'ISA': record.interchangeControlNumber = element(seg, 13); break;
      case 'GS': record.groupControlNumber = element(seg, 6); break;
      case 'ST': record.transactionControlNumber = element(seg, 2); break;
      case 'CLM': {
        record.patientControlNumber = element(seg, 1);
        const frequency = element(seg, 5).split(d.component)[2];
        if (frequency) record.frequency = frequency;
        break;
      }
      case 'LX': lines.push(''); inLine = true; break;
      case 'REF':
        if (inLine && element(seg, 1) === '6R') lines[lines.length - 1] = element(seg, 2);
        else if (!inLine && element(seg, 1) === 'F8') record.originalPayerClaimControlNumber = element(seg, 2);
        break;
      default: break;
    }
  };
  const t = new SegmentTokenizer(file, onSegment);
  t.push(content);
  t.end();
  if (delimiters && lines.some((l) => l !== '')) record.lineControlNumbers = lines;
  return record;
}
