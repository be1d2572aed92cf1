// 1,000 random valid claims exported as 837P and checked by ../shared/tools/x12valid (pyx12 with
// the 005010X222A1 maps) in one batch: every one must pass.
import { describe, test } from 'node:test';
import { exportValidClaims } from '../../support/validClaims';
import { assertX12ValidBatch, skipUnlessX12valid } from '../../support/x12valid';

describe('strict 837P validity at volume', { skip: skipUnlessX12valid() }, () => {
  test('1,000 random valid claims: every 837P passes x12valid', (t) => {
    const texts = exportValidClaims(1000);
    t.diagnostic(`${texts.length} interchanges, ${texts.reduce((n, x) => n + x.text.split('\n').length - 1, 0)} segments`);
    assertX12ValidBatch(texts);
  });
});
