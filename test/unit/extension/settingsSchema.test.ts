import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../src/extension/settingsSchema';
import { DEFAULT_THRESHOLD } from '../../../src/core/suggest/types';

describe('normalizeSettings', () => {
  test('gives every default when nothing is set', () => {
    const { settings, problems } = normalizeSettings({});
    assert.deepEqual(problems, []);
    assert.equal(settings.setting, 'outpatient');
    assert.deepEqual(settings.noteGlobs, []);
    assert.equal(settings.decorations.style, 'highlight');
    assert.equal(settings.decorations.dimNegated, true);
    assert.equal(settings.suggestionThreshold, DEFAULT_THRESHOLD, 'the analyzer\'s own default, shared with the CLI');
    assert.equal(settings.databasePath, '');
    assert.equal(settings.loadOnStartup, true, 'a workspace with notes loads the code sets when VS Code starts');
    // No editor-only severities: the note, the panel and `medcode check` judge a claim alike.
    assert.deepEqual(settings.ruleSeverity, {});
    assert.deepEqual(DEFAULT_SETTINGS, settings);
  });

  test('keeps valid values and trims globs and paths', () => {
    const { settings } = normalizeSettings({
      setting: 'inpatient', noteGlobs: [' notes/**/*.txt ', ''], decorations: { style: 'underline', inlineCodes: true, dimNegated: false },
      suggestionThreshold: 0.7, databasePath: ' /data/codesets.sqlite ', dateOfService: '2024-03-01', loadOnStartup: false,
      ruleSeverity: { 'icd10cm.excludes1': 'warning', 'claim.required-field': 'error' },
    });
    assert.equal(settings.loadOnStartup, false);
    assert.equal(settings.setting, 'inpatient');
    assert.deepEqual(settings.noteGlobs, ['notes/**/*.txt']);
    assert.deepEqual(settings.decorations, { style: 'underline', inlineCodes: true, dimNegated: false });
    assert.equal(settings.suggestionThreshold, 0.7);
    assert.equal(settings.databasePath, '/data/codesets.sqlite');
    assert.equal(settings.dateOfService, '2024-03-01');
    assert.equal(settings.ruleSeverity['icd10cm.excludes1'], 'warning');
    assert.equal(settings.ruleSeverity['claim.required-field'], 'error');
  });

  test('a bad value falls back to its own default and is reported, without resetting the others', () => {
    const { settings, problems } = normalizeSettings({
      setting: 'emergency', suggestionThreshold: 3, decorations: { style: 'neon', inlineCodes: true }, dateOfService: 'March 1',
      ruleSeverity: { 'not.a.rule': 'error', 'icd10cm.excludes1': 'loud', 'mce.age': 'off' },
    });
    assert.equal(settings.setting, 'outpatient');
    assert.equal(settings.suggestionThreshold, DEFAULT_THRESHOLD, 'the analyzer\'s own default, shared with the CLI');
    assert.equal(settings.decorations.style, 'highlight');
    assert.equal(settings.decorations.inlineCodes, true);
    assert.equal(settings.dateOfService, '');
    assert.equal(settings.ruleSeverity['mce.age'], 'off');
    assert.equal(settings.ruleSeverity['icd10cm.excludes1'], undefined);
    assert.ok(problems.some((p) => p.includes('"not.a.rule" is not a MedCode rule id')));
    assert.ok(problems.some((p) => p.includes('"icd10cm.excludes1" must be error, warning, info or off')));
    assert.ok(problems.some((p) => p.startsWith('medcode.setting')));
    assert.ok(problems.some((p) => p.startsWith('medcode.suggestionThreshold')));
  });

  test('reads a non-object as all defaults', () => {
    assert.deepEqual(normalizeSettings(undefined).settings, DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings('x').settings, DEFAULT_SETTINGS);
  });
});
