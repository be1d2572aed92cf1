// CMS place-of-service FHIR CodeSystem over the real file in ../shared, checked against the built-in table.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinPlaceOfService, posImporters } from '../../../../src/core/importers/pos';
import { headText } from '../../../../src/core/importers/text';
import { CountingSink } from '../../../support/countingSinkOther';
import { sharedPath, skipUnlessShared } from '../../../support/shared';

const POS = 'codesets/pos/cs-CMS-PlaceofServiceCodes.HL7-UTG.xml';

describe('CMS place-of-service CodeSystem', { skip: skipUnlessShared(POS) }, () => {
  test('52 concepts; the built-in table has exactly the same codes', async () => {
    const f = { name: 'cs-CMS-PlaceofServiceCodes.HL7-UTG.xml', bytes: new Uint8Array(readFileSync(sharedPath(POS))) };
    const importer = posImporters.find((i) => i.detect(f.name, headText(f.bytes)));
    assert.ok(importer);
    const sink = new CountingSink();
    const r = await importer.run(f, sink, 'sha', {});
    assert.equal(r.counts.codes, 52);
    const set = sink.only('pos');
    assert.equal(set.meta.version, '20240502');
    assert.deepEqual(set.codes.map((c) => c.code).sort(), builtinPlaceOfService.map((c) => c.code).sort());
  });
});
