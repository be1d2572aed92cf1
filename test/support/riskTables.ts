// The real CMS-HCC tables of ../shared/riskadjust imported into an in-memory database once per
// test process (about 130,000 rows), for integration tests and the benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCodesetIndex, type SqlCodesetIndex } from '../../src/core/codeset/index';
import { CodesetWriter } from '../../src/core/codeset/writer';
import { ALL_IMPORTERS } from '../../src/core/importers/registry';
import { importBatch } from '../../src/core/importers/run';
import { riskAdjustmentOf, type RiskAdjustment } from '../../src/core/riskadjust/read';
import { sqlJs } from './fixtureIndex';
import { sharedPath } from './shared';

export const RISK_DIR = 'riskadjust';

let loaded: Promise<{ index: SqlCodesetIndex; risk: RiskAdjustment }> | undefined;

export function loadRealRiskTables(): Promise<{ index: SqlCodesetIndex; risk: RiskAdjustment }> {
  loaded ??= (async () => {
    const SQL = await sqlJs();
    const dir = sharedPath(RISK_DIR);
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
    const writer = new CodesetWriter(SQL);
    await importBatch(files, writer, ALL_IMPORTERS);
    const index = openCodesetIndex(SQL, writer.exportMain());
    writer.close();
    return { index, risk: riskAdjustmentOf(index)! };
  })();
  return loaded;
}
