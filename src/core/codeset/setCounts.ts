// How many codes, notes, index entries and edits each code set holds. The writer stores them in
// `meta` when a set is written; databases written before it did have them computed on open.
import type { Database } from 'sql.js';

/** Per set id: the stored counts, or for a set without them (an older database) counts from the tables. */
export function countsBySet(db: Database): Map<number, Record<string, number>> {
  const m = new Map<number, Record<string, number>>();
  for (const row of db.exec("SELECT key, value FROM meta WHERE key LIKE 'counts:%'")[0]?.values ?? []) {
    m.set(Number(String(row[0]).slice('counts:'.length)), JSON.parse(String(row[1])) as Record<string, number>);
  }
  const missing = db.exec('SELECT id FROM codeset')[0]?.values.map((r) => Number(r[0])).filter((id) => !m.has(id)) ?? [];
  for (const [id, counts] of computeCounts(db, missing)) m.set(id, counts);
  return m;
}

/** Per-set counts straight from the tables (the writer stores them; old databases compute them on open). */
export function computeCounts(db: Database, ids: number[]): Map<number, Record<string, number>> {
  const m = new Map<number, Record<string, number>>();
  if (ids.length === 0) return m;
  const list = ids.join(',');
  const add = (sql: string, fields: string[]) => {
    for (const row of db.exec(sql)[0]?.values ?? []) {
      const id = Number(row[0]);
      const c = m.get(id) ?? {};
      fields.forEach((f, i) => { if (Number(row[i + 1]) > 0) c[f] = (c[f] ?? 0) + Number(row[i + 1]); });
      m.set(id, c);
    }
  };
  add(`SELECT set_id, SUM(kind NOT IN ('chapter','section')), SUM(billable AND kind NOT IN ('chapter','section')), SUM(kind = 'chapter'), SUM(kind = 'section') FROM code WHERE set_id IN (${list}) GROUP BY set_id`, ['codes', 'billable', 'chapters', 'sections']);
  add(`SELECT set_id, COUNT(*), SUM(type = 'excludes1'), SUM(type = 'excludes2'), SUM(type = 'inclusionTerm') FROM tabular_note WHERE set_id IN (${list}) GROUP BY set_id`, ['notes', 'excludes1', 'excludes2', 'inclusionTerms']);
  add(`SELECT set_id, COUNT(DISTINCT code) FROM seventh_char WHERE set_id IN (${list}) GROUP BY set_id`, ['seventhCharDefinitions']);
  add(`SELECT set_id, COUNT(*), SUM(level = 0) FROM index_entry WHERE set_id IN (${list}) GROUP BY set_id`, ['indexEntries', 'mainTerms']);
  add(`SELECT set_id, COUNT(*) FROM mue WHERE set_id IN (${list}) GROUP BY set_id`, ['edits']);
  add(`SELECT set_id, COUNT(*) FROM addon WHERE set_id IN (${list}) GROUP BY set_id`, ['edits']);
  add(`SELECT set_id, COUNT(*) FROM mce_edit WHERE set_id IN (${list}) GROUP BY set_id`, ['edits']);
  add(`SELECT set_id, SUM(tbl = 'dx'), SUM(tbl = 'hierarchy'), SUM(tbl = 'label'), SUM(tbl = 'coefficient'), SUM(tbl = 'edit'), SUM(tbl = 'chronic'), SUM(tbl = 'eligible') FROM risk_row WHERE set_id IN (${list}) GROUP BY set_id`,
    ['mappings', 'hierarchies', 'labels', 'coefficients', 'edits', 'chronicFlags', 'eligibleCodes']);
  for (const row of db.exec("SELECT key, value FROM meta WHERE key LIKE 'ptp-count:%'")[0]?.values ?? []) {
    const id = Number(String(row[0]).slice('ptp-count:'.length));
    if (!ids.includes(id)) continue;
    const parsed = JSON.parse(String(row[1])) as { edits: number; active: number };
    m.set(id, { ...(m.get(id) ?? {}), edits: parsed.edits, activeEdits: parsed.active });
  }
  for (const id of ids) if (!m.has(id)) m.set(id, {});
  return m;
}
