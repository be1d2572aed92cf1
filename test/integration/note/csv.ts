// Reads the shared corpora's CSV files in tests (RFC 4180: quoted fields may hold commas, quotes and line breaks).
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field: string[] = [];
  let fieldStart = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field.push(text.slice(fieldStart, i + 1)); i++; fieldStart = i + 1; }
      else if (c === '"') { field.push(text.slice(fieldStart, i)); quoted = false; fieldStart = i + 1; }
    } else if (c === '"') { quoted = true; fieldStart = i + 1; }
    else if (c === ',' || c === '\n') {
      field.push(text.slice(fieldStart, i).replace(/\r$/, ''));
      row.push(field.join('')); field = []; fieldStart = i + 1;
      if (c === '\n') { rows.push(row); row = []; }
    }
  }
  if (fieldStart < text.length || row.length > 0) { field.push(text.slice(fieldStart)); row.push(field.join('')); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter((r) => r.length === header!.length).map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!])));
}
