/**
 * The search index: an inverted index of folded words over every searchable document, kept up to
 * date one document at a time. Written here rather than taken from MiniSearch or FlexSearch because
 * both missed the goals on our data (measured side by side in `npm run bench`, section "search"):
 * MiniSearch scores every matching document with BM25 (80–250 ms for a common word at 10×), FlexSearch
 * builds in 17 s with forward tokenising and has no edit-distance typo tolerance. What the palette
 * needs is narrower — all query words present (the last as a prefix), counts per kind and the best
 * few of each — and that is one pass over the postings of the matched words with a mark per document.
 *
 * Postings are `ordinal * 2 + inTitle`. Removing a document only forgets its ordinal (the postings
 * are skipped when read) until a third of them are dead, when the postings are rewritten.
 * Typos: a word of 4 letters or more also matches the indexed words one edit away (insert, delete,
 * substitute, swap), found through a map of each word's one-letter deletions (SymSpell's idea).
 * An index read from stored tables is searchable at once; its lookup tables (documents by key, the
 * typo map, the sorted words) are built in slices by `prepare` — or whole, on the first use that
 * needs one before.
 */
import { searchWords, type SearchDocument, type SearchKind, searchKinds } from './documents';

const TITLE_WEIGHT = 3;
const PREFIX_FACTOR = 0.6;
const FUZZY_FACTOR = 0.4;
/** Words shorter than this match exactly or as a prefix only. */
export const FUZZY_MIN_LENGTH = 4;

/** What the words of a query matched: for highlighting the hits. */
export interface SearchMatch {
  /** Folded query words matched as prefixes. */
  prefixes: string[];
  /** Indexed words matched one typo away. */
  words: string[];
}

export interface SearchOptions {
  kinds?: readonly SearchKind[];
  /** Best hits kept per kind (palette) … */
  perKind?: number;
  /** … or over all kinds together, from `offset` (search screen). */
  offset?: number;
  limit?: number;
}

export interface RankedHit {
  key: string;
  kind: SearchKind;
  id: string;
  score: number;
}

export interface SearchResult {
  /** Matching documents per kind, of every kind whatever `kinds` asked for (all, not only those returned). */
  counts: Partial<Record<SearchKind, number>>;
  /** Matching documents of the kinds asked for. */
  total: number;
  hits: RankedHit[];
  match: SearchMatch;
}

const kindIndex = new Map(searchKinds.map((k, i) => [k, i]));
/** The kind of a removed document. */
const DEAD = 255;
const always = () => true;

export class SearchIndex {
  private readonly termIds = new Map<string, number>();
  private termText: string[] = [];
  private postings: Int32Array[] = [];
  private postingLength: number[] = [];
  /** All terms sorted, for prefix ranges; terms added since are in `newTerms`. */
  private sorted: string[] | null = null;
  private newTerms: string[] = [];
  /** Per ordinal, the document's key (`kind:id`), null once removed. */
  private keys: Array<string | null> = [];
  /** Ordinals by key: null until built (an index from stored tables), `keyedUpTo` keys in `keying` so far. */
  private byKeyMap: Map<string, number> | null = new Map();
  private keying: Map<string, number> | null = null;
  private keyedUpTo = 0;
  private kindOf = new Uint8Array(1024);
  private dead = 0;
  private deletions: Map<string, number[]> | null = null;
  /** Words in `deletions` so far (in id order, so each list stays ascending); complete when `typosReady`. */
  private typosUpTo = 0;
  private typosReady = false;
  /** Per document: `generation * 64 + words matched so far` of the running query. */
  private marks = new Float64Array(1024);
  private scores = new Float64Array(1024);
  private generation = 0;
  /** The documents the last word of the running query matched. */
  private matched = new Int32Array(1024);

  get size(): number {
    return this.keys.length - this.dead;
  }

  private get byKey(): Map<string, number> {
    if (!this.byKeyMap) this.stepKeys(always);
    return this.byKeyMap!;
  }

  /**
   * The ordinal of a key. While the map is being built: the keys not yet in it are searched (a few
   * milliseconds at 10×, latest first), then the part built — a change does not wait for the rest.
   */
  private ordOf(key: string): number | undefined {
    if (this.byKeyMap) return this.byKeyMap.get(key);
    const keys = this.keys;
    for (let i = keys.length - 1; i >= this.keyedUpTo; i--) if (keys[i] === key) return i;
    return this.keying?.get(key);
  }

  /** Adds keys to the map of ordinals while `more()`; true when it is complete. */
  private stepKeys(more: () => boolean): boolean {
    const map = (this.keying ??= new Map());
    const keys = this.keys;
    while (this.keyedUpTo < keys.length) {
      const ord = this.keyedUpTo++;
      const key = keys[ord];
      if (key != null) {
        // A key stored twice (a damaged cache): the later document stands, as `add` would have left it.
        const earlier = map.get(key);
        if (earlier !== undefined) this.forget(earlier);
        map.set(key, ord);
      }
      if ((ord & 1023) === 0 && !more()) return false;
    }
    this.byKeyMap = map;
    this.keying = null;
    return true;
  }

  has(key: string): boolean {
    return this.ordOf(key) !== undefined;
  }

  /** Adds a document, replacing one with the same key. */
  add(doc: SearchDocument): void {
    if (this.ordOf(doc.key) !== undefined) this.remove(doc.key);
    const ord = this.keys.length;
    this.keys.push(doc.key);
    // Else taken into the map when its building reaches it.
    this.byKeyMap?.set(doc.key, ord);
    if (ord >= this.kindOf.length) this.grow(ord + 1);
    this.kindOf[ord] = kindIndex.get(doc.kind)!;
    const title = new Set(searchWords(doc.title));
    for (const w of title) this.post(w, ord * 2 + 1);
    for (const w of new Set(searchWords(doc.body))) if (!title.has(w)) this.post(w, ord * 2);
  }

  remove(key: string): boolean {
    const ord = this.ordOf(key);
    if (ord === undefined) return false;
    (this.byKeyMap ?? this.keying)?.delete(key);
    this.forget(ord);
    if (this.dead > 1000 && this.dead * 3 > this.keys.length) this.compact();
    return true;
  }

  private forget(ord: number) {
    this.keys[ord] = null;
    this.kindOf[ord] = DEAD;
    this.dead++;
  }

  private grow(min: number) {
    let n = this.kindOf.length;
    while (n < min) n *= 2;
    const kinds = new Uint8Array(n);
    kinds.set(this.kindOf);
    this.kindOf = kinds;
    this.marks = new Float64Array(n);
    this.scores = new Float64Array(n);
    this.matched = new Int32Array(n);
    this.generation = 0;
  }

  private post(word: string, posting: number) {
    let id = this.termIds.get(word);
    if (id === undefined) {
      id = this.termText.length;
      this.termIds.set(word, id);
      this.termText.push(word);
      this.postings.push(new Int32Array(4));
      this.postingLength.push(0);
      if (this.sorted) this.newTerms.push(word);
      if (this.typosReady) this.addDeletions(word, id);
    }
    let list = this.postings[id]!;
    const n = this.postingLength[id]!;
    if (n === list.length) {
      const bigger = new Int32Array(Math.max(4, n * 2));
      bigger.set(list);
      this.postings[id] = list = bigger;
    }
    list[n] = posting;
    this.postingLength[id] = n + 1;
  }

  /** Drops the postings of removed documents and renumbers the living ones. */
  private compact() {
    const byKey = this.byKey;
    const renumber = new Int32Array(this.keys.length).fill(-1);
    const keys: string[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      if (key == null) continue;
      renumber[i] = keys.length;
      this.kindOf[keys.length] = this.kindOf[i]!;
      byKey.set(key, keys.length);
      keys.push(key);
    }
    for (let t = 0; t < this.postings.length; t++) {
      const list = this.postings[t]!;
      let w = 0;
      for (let i = 0; i < this.postingLength[t]!; i++) {
        const p = list[i]!;
        const to = renumber[p >> 1]!;
        if (to >= 0) list[w++] = to * 2 + (p & 1);
      }
      this.postingLength[t] = w;
    }
    this.keys = keys;
    this.dead = 0;
  }

  private sortedTerms(): string[] {
    if (!this.sorted || this.newTerms.length > 512) {
      this.sorted = [...this.termText].sort();
      this.newTerms = [];
    }
    return this.sorted;
  }

  /** Term ids of the indexed words starting with `prefix`. */
  private prefixTerms(prefix: string): number[] {
    const sorted = this.sortedTerms();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(this.termIds.get(sorted[i]!)!);
    for (const w of this.newTerms) if (w.startsWith(prefix)) out.push(this.termIds.get(w)!);
    return out;
  }

  private addDeletions(word: string, id: number) {
    if (word.length < FUZZY_MIN_LENGTH) return;
    const map = this.deletions!;
    for (let i = 0; i < word.length; i++) {
      const v = word.slice(0, i) + word.slice(i + 1);
      const list = map.get(v);
      if (list) {
        if (list[list.length - 1] !== id) list.push(id);
      } else map.set(v, [id]);
    }
  }

  /** The index as plain tables, for storing it (removed documents are left out first). */
  toParts(): IndexParts {
    if (this.dead) this.compact();
    // Words no document holds any more (a record edited or erased) are left out: nothing of them is stored.
    const terms: string[] = [];
    const kept: number[] = [];
    let total = 0;
    for (let t = 0; t < this.termText.length; t++) {
      if (!this.postingLength[t]) continue;
      terms.push(this.termText[t]!);
      kept.push(t);
      total += this.postingLength[t]!;
    }
    const offsets = new Int32Array(terms.length + 1);
    const postings = new Int32Array(total);
    let at = 0;
    kept.forEach((t, i) => {
      offsets[i] = at;
      postings.set(this.postings[t]!.subarray(0, this.postingLength[t]!), at);
      at += this.postingLength[t]!;
    });
    offsets[terms.length] = total;
    return { keys: (this.keys as string[]).slice(), kinds: this.kindOf.slice(0, this.keys.length), terms, offsets, postings };
  }

  /**
   * An index from stored tables, which it takes over (its lists and tables are them from then on);
   * throws when they do not fit together (the caller then builds anew).
   */
  static fromParts(parts: IndexParts): SearchIndex {
    const index = new SearchIndex();
    const { keys, terms, offsets, postings } = parts;
    if (offsets.length !== terms.length + 1 || offsets[terms.length] !== postings.length) throw new Error('search index: tables do not fit');
    index.grow(keys.length + 1);
    if (parts.kinds) {
      if (parts.kinds.length !== keys.length) throw new Error('search index: tables do not fit');
      for (let ord = 0; ord < keys.length; ord++) if (parts.kinds[ord]! >= searchKinds.length) throw new Error('search index: bad kind');
      index.kindOf.set(parts.kinds);
    } else {
      for (let ord = 0; ord < keys.length; ord++) {
        const key = keys[ord]!;
        const k = kindIndex.get(key.slice(0, key.indexOf(':')) as SearchKind);
        if (k === undefined) throw new Error('search index: bad document key');
        index.kindOf[ord] = k;
      }
    }
    index.keys = keys;
    // Built by `prepare` (or on the first change): a map of every key costs more than the rest of the load.
    index.byKeyMap = null;
    const maxPosting = keys.length * 2;
    for (let t = 0; t < terms.length; t++) {
      const from = offsets[t]!;
      const to = offsets[t + 1]!;
      if (to < from) throw new Error('search index: bad offsets');
      index.termIds.set(terms[t]!, t);
      // A view into the stored table: the first posting added to the word copies it (as any full list grows).
      index.postings.push(postings.subarray(from, to));
      index.postingLength.push(to - from);
    }
    for (let i = 0; i < postings.length; i++) if (postings[i]! < 0 || postings[i]! >= maxPosting) throw new Error('search index: posting out of range');
    if (index.termIds.size !== terms.length) throw new Error('search index: repeated word');
    index.termText = terms;
    return index;
  }

  /**
   * Builds the lookup tables an index from stored tables lacks while `more()` (checked every so
   * often); true when all are built. Searches and changes meanwhile build whole what they need.
   */
  prepare(more: () => boolean): boolean {
    if (!this.byKeyMap && !this.stepKeys(more)) return false;
    if (!this.typosReady && !this.stepTypos(more)) return false;
    this.sortedTerms();
    return true;
  }

  /** Builds the typo map now (else on the first query that needs it). */
  prepareTypos(): void {
    if (!this.typosReady) this.stepTypos(always);
  }

  private stepTypos(more: () => boolean): boolean {
    this.deletions ??= new Map();
    // Words added meanwhile are taken in turn (ids only grow), so each list stays in id order.
    while (this.typosUpTo < this.termText.length) {
      this.addDeletions(this.termText[this.typosUpTo]!, this.typosUpTo);
      if ((++this.typosUpTo & 255) === 0 && !more()) return false;
    }
    this.typosReady = true;
    return true;
  }

  /** Term ids of the indexed words one edit (Damerau) from `word`, the word itself excluded. */
  private typoTerms(word: string): number[] {
    this.prepareTypos();
    const map = this.deletions!;
    const candidates = new Set<number>();
    const add = (list: number[] | undefined) => list?.forEach((id) => candidates.add(id));
    add(map.get(word)); // a letter too few in the query
    for (let i = 0; i < word.length; i++) {
      const v = word.slice(0, i) + word.slice(i + 1);
      const exact = this.termIds.get(v); // a letter too many
      if (exact !== undefined) candidates.add(exact);
      add(map.get(v)); // a wrong or swapped letter
    }
    const out: number[] = [];
    for (const id of candidates) {
      const t = this.termText[id]!;
      if (t !== word && withinOneEdit(word, t)) out.push(id);
    }
    return out;
  }

  /**
   * Documents holding every word of the query (each as a word or the start of one; words of 4
   * letters or more also one typo away), scored by where and how they matched.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const words = [...new Set(searchWords(query))].slice(0, 12);
    const match: SearchMatch = { prefixes: [], words: [] };
    const empty: SearchResult = { counts: {}, total: 0, hits: [], match };
    if (words.length === 0) return empty;
    if (++this.generation > 2 ** 40) this.generation = 1;
    const base = this.generation * 64;
    const marks = this.marks;
    const scores = this.scores;
    let found = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      // The word itself first, then longer words it starts, then words one typo away: a document
      // keeps the weight of the first form of the word it is found with.
      const forms: Array<[number, number]> = [];
      const own = this.termIds.get(word);
      if (own !== undefined) forms.push([own, 1]);
      for (const id of this.prefixTerms(word)) if (id !== own) forms.push([id, PREFIX_FACTOR]);
      match.prefixes.push(word);
      if (word.length >= FUZZY_MIN_LENGTH) {
        for (const id of this.typoTerms(word)) {
          const t = this.termText[id]!;
          if (t.startsWith(word)) continue;
          match.words.push(t);
          forms.push([id, FUZZY_FACTOR]);
        }
      }
      const before = base + w;
      const after = before + 1;
      const last = w === words.length - 1;
      let any = false;
      for (const [id, factor] of forms) {
        const list = this.postings[id]!;
        const n = this.postingLength[id]!;
        for (let i = 0; i < n; i++) {
          const p = list[i]!;
          const ord = p >> 1;
          const m = marks[ord]!;
          if (w === 0 ? m >= base : m !== before) continue;
          marks[ord] = after;
          const s = factor * (p & 1 ? TITLE_WEIGHT : 1);
          scores[ord] = w === 0 ? s : scores[ord]! + s;
          if (last) this.matched[found++] = ord;
          any = true;
        }
      }
      if (!any) return empty;
    }
    return this.collect(found, match, options);
  }

  /**
   * Counts the matches per kind and keeps the best: higher score first, then the later ordinal
   * (a document re-added on every change, so the most recently changed among equals).
   */
  private collect(found: number, match: SearchMatch, options: SearchOptions): SearchResult {
    const wanted = new Uint8Array(searchKinds.length).fill(options.kinds?.length ? 0 : 1);
    for (const k of options.kinds ?? []) wanted[kindIndex.get(k)!] = 1;
    const perKind = options.perKind;
    const take = perKind ?? (options.offset ?? 0) + (options.limit ?? 50);
    const counts = new Int32Array(searchKinds.length);
    const lists = perKind ? searchKinds.length : 1;
    const best: number[][] = Array.from({ length: lists }, () => []);
    // Per list, the score and ordinal of its last (worst) hit once it is full.
    const worstScore = new Float64Array(lists).fill(-1);
    const worstOrd = new Int32Array(lists);
    const ords = this.matched;
    const scores = this.scores;
    const kindOf = this.kindOf;
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a > b);
    // Latest first: postings are in ordinal order, so hits of equal score then rarely displace each other.
    for (let i = found - 1; i >= 0; i--) {
      const ord = ords[i]!;
      const k = kindOf[ord]!;
      if (k === DEAD) continue;
      // Every kind is counted, whatever the filter, so a screen can offer each with its count.
      counts[k]!++;
      if (!wanted[k]) continue;
      const l = perKind ? k : 0;
      const score = scores[ord]!;
      if (worstScore[l]! >= 0 && (score < worstScore[l]! || (score === worstScore[l] && ord < worstOrd[l]!))) continue;
      const list = best[l]!;
      let at = list.length;
      while (at > 0 && better(ord, list[at - 1]!)) at--;
      list.splice(at, 0, ord);
      if (list.length > take) list.pop();
      if (list.length === take) {
        worstScore[l] = scores[list[take - 1]!]!;
        worstOrd[l] = list[take - 1]!;
      }
    }
    const out: Partial<Record<SearchKind, number>> = {};
    let total = 0;
    searchKinds.forEach((k, i) => {
      if (counts[i]) out[k] = counts[i];
      if (wanted[i]) total += counts[i]!;
    });
    const chosen = perKind ? best.flat() : best[0]!.slice(options.offset ?? 0);
    const hits = chosen.map((ord) => {
      const key = this.keys[ord]!;
      return { key, kind: searchKinds[kindOf[ord]!]!, id: key.slice(key.indexOf(':') + 1), score: scores[ord]! };
    });
    return { counts: out, total, hits, match };
  }
}

/** The parts a stored index is made of: text (documents' keys, words) and two integer tables. */
export interface IndexParts {
  keys: string[];
  /** Per document its kind (the position in searchKinds); else read from the keys. */
  kinds?: Uint8Array;
  terms: string[];
  /** Where each word's postings start in `postings` (one more entry than words). */
  offsets: Int32Array;
  postings: Int32Array;
}

/** Packs byte blocks into one buffer: a count, each length, then each block at a 4-byte boundary. */
export function packBlocks(blocks: Uint8Array[]): Uint8Array {
  const pad = (n: number) => (n + 3) & ~3;
  const head = 4 * (1 + blocks.length);
  const size = blocks.reduce((n, b) => n + pad(b.byteLength), pad(head));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, blocks.length, true);
  let at = pad(head);
  blocks.forEach((b, i) => {
    view.setUint32(4 * (1 + i), b.byteLength, true);
    out.set(b, at);
    at += pad(b.byteLength);
  });
  return out;
}

/** The blocks `packBlocks` packed (views into `bytes`, no copy); throws on a malformed buffer. */
export function unpackBlocks(bytes: Uint8Array): Uint8Array[] {
  const pad = (n: number) => (n + 3) & ~3;
  if (bytes.byteLength < 4) throw new Error('search index: truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  if (count > 64) throw new Error('search index: too many blocks');
  let at = pad(4 * (1 + count));
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const len = view.getUint32(4 * (1 + i), true);
    if (at + len > bytes.byteLength) throw new Error('search index: truncated');
    out.push(bytes.subarray(at, at + len));
    at += pad(len);
  }
  return out;
}

/** True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
