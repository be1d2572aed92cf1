// The code-set index schema (SQLite, run by sql.js). One database holds several versions of
// several systems side by side; every row belongs to a `codeset` (system + version). Codes are
// stored without the dot, upper case (`E1122`); `display` keeps the official spelling (`E11.22`).
//
// NCCI PTP edits (2.5 M rows) live in a separate database file with the same `codeset` table
// and a `ptp` table, opened on first use, so the common path stays small.

export const SCHEMA_VERSION = 1;

export const CORE_SCHEMA = `
PRAGMA user_version = ${SCHEMA_VERSION};
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS codeset (
  id INTEGER PRIMARY KEY,
  system TEXT NOT NULL,          -- icd10cm | hcpcs | cpt | ncci-mue | ncci-addon | ncci-ptp | mce | pos | modifier | cms-hcc
  version TEXT NOT NULL,         -- FY2021, 2025-Oct, 2024-Q3, v41.1 ...
  effective_from TEXT,           -- ISO date, inclusive
  effective_to TEXT,             -- ISO date, inclusive; NULL = open
  imported_at TEXT NOT NULL,
  sources TEXT NOT NULL,         -- JSON [{name, sha256, kind, bytes}]
  variant TEXT NOT NULL DEFAULT '', -- practitioner | outpatient_hospital | dme (NCCI), '' otherwise
  UNIQUE (system, version, variant)
);
-- Codes of every system with titles (ICD-10-CM, HCPCS, CPT numbers, modifiers, POS).
CREATE TABLE IF NOT EXISTS code (
  set_id INTEGER NOT NULL,
  code TEXT NOT NULL,            -- normalized: no dot, upper case
  display TEXT NOT NULL,         -- official spelling, e.g. E11.22
  kind TEXT NOT NULL,            -- chapter | section | category | subcategory | code | modifier | pos
  billable INTEGER NOT NULL DEFAULT 0,
  short_title TEXT,
  long_title TEXT,
  parent TEXT,                   -- normalized parent code (ICD-10-CM hierarchy), NULL at the top
  extra TEXT,                    -- JSON: HCPCS dates/action code, chapter number, section range ...
  PRIMARY KEY (set_id, code)
) WITHOUT ROWID;
-- No index on parent (4 MB of the file, read into memory whole): children() reads the primary key's
-- range of the parent's code. Databases written before keep their code_parent index; it does no harm.
-- Tabular notes: inclusion terms, excludes1/2, code first, use additional, code also, includes,
-- sevenChrNote. refs: JSON [[from, to]] normalized code ranges parsed from the text ("E08.-" -> [E08, E08]).
CREATE TABLE IF NOT EXISTS tabular_note (
  set_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  refs TEXT
);
CREATE INDEX IF NOT EXISTS tabular_note_code ON tabular_note (set_id, code);
-- 7th characters defined on a category or subcategory (inherited by its descendants).
CREATE TABLE IF NOT EXISTS seventh_char (
  set_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  chr TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (set_id, code, chr)
) WITHOUT ROWID;
-- Alphabetic Index, Table of Drugs, Neoplasm Table, External Cause Index.
-- path: "Pneumonia > aspiration"; nemod: nonessential modifiers; codes: JSON object of column -> code
-- for the drug and neoplasm tables ({"poisoningAccidental": "T36.0X1", ...}).
CREATE TABLE IF NOT EXISTS index_entry (
  id INTEGER PRIMARY KEY,
  set_id INTEGER NOT NULL,
  source TEXT NOT NULL,          -- index | drug | neoplasm | eindex
  path TEXT NOT NULL,
  term TEXT NOT NULL,
  level INTEGER NOT NULL,
  nemod TEXT,
  code TEXT,                     -- normalized code, may be partial (ends with '-' removed)
  see TEXT,
  see_also TEXT,
  codes TEXT
);
CREATE INDEX IF NOT EXISTS index_entry_code ON index_entry (set_id, code);
CREATE TABLE IF NOT EXISTS mue (
  set_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  units INTEGER NOT NULL,
  mai INTEGER NOT NULL,
  rationale TEXT,
  PRIMARY KEY (set_id, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS addon (
  set_id INTEGER NOT NULL,
  addon TEXT NOT NULL,
  primary_code TEXT NOT NULL,    -- CCCCC = payer-defined primary
  edit_type INTEGER NOT NULL,
  PRIMARY KEY (set_id, addon, primary_code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mce_edit (
  set_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  edit TEXT NOT NULL,            -- age | sex | manifestation
  rule TEXT NOT NULL,            -- newborn | pediatric | maternity | adult | female | male | manifestation-not-principal
  min_age INTEGER,
  max_age INTEGER,
  sex TEXT,
  text TEXT NOT NULL             -- the row as CMS wrote it
);
CREATE INDEX IF NOT EXISTS mce_edit_code ON mce_edit (set_id, code);
-- CMS-HCC risk-adjustment tables of a payment year (system cms-hcc), one row per table row:
-- dx (key ICD-10-CM code, value CC), hierarchy (key parent CC, value child CC), label (key CC),
-- coefficient (key variable name, value the relative factor), edit (key code, value action,
-- extra JSON: edit, sex, minAge, maxAge, cc, description), chronic (key CC, value Y | N),
-- eligible (key CPT/HCPCS number, value ''). model: V28, V24, ESRD-V24, RxHCC-V08 ... ('' for eligible).
CREATE TABLE IF NOT EXISTS risk_row (
  set_id INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  model TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  extra TEXT
);
CREATE INDEX IF NOT EXISTS risk_row_key ON risk_row (set_id, tbl, model, key);
-- Word search is an in-memory index built from code, tabular_note and index_entry (see search.ts).
`;

export const PTP_SCHEMA = `
PRAGMA user_version = ${SCHEMA_VERSION};
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS codeset (
  id INTEGER PRIMARY KEY,
  system TEXT NOT NULL,
  version TEXT NOT NULL,
  effective_from TEXT,
  effective_to TEXT,
  imported_at TEXT NOT NULL,
  sources TEXT NOT NULL,
  variant TEXT NOT NULL DEFAULT '',
  UNIQUE (system, version, variant)
);
-- deletion_date NULL = active (the official files write 99991231 / 9999-12-31).
CREATE TABLE IF NOT EXISTS ptp (
  set_id INTEGER NOT NULL,
  col1 TEXT NOT NULL,
  col2 TEXT NOT NULL,
  effective_date TEXT,
  deletion_date TEXT,
  modifier_indicator INTEGER NOT NULL,
  rationale_id INTEGER
);
-- A few dozen rationale texts repeat over millions of rows: stored once.
CREATE TABLE IF NOT EXISTS ptp_rationale (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE INDEX IF NOT EXISTS ptp_pair ON ptp (col1, col2);
`;
