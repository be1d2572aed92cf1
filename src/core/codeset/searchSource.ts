// What code search reads from the code-set index: queries, the installed sets and which set
// answers for a system on a date.
import type { SqlValue } from 'sql.js';
import type { CodesetIndex, CodesetInfo } from './api';
import type { CodeSystem } from '../importers/types';
import type { Content } from './versions';

export interface SearchSource {
  query<T extends Record<string, SqlValue>>(sql: string, params?: SqlValue[]): T[];
  sets(): CodesetInfo[];
  setById(id: number): CodesetInfo | undefined;
  /** The id of the set whose codes answer for `system` on `date`. */
  codeSetId(system: CodeSystem, date?: string): number | undefined;
  /** The set holding `content` of `system` nearest `date` (lenient). */
  contentSet(system: CodeSystem, content: Content, date?: string): CodesetInfo | undefined;
  /** Tabular notes of a code ("use additional code", "code also"), for combination searches. */
  notes: CodesetIndex['notes'];
  inRanges: CodesetIndex['inRanges'];
}
