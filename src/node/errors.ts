// A problem the person running MedCode can fix (a missing file, a download that stopped, a bad
// manifest): the CLI prints its message without a stack trace and exits 2; the extension shows it.
export class UserFixableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFixableError';
  }
}
