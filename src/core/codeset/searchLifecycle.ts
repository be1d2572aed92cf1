// The word-search index over one open database: built on the first search or warmSearch(), or
// read from a copy saved beside the database (provided to read on first use, or adopted now), and
// handed out as parts to save.
import type { SearchOptions, SearchResult } from './api';
import { CodeSearch, type CodeSearchParts } from './search';
import type { SearchSource } from './searchSource';

export class SearchLifecycle {
  private searcher: CodeSearch | undefined;

  constructor(private readonly source: SearchSource) {}

  private get code(): CodeSearch {
    this.searcher ??= new CodeSearch(this.source);
    return this.searcher;
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    return this.code.search(query, options);
  }

  warm(options: SearchOptions = {}): void {
    this.code.warm(options);
  }

  /** Reads the index from `load` on first use instead of building it, unless one is there already. */
  provide(load: () => CodeSearchParts | undefined): void {
    if (!this.code.built) this.code.source = load;
  }

  get built(): boolean {
    return this.searcher?.built ?? false;
  }

  parts(): CodeSearchParts | undefined {
    return this.searcher?.toParts();
  }

  adopt(parts: CodeSearchParts): boolean {
    return this.code.adopt(parts);
  }
}
