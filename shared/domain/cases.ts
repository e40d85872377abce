/** The next free generated reference of a year: AC-2026-001, AC-2026-002, … */
export function nextCaseReference(existing: Iterable<string>, year: number): string {
  const pattern = new RegExp(`^AC-${year}-(\\d+)$`);
  let max = 0;
  for (const ref of existing) {
    const m = pattern.exec(ref);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `AC-${year}-${String(max + 1).padStart(3, '0')}`;
}

export const sameReference = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
