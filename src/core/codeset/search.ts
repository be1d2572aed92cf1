// Code search: exact codes in any spelling, code prefixes, words against titles, inclusion
// terms and Alphabetic Index paths (FTS4), abbreviations and lay terms, typo tolerance.
import Fuse from 'fuse.js';
import type { CodeSystem } from '../importers/types';
import type { CodeRecord, SearchMatch, SearchOptions, SearchResult } from './api';
import type { SqlCodesetIndex } from './index';
import { expandSynonyms } from './synonyms';

const STOP = new Set(['of', 'the', 'and', 'with', 'in', 'a', 'an', 'to', 'for', 'on', 'or', 'at', 'by', 'as', 'is', 'nos']);
/** Words that make a title longer without making it more specific to what was typed. */
const NEUTRAL = new Set(['unspecified', 'unsp', 'other', 'specified', 'type', 'disease', 'disorder', 'encounter', 'initial', 'nec']);
const SEARCHABLE: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt'];
const KIND_WEIGHT: Record<string, number> = { title: 1, short: 0.92, inclusion: 0.93, index: 0.9 };
const KIND_MATCH: Record<string, SearchMatch> = { title: 'title', short: 'title', inclusion: 'inclusion', index: 'index' };
const MAX_HITS = 1500;

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

interface Candidate {
  code: string;
  system: CodeSystem;
  score: number;
  match: SearchMatch;
  matched: string;
}

export class CodeSearch {
  private vocabulary: Fuse<string> | undefined;
  private vocabularySet: Set<string> | undefined;

  constructor(private readonly index: SqlCodesetIndex) {}

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const q = query.trim();
    if (!q) return [];
    const byCode = this.codeMatches(q, options, limit);
    if (byCode.length > 0) return byCode;

    const { text: expanded, applied } = expandSynonyms(q);
    let candidates = this.textMatches(expanded, applied.length > 0 ? 'synonym' : undefined, options);
    if (applied.length > 0) {
      // The literal words may match too ("depression" is both a synonym key and a title word).
      for (const c of this.textMatches(q, undefined, options)) candidates.push(c);
    }
    if (candidates.length === 0) {
      const corrected = this.correctTypos(expanded);
      if (corrected && corrected !== expanded) candidates = this.textMatches(corrected, 'fuzzy', options);
    }
    return this.finish(candidates, options, limit);
  }

  private codeMatches(q: string, options: SearchOptions, limit: number): SearchResult[] {
    const n = q.replace(/[.\s]/g, '').toUpperCase();
    const looksLikeCode = /^[A-Z][0-9][0-9A-Z]{0,5}$/.test(n) || /^[0-9]{4}[0-9A-Z]$/.test(n) || /^[0-9]{3,4}$/.test(n);
    if (!looksLikeCode) return [];
    const out: SearchResult[] = [];
    const seen = new Set<string>();
    for (const system of this.systems(options)) {
      const exact = this.index.resolve(system, n, options.date);
      if (exact) {
        out.push(this.result(exact, 'code', 1, exact.code));
        seen.add(`${system}:${exact.normalized}`);
      }
      const setId = this.index.codeSetId(system, options.date) ?? (options.date ? undefined : this.index.contentSet(system, 'codes')?.id);
      if (setId === undefined) continue;
      const rows = this.index.query<{ code: string }>(
        'SELECT code FROM code WHERE set_id = ? AND code > ? AND code < ? ORDER BY billable DESC, length(code), code LIMIT ?',
        [setId, n, `${n}\uffff`, limit],
      );
      for (const r of rows) {
        if (seen.has(`${system}:${r.code}`)) continue;
        const rec = this.index.resolve(system, r.code, options.date);
        if (rec) out.push(this.result(rec, 'code-prefix', 0.9 - r.code.length * 0.01, rec.code));
      }
    }
    return out.slice(0, limit);
  }

  private systems(options: SearchOptions): CodeSystem[] {
    return options.system ? [options.system] : SEARCHABLE;
  }

  private ftsQuery(tokens: string[]): string {
    return tokens.map((t, i) => (i === tokens.length - 1 && t.length >= 3 ? `${t}*` : t)).join(' ');
  }

  private textMatches(text: string, forced: SearchMatch | undefined, options: SearchOptions): Candidate[] {
    const tokens = words(text).filter((w) => !STOP.has(w));
    if (tokens.length === 0) return [];
    let rows: { text: string; code: string; set_id: number; kind: string }[];
    try {
      rows = this.index.query('SELECT text, code, set_id, kind FROM search_fts WHERE search_fts MATCH ? LIMIT ?', [this.ftsQuery(tokens), MAX_HITS]);
    } catch {
      return [];
    }
    const systems = new Set(this.systems(options));
    const out: Candidate[] = [];
    const qset = new Set(tokens);
    for (const r of rows) {
      const set = this.index.setById(Number(r.set_id));
      if (!set || !systems.has(set.system)) continue;
      const textWords = words(r.text).filter((w) => !STOP.has(w));
      const specific = textWords.filter((w) => !NEUTRAL.has(w) || qset.has(w));
      const coverage = Math.min(1, tokens.length / Math.max(1, specific.length));
      const exactPhrase = r.text.toLowerCase().includes(text.toLowerCase()) ? 0.08 : 0;
      const score = (KIND_WEIGHT[r.kind] ?? 0.8) * (0.55 + 0.45 * coverage) + exactPhrase;
      out.push({ code: r.code, system: set.system, score, match: forced ?? KIND_MATCH[r.kind] ?? 'title', matched: r.text });
    }
    return out;
  }

  private finish(candidates: Candidate[], options: SearchOptions, limit: number): SearchResult[] {
    const best = new Map<string, Candidate>();
    for (const c of candidates) {
      const key = `${c.system}:${c.code}`;
      const prev = best.get(key);
      if (!prev || c.score > prev.score) best.set(key, c);
    }
    const results: SearchResult[] = [];
    for (const c of best.values()) {
      const rec = this.index.resolve(c.system, c.code, options.date);
      if (!rec) continue;
      const billableBonus = rec.billable ? 0.06 : -0.04;
      results.push(this.result(rec, c.match, c.score + billableBonus, c.matched));
    }
    results.sort((a, b) => b.score - a.score || Number(b.billable) - Number(a.billable) || a.code.length - b.code.length || a.code.localeCompare(b.code));
    return results.slice(0, limit).map((r) => ({ ...r, score: Math.round(Math.min(1, r.score) * 1000) / 1000 }));
  }

  private result(rec: CodeRecord, match: SearchMatch, score: number, matched: string): SearchResult {
    return { code: rec.code, system: rec.system, title: rec.title, billable: rec.billable, version: rec.version, match, matched, score };
  }

  /** Replaces words that appear nowhere in the titles with their nearest vocabulary word. */
  private correctTypos(text: string): string | undefined {
    const tokens = words(text).filter((w) => !STOP.has(w));
    if (tokens.length === 0) return undefined;
    this.buildVocabulary();
    let changed = false;
    const fixed = tokens.map((t) => {
      if (this.vocabularySet!.has(t) || t.length < 4) return t;
      const hit = this.vocabulary!.search(t, { limit: 1 })[0];
      if (hit && hit.item !== t) {
        changed = true;
        return hit.item;
      }
      return t;
    });
    return changed ? fixed.join(' ') : undefined;
  }

  private buildVocabulary(): void {
    if (this.vocabulary) return;
    const vocab = new Set<string>();
    for (const r of this.index.query<{ t: string }>("SELECT COALESCE(long_title, short_title) AS t FROM code WHERE long_title IS NOT NULL OR short_title IS NOT NULL")) {
      for (const w of words(r.t)) if (w.length >= 4 && !/^\d+$/.test(w)) vocab.add(w);
    }
    this.vocabularySet = vocab;
    this.vocabulary = new Fuse([...vocab], { threshold: 0.34, includeScore: true, ignoreLocation: true, minMatchCharLength: 3 });
  }
}
