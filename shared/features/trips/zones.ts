const zoneLabels = new Map<string, string>();

/**
 * "Nairobi (East Africa Time)", "Nairobi (Ostafrikanische Zeit)": a zone as people name it, where
 * the IANA id ("Africa/Nairobi") is for machines. Cached: the editor labels all 400-odd zones.
 */
export function zoneLabel(timeZone: string, lang: string): string {
  const key = `${lang}|${timeZone}`;
  let label = zoneLabels.get(key);
  if (label === undefined) {
    const city = (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
    try {
      const parts = new Intl.DateTimeFormat(lang.startsWith('de') ? 'de-DE' : 'en-GB', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
      const name = parts.find((p) => p.type === 'timeZoneName')?.value;
      label = name && name !== city ? `${city} (${name})` : city;
    } catch {
      label = timeZone;
    }
    zoneLabels.set(key, label);
  }
  return label;
}
