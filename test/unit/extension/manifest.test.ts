import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULE_IDS } from '../../../src/core/rules/types';
import { DEFAULT_SETTINGS } from '../../../src/extension/settingsSchema';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8'));

describe('extension manifest', () => {
  test('activation: on a note\'s language, or in a workspace that holds notes; never "*" or every startup', () => {
    for (const e of manifest.activationEvents as string[]) assert.match(e, /^(onLanguage:|workspaceContains:\*\*\/\*\.note$)/);
    assert.ok((manifest.activationEvents as string[]).includes('workspaceContains:**/*.note'), 'the code sets can load before the first note opens');
  });

  test('every setting the code reads is contributed, with the same defaults', () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['medcode.setting'].default, DEFAULT_SETTINGS.setting);
    assert.deepEqual(props['medcode.noteGlobs'].default, DEFAULT_SETTINGS.noteGlobs);
    assert.equal(props['medcode.decorations.style'].default, DEFAULT_SETTINGS.decorations.style);
    assert.equal(props['medcode.decorations.inlineCodes'].default, DEFAULT_SETTINGS.decorations.inlineCodes);
    assert.equal(props['medcode.decorations.dimNegated'].default, DEFAULT_SETTINGS.decorations.dimNegated);
    assert.equal(props['medcode.suggestionThreshold'].default, DEFAULT_SETTINGS.suggestionThreshold);
    assert.equal(props['medcode.databasePath'].default, DEFAULT_SETTINGS.databasePath);
    assert.equal(props['medcode.loadOnStartup'].default, DEFAULT_SETTINGS.loadOnStartup);
    assert.deepEqual(props['medcode.ruleSeverity'].default, DEFAULT_SETTINGS.ruleSeverity);
    assert.deepEqual(Object.keys(props['medcode.ruleSeverity'].properties).sort(), [...RULE_IDS].sort());
  });

  test('notes are a language of their own; trust and virtual workspaces are declared', () => {
    assert.deepEqual(manifest.contributes.languages.find((l: { id: string }) => l.id === 'clinical-note').extensions, ['.note']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['medcode.databasePath']);
    assert.ok(manifest.capabilities.virtualWorkspaces);
  });

  test('the commands the code registers are contributed; internal ones are hidden from the palette', () => {
    const ids = (manifest.contributes.commands as { command: string }[]).map((c) => c.command);
    for (const id of ['medcode.analyzeAsNote', 'medcode.searchCodes', 'medcode.importCodesets', 'medcode.downloadCodesets', 'medcode.showCodesets']) assert.ok(ids.includes(id), id);
    const hidden = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).filter((m) => m.when === 'false').map((m) => m.command);
    for (const id of ['medcode.acceptSuggestion', 'medcode.rejectSuggestion', 'medcode.applyRuleFix', 'medcode.suppressWarning']) assert.ok(hidden.includes(id), id);
  });
});
