// `medcode remit <999/277CA/835 files...> --claims <folder> [--json]`: reads each response
// (streamed, in chunks), matches it to the claims of the folder and records it in their history.
// Every file is read before any claim file is written: one unreadable file means exit 1, a
// message naming the file and segment, and no claim file changed.
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendHistory, historyAppendFor } from '../../core/remit/history';
import { ClaimDirectory, matchDocument, matchRemittance, type MatchResult } from '../../core/remit/match';
import type { ResponseOutcome } from '../../core/remit/outcome';
import { RemitReader } from '../../core/remit/reader';
import { RemitReadError } from '../../core/remit/errors';
import type { RemitDocument, RemitKind } from '../../core/remit/types';
import { flagBool, flagString, UsageError, type CliCommand } from '../command';
import { loadClaimFolder, type LoadedClaim } from '../claimFiles';
import { writeAtomic } from '../../node/store';

const USAGE = `Usage: medcode remit <999, 277CA or 835 files...> --claims <folder> [--json]

Reads each acknowledgment (999, 277CA) and remittance (835), matches it to the claims in the
folder (CLM01 = CLP01 / TRN*2; a 999 by the control numbers of the export) and records it in each
claim file's history. Exit 0 when every file was read, even with denials; 1 when a file cannot be
read (no claim file is changed then).`;

const CHUNK = 1 << 16;

export interface RemitFileResult {
  file: string;
  kind: RemitKind;
  notices: string[];
  match: MatchResult;
}

/** Reads one response file in chunks; 835 claims are matched as they are read. */
export function readAndMatch(path: string, file: string, directory: ClaimDirectory, recordedAt: string): RemitFileResult {
  const ctx = { file, recordedAt };
  const match: MatchResult = { matched: [], unmatched: [] };
  const reader = new RemitReader(file, { keepClaims: false, onClaim: (c) => matchRemittance(c, directory, ctx, match) });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new RemitReadError(file, 0, undefined, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const decoder = new TextDecoder('latin1');
  const buf = new Uint8Array(CHUNK);
  let doc: RemitDocument;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      reader.push(decoder.decode(buf.subarray(0, n), { stream: true }));
    }
    doc = reader.end();
  } finally {
    closeSync(fd);
  }
  if (doc.kind !== '835') {
    const m = matchDocument(doc, directory, ctx);
    match.matched.push(...m.matched);
    match.unmatched.push(...m.unmatched);
  }
  return { file, kind: doc.kind, notices: doc.notices, match };
}

function contractEntry(o: ResponseOutcome) {
  return {
    patientControlNumber: o.patientControlNumber ?? '',
    status: o.status,
    billed: o.billed,
    paid: o.paid,
    patientResponsibility: o.patientResponsibility,
    adjustments: o.adjustments,
    remarks: o.remarks,
    ...(o.rule ? { rule: o.rule } : {}),
  };
}

export const command: CliCommand = {
  name: 'remit',
  summary: 'read 999, 277CA and 835 responses and record them in the claim files',
  usage: USAGE,
  async run(args, io) {
    const folder = flagString(args, 'claims');
    if (!folder) throw new UsageError(`--claims names the folder of claim files to match against.\n${USAGE}`);
    if (args.positionals.length === 0) throw new UsageError(`name at least one 999, 277CA or 835 file.\n${USAGE}`);
    const claims = loadClaimFolder(folder, io.cwd, io.stderr);
    const directory = new ClaimDirectory(claims);
    const recordedAt = new Date().toISOString();

    const results: RemitFileResult[] = [];
    const failures: string[] = [];
    for (const file of args.positionals) {
      try {
        results.push(readAndMatch(resolve(io.cwd, file), file, directory, recordedAt));
      } catch (e) {
        if (!(e instanceof RemitReadError)) throw e;
        failures.push(e.message);
      }
    }
    if (failures.length > 0) {
      io.stderr(`medcode remit: ${failures.length === 1 ? 'a file' : `${failures.length} files`} could not be read:\n${failures.map((f) => `  - ${f}`).join('\n')}\nNo claim file was changed.\n`);
      return 1;
    }
    for (const r of results) for (const n of r.notices) io.stderr(`medcode remit: notice: ${n}\n`);

    const byClaim = new Map<LoadedClaim, Array<RemitFileResult['match']['matched'][number]>>();
    for (const r of results) {
      for (const m of r.match.matched) {
        const loaded = m.claim as LoadedClaim;
        const list = byClaim.get(loaded) ?? [];
        list.push(m);
        byClaim.set(loaded, list);
      }
    }
    const writes: Array<{ path: string; text: string }> = [];
    for (const [loaded, matched] of byClaim) {
      const appended = appendHistory(loaded.raw, historyAppendFor(matched));
      if (!appended.ok) {
        io.stderr(`medcode remit: the history of ${loaded.path} could not be recorded: ${appended.errors.join(' ')}\nNo claim file was changed.\n`);
        return 1;
      }
      if (appended.added > 0) writes.push({ path: loaded.absolutePath, text: `${JSON.stringify(appended.raw, null, 2)}\n` });
    }
    for (const w of writes) writeAtomic(w.path, new TextEncoder().encode(w.text));

    if (flagBool(args, 'json')) {
      const out = results.map((r) => ({
        file: r.file,
        kind: r.kind,
        claims: r.match.matched.map((m) => ({ claim: m.claim.path, ...contractEntry(m.outcome) })),
        unmatched: r.match.unmatched.map((u) => ({ ...contractEntry(u.outcome), reason: u.reason })),
      }));
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    for (const r of results) {
      io.stdout(`${r.file} (${r.kind}): ${r.match.matched.length} claim(s) matched, ${r.match.unmatched.length} unmatched\n`);
      for (const m of r.match.matched) io.stdout(`  ${m.claim.path}: ${describe(m.outcome)}\n`);
      for (const u of r.match.unmatched) io.stdout(`  unmatched${u.outcome.patientControlNumber ? ` ${u.outcome.patientControlNumber}` : ''}: ${describe(u.outcome)} (${u.reason})\n`);
    }
    io.stdout(`${writes.length} claim file(s) updated.\n`);
    return 0;
  },
};

function describe(o: ResponseOutcome): string {
  const money = (n: number) => n.toFixed(2);
  const head = o.kind === '835' ? `${o.status}: billed ${money(o.billed)}, paid ${money(o.paid)}, patient owes ${money(o.patientResponsibility)}` : o.status;
  const why = [...o.adjustments.filter((a) => a.group !== 'PR').map((a) => `${a.group}-${a.reason} ${money(a.amount)}`), ...(o.kind !== '835' && o.status === 'rejected' ? o.remarks.map((r) => r.code) : [])];
  return `${head}${why.length ? ` [${why.join(', ')}]` : ''}${o.rule ? `; MedCode rule ${o.rule} checks this` : ''}`;
}
