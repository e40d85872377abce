/** Strips diacritics and folds the Latin letters NFKD cannot split: "Łódź" → "Lodz", "İzmir" → "Izmir". */
export function asciiFold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'SS')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ı/g, 'i');
}

/** Folds case and diacritics so "lodz" finds "Łódź" and "IZMIR" finds "İzmir". */
export function foldText(s: string): string {
  return asciiFold(s).toLowerCase();
}

/** Splits a query into folded terms: the one term rule of lists, pickers and search. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** Every term occurs in one of the (already folded) haystacks. */
export function matchesTerms(terms: readonly string[], foldedHaystacks: readonly string[]): boolean {
  return terms.every((t) => foldedHaystacks.some((h) => h.includes(t)));
}

/** Every whitespace-separated term of the query occurs somewhere in the haystack (already folded). */
export function matchesAllTerms(foldedHaystack: string, query: string): boolean {
  return matchesTerms(searchTerms(query), [foldedHaystack]);
}
