import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, NoteMatcher, type DocumentIdentity } from '../../../src/extension/noteFiles';

const doc = (path: string, languageId = 'plaintext', scheme = 'file'): DocumentIdentity => ({ path, languageId, scheme, uri: `${scheme}:///ws/${path}` });

describe('which files are notes', () => {
  test('the clinical-note language is a note; ordinary files are not', () => {
    const m = new NoteMatcher([]);
    assert.equal(m.isNote(doc('notes/visit.note', 'clinical-note')), true);
    assert.equal(m.isNote(doc('src/app.ts', 'typescript')), false);
    assert.equal(m.isNote(doc('notes/visit.txt')), false);
  });

  test('globs make other files notes; a glob without a slash matches the name anywhere', () => {
    const m = new NoteMatcher(['notes/**/*.txt', '*.dictation']);
    assert.equal(m.isNote(doc('notes/2024/visit.txt')), true);
    assert.equal(m.isNote(doc('notes/visit.txt')), true);
    assert.equal(m.isNote(doc('other/visit.txt')), false);
    assert.equal(m.isNote(doc('deep/dir/a.dictation')), true);
    assert.equal(m.isNote(doc('/abs/outside/a.dictation')), true);
  });

  test('a file marked with "Analyze This File as a Clinical Note" is a note', () => {
    const marked = new Set<string>();
    const m = new NoteMatcher([], marked);
    const d = doc('readme.txt');
    assert.equal(m.isNote(d), false);
    marked.add(d.uri);
    assert.equal(m.isNote(d), true);
  });

  test('output panes, git views and other non-file schemes are never notes', () => {
    const m = new NoteMatcher(['**/*']);
    assert.equal(m.isNote(doc('x.note', 'clinical-note', 'output')), false);
    assert.equal(m.isNote(doc('x.note', 'clinical-note', 'git')), false);
    assert.equal(m.isNote(doc('x.note', 'clinical-note', 'untitled')), true);
  });

  test('glob syntax: *, **, ?, {a,b}, [abc], and dots are literal', () => {
    assert.equal(globToRegExp('*.txt').test('a.txt'), true);
    assert.equal(globToRegExp('*.txt').test('dir/a.txt'), false);
    assert.equal(globToRegExp('*.txt').test('aXtxt'), false);
    assert.equal(globToRegExp('**/*.txt').test('a/b/c.txt'), true);
    assert.equal(globToRegExp('**/*.txt').test('c.txt'), true);
    assert.equal(globToRegExp('note?.md').test('note1.md'), true);
    assert.equal(globToRegExp('*.{txt,rtf}').test('a.rtf'), true);
    assert.equal(globToRegExp('*.{txt,rtf}').test('a.doc'), false);
    assert.equal(globToRegExp('[ab].txt').test('b.txt'), true);
    assert.equal(globToRegExp('[!ab].txt').test('b.txt'), false);
  });
});
