// The error of a code-set database that cannot be used.

/** A database that cannot be used: not SQLite, corrupted, or from an unknown schema. */
export class CodesetDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodesetDatabaseError';
  }
}
