// `medcode search "<text>"`: ranked codes for what a coder types.
import { flagDate, flagBool, flagString, UsageError, type CliCommand } from '../command';
import { dbPathFromArgs, openIndexAt } from '../openIndex';
import { useSavedSearch } from '../../node/savedSearch';
import { hccTagsFor } from '../../core/riskadjust/tags';

const USAGE = `Usage: medcode search "<text or code>" [--system icd10cm|hcpcs|cpt] [--limit N] [--date YYYY-MM-DD] [--db PATH] [--json]`;

export const command: CliCommand = {
  name: 'search',
  summary: 'find codes by code, words, abbreviation or lay term (typos tolerated)',
  usage: USAGE,
  async run(args, io) {
    const query = args.positionals.join(' ').trim();
    if (!query) throw new UsageError(`give the words or code to search for.\n${USAGE}`);
    const system = flagString(args, 'system');
    if (system && !['icd10cm', 'hcpcs', 'cpt'].includes(system)) throw new UsageError(`--system takes icd10cm, hcpcs or cpt, not "${system}".`);
    const limitText = flagString(args, 'limit');
    const limit = limitText ? Number(limitText) : 10;
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit takes a positive whole number, not "${limitText}".`);
    const date = flagDate(args);
    const dbPath = dbPathFromArgs(args, io);
    const index = await openIndexAt(dbPath);
    const saveSearch = useSavedSearch(index, dbPath);
    try {
      const results = index.search(query, {
        limit, ...(system ? { system: system as 'icd10cm' | 'hcpcs' | 'cpt' } : {}), ...(date ? { date } : {}),
      });
      if (flagBool(args, 'json')) {
        io.stdout(JSON.stringify(hccTagsFor(index, results, date).map(({ code, system: s, title, billable, version, match, matched, score, path, concept, hcc }) => ({ code, system: s, title, billable, version, match, matched, score, path, concept, ...(hcc !== undefined ? { hcc } : {}) })), null, 2) + '\n');
      } else if (results.length === 0) {
        io.stdout(`no codes found for "${query}"\n`);
      } else {
        for (const r of hccTagsFor(index, results, date)) {
          io.stdout(`${r.code.padEnd(9)} ${r.billable ? ' ' : 'H'} ${r.title}  [${r.system} ${r.version}; ${r.match}${r.concept ? `; for "${r.concept}"` : ''}]${r.hcc ? ` ${r.hcc.category} (${r.hcc.model})` : ''}\n`);
          if (r.path) io.stdout(`${' '.repeat(12)}index: ${r.path}\n`);
        }
      }
      saveSearch();
    } finally {
      index.close();
    }
    return 0;
  },
};
