/** Accepts ISO dates and the German "21.11.2026" while typing. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : de ? [de[3], de[2], de[1]] : [];
  if (!y) return null;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** For every DateInput: the stored form (ISO) is what the field shows, and either spelling is read. */
export const dateInputProps = { valueFormat: 'YYYY-MM-DD', dateParser: parseDate } as const;
