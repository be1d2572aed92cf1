// The one error a remittance or acknowledgment reader throws: which file, which segment (by
// position and id) and what is wrong with it, as a sentence a biller can act on.
export class RemitReadError extends Error {
  constructor(
    readonly file: string,
    /** 1-based segment position; 0 when the file has no segment at all. */
    readonly segmentIndex: number,
    readonly segmentId: string | undefined,
    readonly reason: string,
  ) {
    const where = segmentIndex > 0 ? `segment ${segmentIndex}${segmentId ? ` (${segmentId})` : ''}` : 'start of file';
    super(`${file}: ${where}: ${reason}.`);
    this.name = 'RemitReadError';
  }
}
