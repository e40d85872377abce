/** Folds case and diacritics so "lodz" finds "Łódź" and "IZMIR" finds "İzmir". */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** Every whitespace-separated term of the query occurs somewhere in the haystack (already folded). */
export function matchesAllTerms(foldedHaystack: string, query: string): boolean {
  const terms = foldText(query).split(/\s+/).filter(Boolean);
  return terms.every((t) => foldedHaystack.includes(t));
}
