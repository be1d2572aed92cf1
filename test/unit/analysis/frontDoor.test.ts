// The front door: one call gives diagnoses, E/M and HCPCS with evidence, the claim's warnings and
// the releases used; long notes give the same codes piece by piece; claims drafted from it list
// the top-ranked diagnosis first and point service lines at the diagnoses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeNote, checkClaim, createClaim, draftClaim, withDecision } from '../../../src/core/analysis/index';
import { suggestFixtureIndex } from '../suggest/fixture';
import { fixtureIndex, icd } from '../../support/fixtureIndex';

const VISIT = [
  'Established patient, follow-up visit.',
  'ASSESSMENT:',
  '1. Type 2 diabetes mellitus with chronic kidney disease stage 3b.',
  '2. Streptococcal pharyngitis.',
  'PLAN: ceftriaxone 1 g IM once today. Reviewed labs, ordered a CBC.',
  'I spent a total of 32 minutes on the date of the encounter.',
  '',
].join('\n');
const at = '2024-03-01T00:00:00.000Z';

describe('analyzeNote (front door)', () => {
  test('one call suggests diagnoses, the office E/M level and HCPCS drug codes, each with its words and reason', async () => {
    const index = await suggestFixtureIndex();
    const r = await analyzeNote(index, VISIT, undefined, '2024-03-01');
    assert.ok(r.diagnoses.some((s) => s.code === 'E11.22'), `diagnoses: ${r.diagnoses.map((s) => s.code).join(', ')}`);
    const em = r.procedures.find((s) => s.code === '99214');
    assert.ok(em, `procedures: ${r.procedures.map((s) => s.code).join(', ')}`);
    assert.match(em.reason, /32 min/);
    assert.ok(em.evidence.some((e) => VISIT.slice(e.start, e.end) === e.text && /32 minutes/.test(e.text)));
    const drug = r.hcpcs.find((s) => s.code === 'J0696');
    assert.equal(drug?.units, 4);
    assert.equal(VISIT.slice(drug!.evidence[0]!.start, drug!.evidence[0]!.end), 'ceftriaxone 1 g');
    assert.deepEqual(r.suggestions.map((s) => s.code).sort(), [...r.diagnoses, ...r.procedures, ...r.hcpcs].map((s) => s.code).sort());
    assert.deepEqual(r.warnings, [], 'no claim, no claim warnings');
    assert.equal(r.dateOfService, '2024-03-01');
    assert.deepEqual(r.codeSets.map((c) => `${c.system} ${c.version} ${c.inForce}`), ['icd10cm FY2024 true', 'hcpcs 2025-Oct true']);
    assert.deepEqual(r.notices, []);
  });

  test("the claim's date of service picks the releases; a date none covers uses the latest and says so", async () => {
    const index = await suggestFixtureIndex();
    const claim = { ...createClaim({ setting: 'outpatient', dateOfService: '2019-05-01' }) };
    const r = await analyzeNote(index, VISIT, claim, undefined);
    assert.equal(r.dateOfService, '2019-05-01');
    assert.equal(r.codeSets.find((c) => c.system === 'icd10cm')?.inForce, false);
    assert.match(r.notices[0] ?? '', /No installed ICD-10-CM release covers 2019-05-01 \(the claim's date of service\).*FY2024/);
    assert.ok(r.diagnoses.length > 0, 'suggestions still come, from the latest release');
    // A date given to the call wins over the claim's and is named as given.
    const given = await analyzeNote(index, VISIT, claim, '2018-01-02', { dateSource: 'the --date flag' });
    assert.match(given.notices[0] ?? '', /2018-01-02 \(the --date flag\)/);
    // "today" no release covers is no notice: the latest release is the right one to use.
    assert.deepEqual((await analyzeNote(index, VISIT, undefined, undefined, { today: '2031-01-01' })).notices, []);
  });

  test('a date whose ICD-10-CM release is the latest codes with the latest index (no second analyzer dictionary); HCPCS then comes from the latest release', async () => {
    const index = await fixtureIndex([
      { system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30', codes: [icd('J02', 'Acute pharyngitis', false), icd('J02.0', 'Streptococcal pharyngitis')], indexEntries: [{ source: 'index', path: 'Pharyngitis > streptococcal', term: 'streptococcal', level: 1, code: 'J020' }] },
      { system: 'hcpcs', version: '2025', effectiveFrom: '2025-01-01', codes: [{ code: 'J0696', display: 'J0696', kind: 'code', billable: true, longTitle: 'Injection, ceftriaxone sodium, per 250 mg', shortTitle: 'Ceftriaxone sodium injection' }] },
    ]);
    // Building an analyzer dictionary reads every index entry: count the reads.
    let entryReads = 0;
    const counted = new Proxy(index, {
      get(target, name) {
        const v = Reflect.get(target, name, target) as unknown;
        if (name === 'eachIndexEntry' || name === 'allIndexEntries') entryReads++;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const note = 'ASSESSMENT: Streptococcal pharyngitis.\nPLAN: ceftriaxone 1 g IM today.\n';
    await analyzeNote(counted, note, undefined, undefined);
    const afterLatest = entryReads;
    const r = await analyzeNote(counted, note, undefined, '2024-03-01');
    assert.equal(entryReads, afterLatest, 'no second dictionary was built for the date');
    assert.ok(r.diagnoses.some((s) => s.code === 'J02.0'));
    assert.equal(r.hcpcs.find((s) => s.code === 'J0696')?.units, 4, 'the drug code is found in the latest HCPCS release');
    assert.deepEqual(r.codeSets.map((c) => `${c.system} ${c.version} ${c.inForce}`), ['icd10cm FY2024 true', 'hcpcs 2025 false']);
  });

  test("the claim's warnings come with the analysis, the same as checkClaim gives", async () => {
    const index = await suggestFixtureIndex();
    let claim = createClaim({ setting: 'outpatient', dateOfService: '2024-03-01' });
    for (const code of ['E11.22', 'E11.9']) claim = withDecision(claim, { code, system: 'icd10cm', status: 'accepted', who: 't', at });
    const r = await analyzeNote(index, VISIT, claim, undefined, { today: '2024-03-02' });
    const direct = await checkClaim(index, claim, { noteText: VISIT, today: '2024-03-02' });
    assert.ok(r.warnings.length > 0);
    assert.deepEqual(r.warnings, direct);
  });

  test('a long note analyzed in pieces finds the codes of each piece, with evidence at their place in the whole note', async () => {
    const index = await suggestFixtureIndex();
    const filler = 'Patient doing well at home, walking daily and eating a balanced diet.\n\n'.repeat(260);
    const text = `${filler}ASSESSMENT:\nStreptococcal pharyngitis.\n\n${filler}PLAN: ceftriaxone 1 g IM once.\n`;
    assert.ok(text.length > 16_000);
    let pauses = 0;
    const r = await analyzeNote(index, text, undefined, undefined, { pause: async () => { pauses++; } });
    assert.ok(pauses > 3, 'the caller got control between pieces');
    const strep = r.diagnoses.find((s) => s.code === 'J02.0');
    assert.ok(strep, `diagnoses: ${r.diagnoses.map((s) => s.code).join(', ')}`);
    for (const e of strep.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(strep.evidence.some((e) => /streptococcal/i.test(e.text)) && strep.evidence[0]!.start > 16_000 / 2);
    const drug = r.hcpcs.find((s) => s.code === 'J0696');
    assert.equal(text.slice(drug!.evidence[0]!.start, drug!.evidence[0]!.end), 'ceftriaxone 1 g');
  });
});

describe('claims made from suggestions', () => {
  test('the draft lists the top-ranked diagnosis first and its service lines carry units and point at the diagnoses', async () => {
    const index = await suggestFixtureIndex();
    const r = await analyzeNote(index, VISIT, undefined, '2024-03-01');
    const claim = draftClaim(r.suggestions, { setting: 'outpatient', dateOfService: '2024-03-01' }, 't', at);
    assert.equal(claim.diagnoses?.[0]?.code, r.diagnoses[0]!.code);
    const drug = claim.lines?.find((l) => l.code === 'J0696');
    assert.equal(drug?.units, 4);
    assert.deepEqual(drug?.diagnosisPointers, claim.diagnoses!.slice(0, 4).map((_, i) => i + 1));
    assert.ok(claim.lines?.some((l) => l.code === '99214' && l.system === 'cpt'));
  });

  test('accepting in any order keeps diagnoses in the analyzer\'s rank; line pointers follow an inserted diagnosis', () => {
    const rank = new Map([['E1122', 0], ['J020', 1]]);
    const rankOf = (c: string) => rank.get(c.replace(/\./g, ''));
    let c = createClaim({ setting: 'outpatient' });
    c = withDecision(c, { code: 'J02.0', system: 'icd10cm', status: 'accepted', who: 't', at, rankOf });
    c = withDecision(c, { code: 'J0696', system: 'hcpcs', status: 'accepted', who: 't', at, rankOf, units: 4 });
    assert.deepEqual(c.lines?.[0]?.diagnosisPointers, [1]);
    c = withDecision(c, { code: 'Z79.01', system: 'icd10cm', status: 'accepted', who: 't', at, rankOf });
    c = withDecision(c, { code: 'E11.22', system: 'icd10cm', status: 'accepted', who: 't', at, rankOf });
    assert.deepEqual(c.diagnoses?.map((d) => d.code), ['E11.22', 'J02.0', 'Z79.01'], 'the top-ranked goes first; a typed code keeps its place');
    assert.deepEqual(c.lines?.[0]?.diagnosisPointers, [2], 'the line still points at J02.0');
    assert.equal(c.lines?.[0]?.units, 4);
  });
});
