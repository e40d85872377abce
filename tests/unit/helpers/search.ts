/**
 * The oracle the search index is compared with: a linear scan of every record's documents, with the
 * index's matching rule spelled out plainly (each query word a prefix of a word of the document, or
 * from four letters one typo away).
 */
import { documentSources, searchedCollections, searchWords, type SearchDocument } from '../../../shared/features/search/documents';
import { FUZZY_MIN_LENGTH, withinOneEdit } from '../../../shared/features/search/engine';
import type { Database } from '../../../shared/schemas/database';

export function linearScan(db: Database, query: string): string[] {
  const words = [...new Set(searchWords(query))];
  const out: string[] = [];
  for (const name of searchedCollections) {
    for (const record of db[name] as Iterable<unknown>) {
      for (const doc of (documentSources[name] as (r: unknown) => SearchDocument[])(record)) {
        const own = [...new Set([...searchWords(doc.title), ...searchWords(doc.body)])];
        if (words.length && words.every((w) => own.some((d) => d.startsWith(w) || (w.length >= FUZZY_MIN_LENGTH && withinOneEdit(w, d))))) out.push(doc.key);
      }
    }
  }
  return out.sort();
}
