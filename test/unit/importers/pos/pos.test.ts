import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinPlaceOfService, posFhirImporter } from '../../../../src/core/importers/pos';
import { headText } from '../../../../src/core/importers/text';
import { ImportError, type ImportFile } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';

const fixture = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures/pos', name))) });

describe('place of service', () => {
  test('FHIR CodeSystem concepts become pos rows; version from <version>', async () => {
    const f = fixture('sample-pos-codesystem.xml');
    // The fixture's <url> does not say "place of service" but its title does.
    assert.equal(posFhirImporter.detect(f.name, headText(f.bytes)), true);
    const sink = new CountingSink();
    const r = await posFhirImporter.run(f, sink, 'x', {});
    assert.deepEqual([r.version, r.counts.codes], ['20300115', 2]);
    const set = sink.only('pos');
    assert.deepEqual(set.codes[0], {
      code: '11', display: '11', kind: 'pos', billable: true, shortTitle: 'Sample office',
      longTitle: 'Sample definition one. (Effective January 1, 2030)', extra: { effectiveDate: '2030-01-01' },
    });
    assert.equal(set.codes[1]!.longTitle, 'Sample other place');
  });

  test('other XML is not taken for a POS code system', () => {
    assert.equal(posFhirImporter.detect('x.xml', '<?xml version="1.0"?><ICD10CM.tabular><version>2030</version>'), false);
    assert.equal(posFhirImporter.detect('x.xml', '<CodeSystem xmlns="http://hl7.org/fhir"><title value="Sample gender codes"/>'), false);
  });

  test('truncated XML is an error naming the file', async () => {
    await assert.rejects(posFhirImporter.run(fixture('sample-pos-truncated.xml'), new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /sample-pos-truncated\.xml/.test(e.message) && /truncated or not well-formed/.test(e.message));
  });

  test('XML with another root element is an error saying what was expected', async () => {
    const f = { name: 'other.xml', bytes: new TextEncoder().encode('<ValueSet xmlns="http://hl7.org/fhir"><concept><code value="11"/></concept></ValueSet>') };
    await assert.rejects(posFhirImporter.run(f, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /other\.xml: expected a FHIR CodeSystem/.test(e.message));
  });

  test('the built-in table: 52 assigned two-digit codes, each with a short name', () => {
    assert.equal(builtinPlaceOfService.length, 52);
    assert.ok(builtinPlaceOfService.every((r) => /^\d\d$/.test(r.code) && r.kind === 'pos' && (r.shortTitle ?? '').length > 2));
    assert.equal(new Set(builtinPlaceOfService.map((r) => r.code)).size, 52);
    assert.equal(builtinPlaceOfService.find((r) => r.code === '11')?.shortTitle, 'Office');
    assert.equal(builtinPlaceOfService.find((r) => r.code === '28'), undefined, '28 is unassigned');
  });
});
