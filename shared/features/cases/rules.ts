/** Case references: the generated form AC-<year>-<number>, and when two references are the same. */

const generated = /^AC-(\d{4})-(\d+)$/;

/** The year and number of a reference in the generated form, or null for any other reference. */
export function generatedReferenceParts(reference: string): { year: number; number: number } | null {
  const m = generated.exec(reference.trim().toUpperCase());
  return m ? { year: Number(m[1]), number: Number(m[2]) } : null;
}

/**
 * The next generated reference of a year: AC-2026-001, AC-2026-002, … past both the references in
 * `existing` and `issued`, the highest number the workspace ever gave out that year (deleted cases'
 * numbers are never handed out again).
 */
export function nextCaseReference(existing: Iterable<string>, year: number, issued = 0): string {
  let max = issued;
  for (const ref of existing) {
    const parts = generatedReferenceParts(ref);
    if (parts?.year === year) max = Math.max(max, parts.number);
  }
  return `AC-${year}-${String(max + 1).padStart(3, '0')}`;
}

/** Counters after issuing `references`: each year's highest generated number so far. */
export function countReferences(counters: Readonly<Record<string, number>>, references: Iterable<string>): Record<string, number> {
  const out = { ...counters };
  for (const ref of references) {
    const parts = generatedReferenceParts(ref);
    if (parts) out[String(parts.year)] = Math.max(out[String(parts.year)] ?? 0, parts.number);
  }
  return out;
}

export const sameReference = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
