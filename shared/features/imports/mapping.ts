/**
 * Which column of an imported file goes to which field: proposed from the header names Outlook,
 * Google Contacts, Excel lists and Attaché's own exports use (English and German), or from the
 * mapping remembered last time. And the few values that need reading rather than copying: a
 * country written as a name in German or English or as an ISO code, a lawful basis, an
 * organisation kind. Pure, so the renderer and the backend agree.
 */
import countries from 'i18n-iso-countries';
import { foldText } from '../../domain/text';
import { catalogues } from '../../i18n';
import { lawfulBases } from '../contacts/schema';
import { isKnownCountry } from '../countries/names';
import { cooperationStatuses, type CooperationStatus } from '../cooperations/schema';
import { organisationKinds, type OrganisationKind } from '../organisations/schema';
import { fieldsOf, type CooperationField, type ImportField, type ImportTarget, type Mapping, type OrganisationField, type PersonField } from './schema';

/** "E-Mail-Adresse 2" → "emailadresse2": case, diacritics, spaces and punctuation folded away. */
export const headerKey = (header: string): string => foldText(header).replace(/[^a-z0-9]/g, '');

const labels = (pick: (c: (typeof catalogues)['en']) => string) => [pick(catalogues.en), pick(catalogues.de)].map(headerKey);

/** Exact header keys per field; Attaché's own list and form labels are added from the catalogues. */
const personExact: Record<PersonField, string[]> = {
  fullName: ['name', 'fullname', 'displayname', 'anzeigename', 'vollstandigername', 'kontakt', 'contact', 'person', 'kontaktname', 'contactname', ...labels((c) => c.contacts.columns.name)],
  givenName: ['firstname', 'givenname', 'vorname', 'forename', ...labels((c) => c.contacts.fields.givenName)],
  familyName: ['lastname', 'familyname', 'surname', 'nachname', 'familienname', ...labels((c) => c.contacts.fields.familyName)],
  honorific: ['anrede', 'salutation', 'honorific', 'prefix', 'nameprefix', 'namensprafix', ...labels((c) => c.contacts.fields.honorific)],
  academicTitle: ['title', 'titel', 'academictitle', 'akademischertitel', 'degree', ...labels((c) => c.contacts.fields.academicTitle)],
  nativeName: ['nativename', 'originalname', 'nameinoriginalscript', ...labels((c) => c.contacts.fields.nativeName)],
  organisation: ['company', 'organisation', 'organization', 'firma', 'unternehmen', 'institution', 'employer', 'arbeitgeber', 'organization1name', 'organisation1name', 'organizationname', 'companyname', ...labels((c) => c.contacts.columns.organisation)],
  department: ['department', 'abteilung', 'organization1department', 'organizationdepartment', 'division', 'referat'],
  position: ['jobtitle', 'position', 'role', 'rolle', 'funktion', 'organization1title', 'organizationtitle', 'berufsbezeichnung', 'positiontitle', 'stellung', ...labels((c) => c.contacts.columns.role)],
  email: [],
  emailPrivate: [],
  phone: [],
  phoneMobile: [],
  phonePrivate: [],
  country: ['country', 'land', 'staat', 'countryregion', 'landregion', 'nation', ...labels((c) => c.contacts.columns.country)],
  topics: ['topics', 'expertise', 'categories', 'kategorien', 'tags', 'themen', 'fachgebiete', 'schlagworte', 'schlagwort', 'keywords', 'stichworter', 'labels', ...labels((c) => c.contacts.columns.expertise)],
  languages: ['languages', 'sprachen', 'language', 'sprache', ...labels((c) => c.contacts.columns.languages)],
  owner: ['owner', 'betreuer', 'betreuerin', 'betreuung', 'zustandig', 'verantwortlich', 'accountowner', 'relationshipowner', ...labels((c) => c.contacts.columns.owner)],
  notes: ['notes', 'note', 'notizen', 'notiz', 'bemerkungen', 'bemerkung', 'comments', 'kommentar', 'kommentare'],
  gdprBasis: ['lawfulbasis', 'rechtsgrundlage', 'gdprbasis', 'dsgvo', 'gdpr', 'legalbasis', 'dsgvorechtsgrundlage', ...labels((c) => c.contacts.gdpr.lawfulBasis)],
  gdprSource: ['source', 'quelle', 'herkunft', 'datenquelle', 'sourceofthedata'],
};

const organisationExact: Record<OrganisationField, string[]> = {
  name: ['name', 'organisation', 'organization', 'company', 'firma', 'unternehmen', 'institution', 'organisationname', 'organizationname', 'companyname'],
  shortName: ['shortname', 'kurzname', 'abbreviation', 'acronym', 'abkurzung', 'kurzbezeichnung', ...labels((c) => c.organisations.fields.shortName)],
  kind: ['kind', 'type', 'art', 'typ', 'organisationkind', 'organisationtype', 'organizationtype', ...labels((c) => c.organisations.fields.kind)],
  country: ['country', 'land', 'staat', 'countryregion', 'landregion', 'nation'],
  city: ['city', 'stadt', 'ort', 'town', 'sitz', ...labels((c) => c.organisations.fields.city)],
  website: ['website', 'webpage', 'web', 'homepage', 'url', 'webseite', 'internetadresse', 'webadresse', ...labels((c) => c.organisations.fields.website)],
  topics: ['topics', 'themen', 'tags', 'categories', 'kategorien', 'schlagworte', 'keywords', ...labels((c) => c.organisations.columns.topics)],
  owner: ['owner', 'betreuer', 'betreuung', 'zustandig', 'verantwortlich', 'accountowner', ...labels((c) => c.organisations.columns.owner)],
  notes: ['notes', 'note', 'notizen', 'notiz', 'bemerkungen', 'comments', 'kommentar'],
};

const cooperationExact: Record<CooperationField, string[]> = {
  title: ['title', 'titel', 'cooperation', 'kooperation', 'project', 'projekt', 'projecttitle', 'projekttitel', 'name', ...labels((c) => c.cooperations.fields.title)],
  status: ['status', 'state', 'stand', 'phase', ...labels((c) => c.cooperations.fields.status)],
  institutes: ['institutes', 'institute', 'institut', 'ourinstitutes', 'unsereinstitute', 'leibnizinstitut', 'leibnizinstitute', 'member', 'mitglied', ...labels((c) => c.cooperations.fields.institutes)],
  partners: ['partners', 'partner', 'partnerorganisation', 'partnerorganisationen', 'partnerinstitution', 'partnerinstitutionen', 'partnerorganizations', ...labels((c) => c.cooperations.fields.partners)],
  topics: ['topics', 'themen', 'tags', 'keywords', 'schlagworte', 'thema', 'topic', ...labels((c) => c.cooperations.fields.topics)],
  programme: ['programme', 'program', 'programm', 'fundingprogramme', 'fundingprogram', 'forderprogramm', 'call', 'ausschreibung', 'forderlinie', ...labels((c) => c.cooperations.fields.programme)],
  instrument: ['instrument', 'forderinstrument', 'fundinginstrument', 'format', ...labels((c) => c.cooperations.fields.instrument)],
  funder: ['funder', 'mittelgeber', 'geldgeber', 'funding', 'fordergeber', 'donor', 'sponsor', ...labels((c) => c.cooperations.fields.funder)],
  volume: ['volume', 'volumen', 'amount', 'betrag', 'budget', 'summe', 'fordersumme', 'volumeeur', 'volumeneur', ...labels((c) => c.cooperations.fields.volume)],
  start: ['start', 'beginn', 'from', 'von', 'startdate', 'begin', 'laufzeitbeginn', 'projektbeginn', ...labels((c) => c.cooperations.fields.start)],
  end: ['end', 'ende', 'to', 'bis', 'enddate', 'laufzeitende', 'projektende', ...labels((c) => c.cooperations.fields.end)],
  notes: ['notes', 'note', 'notizen', 'notiz', 'bemerkungen', 'bemerkung', 'comments', 'kommentar'],
};

/** Headers that name a column's kind or label, not a value ("E-mail 1 - Type", "E-mail Display Name"). */
const metaColumn = /(type|typ|displayname|anzeigename|angezeigtername|label)$/;

/** Patterns for the numbered and qualified columns of Outlook and Google ("E-mail 2 Address", "Mobile Phone", "Telefon geschäftlich"). */
function personPattern(key: string): PersonField | null {
  if (metaColumn.test(key)) return null;
  if (/^(e?mail|email)/.test(key) || /e?mailadress/.test(key) || /^email\d/.test(key)) {
    return /(home|privat|private|personal)/.test(key) ? 'emailPrivate' : 'email';
  }
  if (/fax/.test(key)) return null;
  if (/(mobile|mobil|handy|cell)/.test(key)) return 'phoneMobile';
  if (/(phone|telefon|^tel)/.test(key)) return /(home|privat|private)/.test(key) ? 'phonePrivate' : 'phone';
  if (/(countryregion|landregion|country)$/.test(key) || /^(business|geschaftlich)?(country|land)/.test(key)) return key.startsWith('landline') ? null : 'country';
  if (/^address\d*country/.test(key)) return 'country';
  return null;
}

function organisationPattern(key: string): OrganisationField | null {
  if (metaColumn.test(key)) return null;
  if (/(countryregion|landregion)/.test(key) || /^(business|geschaftlich)?country/.test(key)) return 'country';
  if (/(city|stadt)/.test(key) || /^ortgeschaftlich/.test(key)) return 'city';
  return null;
}

function proposeOne(target: ImportTarget, header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  const exact = target === 'people' ? personExact : target === 'organisations' ? organisationExact : cooperationExact;
  for (const [field, keys] of Object.entries(exact)) if (keys.includes(key)) return field as ImportField;
  return target === 'people' ? personPattern(key) : target === 'organisations' ? organisationPattern(key) : null;
}

/** Fields that take one column only; a second column proposed for them is left unmapped. */
const single = new Set<ImportField>([
  ...['fullName', 'givenName', 'familyName', 'honorific', 'academicTitle', 'nativeName', 'organisation', 'department', 'position', 'country', 'owner', 'gdprBasis', 'gdprSource'] as const,
  ...['name', 'shortName', 'kind', 'city', 'website'] as const,
  ...['title', 'status', 'programme', 'instrument', 'funder', 'volume', 'start', 'end'] as const,
]);
export const takesOneColumn = (field: ImportField): boolean => single.has(field);

/**
 * The proposal for a target: the remembered mapping where it names the header, then the header
 * names. A single-valued field is given to its first column only.
 */
export function proposeMapping(target: ImportTarget, headers: readonly string[], remembered: Record<string, ImportField> = {}): Mapping {
  const allowed = new Set(fieldsOf(target));
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const key = headerKey(header);
    const rememberedField = Object.prototype.hasOwnProperty.call(remembered, key) ? remembered[key] : undefined;
    const field = rememberedField && allowed.has(rememberedField) ? rememberedField : proposeOne(target, header);
    if (!field || !allowed.has(field)) return null;
    if (single.has(field) && taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The mapping to remember: header key → field, for the columns that were mapped. */
export function rememberMapping(headers: readonly string[], mapping: Mapping): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  headers.forEach((header, i) => {
    const field = mapping[i];
    const key = headerKey(header).slice(0, 200);
    if (field && key) out[key] = field;
  });
  return out;
}

/**
 * Which target a file looks like: cooperations when a title and partners or institutes are found,
 * people when a name or e-mail column is, else organisations.
 */
export function suggestTarget(people: Mapping, organisations: Mapping, cooperations: Mapping = []): ImportTarget {
  const personal = new Set<ImportField | null>(['givenName', 'familyName', 'email', 'emailPrivate', 'phoneMobile']);
  if (cooperations.includes('title') && (cooperations.includes('partners') || cooperations.includes('institutes'))) return 'cooperations';
  if (people.some((f) => personal.has(f))) return 'people';
  return organisations.includes('name') ? 'organisations' : 'people';
}

// ————— values —————

let countryIndex: Map<string, string> | null = null;
/** Every English and German name (official and common forms) of every country, folded, to its code. */
function countries_(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  for (const lang of ['en', 'de']) {
    const names = countries.getNames(lang, { select: 'all' }) as Record<string, string[]>;
    for (const [code, list] of Object.entries(names)) for (const name of list) index.set(headerKey(name), code);
  }
  // Names in everyday use that the package does not list.
  for (const [name, code] of [
    ['england', 'GB'], ['scotland', 'GB'], ['wales', 'GB'], ['greatbritain', 'GB'], ['grossbritannien', 'GB'], ['uk', 'GB'],
    ['usa', 'US'], ['unitedstatesofamerica', 'US'], ['vereinigtestaatenvonamerika', 'US'], ['holland', 'NL'], ['turkey', 'TR'], ['turkei', 'TR'],
    ['southkorea', 'KR'], ['sudkorea', 'KR'], ['czechia', 'CZ'], ['tschechien', 'CZ'], ['ivorycoast', 'CI'], ['elfenbeinkuste', 'CI'],
  ] as const) {
    if (!index.has(name)) index.set(name, code);
  }
  countryIndex = index;
  return index;
}

/** "Deutschland", "germany", "DE", "DEU" → "DE"; null for an empty cell, undefined when nothing matches. */
export function countryFromText(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  if (/^[A-Za-z]{2}$/.test(v) && isKnownCountry(v.toUpperCase())) return v.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(v)) {
    const code = countries.alpha3ToAlpha2(v.toUpperCase());
    if (code && isKnownCountry(code)) return code;
  }
  return countries_().get(headerKey(v));
}

const basisWords: Record<(typeof lawfulBases)[number], string[]> = {
  consent: ['consent', 'einwilligung', 'a', '6a', '61a'],
  contract: ['contract', 'vertrag', 'b', '6b', '61b'],
  legalObligation: ['legalobligation', 'rechtlicheverpflichtung', 'c', '6c', '61c'],
  vitalInterests: ['vitalinterests', 'lebenswichtigeinteressen', 'd', '6d', '61d'],
  publicTask: ['publictask', 'offentlicheaufgabe', 'e', '6e', '61e'],
  legitimateInterests: ['legitimateinterests', 'berechtigteinteressen', 'berechtigtesinteresse', 'legitimateinterest', 'f', '6f', '61f'],
};

/** A lawful basis written as its key, its label in either language or its letter of Art. 6(1); undefined when unknown. */
export function lawfulBasisFromText(value: string): (typeof lawfulBases)[number] | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const key = headerKey(v.replace(/\(art\.?[^)]*\)/i, '').replace(/^art\.?\s*/i, ''));
  for (const basis of lawfulBases) {
    if (headerKey(basis) === key || basisWords[basis].includes(key)) return basis;
    for (const lang of ['en', 'de'] as const) {
      const label = catalogues[lang].contacts.gdpr.bases[basis];
      if (headerKey(label) === headerKey(v) || headerKey(label.replace(/\(.*\)/, '')) === key) return basis;
    }
  }
  return undefined;
}

/** An organisation kind as its key or its label in either language; undefined when unknown. */
export function organisationKindFromText(value: string): OrganisationKind | null | undefined {
  const key = headerKey(value);
  if (!key) return null;
  for (const kind of organisationKinds) {
    if (headerKey(kind) === key) return kind;
    for (const lang of ['en', 'de'] as const) if (headerKey(catalogues[lang].organisations.kinds[kind]) === key) return kind;
  }
  if (['universitat', 'hochschule', 'college'].includes(key)) return 'university';
  return undefined;
}

/** A cell holding several values: "a; b", Google's "a ::: b", or one per line. */
export function splitList(value: string, commas = true): string[] {
  return value
    .split(commas ? /\s*(?::::|;|,|\n)\s*/ : /\s*(?::::|;|\n)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A cooperation status as its key or its label in either language; undefined when unknown. */
export function cooperationStatusFromText(value: string): CooperationStatus | null | undefined {
  const key = headerKey(value);
  if (!key) return null;
  for (const status of cooperationStatuses) {
    if (headerKey(status) === key) return status;
    for (const lang of ['en', 'de'] as const) if (headerKey(catalogues[lang].cooperations.statuses[status]) === key) return status;
  }
  const more: Record<string, CooperationStatus> = { planned: 'preparation', geplant: 'preparation', bewilligt: 'funded', granted: 'funded', aktiv: 'running', active: 'running', laufend: 'running', abgeschlossen: 'ended', completed: 'ended', rejected: 'declined' };
  return more[key];
}

/** A date as Excel writes it in English or German: "2027-03-01", "01.03.2027", "1.3.2027"; undefined when unreadable. */
export function dateFromText(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const parts = iso ? [iso[1]!, iso[2]!, iso[3]!] : de ? [de[3]!, de[2]!, de[1]!] : null;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An amount as people and spreadsheets write it: "480000", "480.000", "480.000,50 €", "EUR 480,000.50";
 * undefined when it is not a number.
 */
export function amountFromText(value: string): number | null | undefined {
  const v = value.replace(/(eur|euro|€)/gi, '').replace(/[\s\u00a0\u202f']/g, '');
  if (!v) return null;
  if (!/^-?[\d.,]+$/.test(v)) return undefined;
  const comma = v.lastIndexOf(',');
  const dot = v.lastIndexOf('.');
  let normal: string;
  if (comma >= 0 && dot >= 0) normal = comma > dot ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, '');
  else if (comma >= 0) normal = /^-?\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, '') : v.replace(',', '.');
  else if (dot >= 0) normal = /^-?\d{1,3}(\.\d{3})+$/.test(v) ? v.replace(/\./g, '') : v;
  else normal = v;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}
