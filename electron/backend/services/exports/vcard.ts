/**
 * People as vCard 4.0 (RFC 6350), one file for Apple Contacts, Outlook and Thunderbird: FN (with
 * the name in original script as its alternative in another language), N, ORG
 * and TITLE of the current position, e-mails, phones, the country as ADR, notes, topics as
 * CATEGORIES, REV and UID. Written here rather than by a library because writing is the simple half
 * (the maintained vCard packages parse; the one writer on npm targets 3.0): values escaped per
 * RFC 6350 §3.3–3.4, CRLF line ends, lines folded at 75 octets between UTF-8 code points (the same
 * folding as the calendar). Tests parse the file back with two independent parsers (vcf, ical.js).
 */
import { countryName } from '../../../../shared/features/countries/names';
import { displayName, type ContactRecord } from '../../../../shared/features/contacts/schema';
import type { Language } from '../../../../shared/i18n';
import type { Database } from '../../../../shared/schemas/database';
import { indexes } from '../../records/indexes';
import { foldLines } from '../trips/calendar';
import { primaryPosition } from '../contacts/rows';

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** A TEXT value (RFC 6350 §3.3): backslash, comma and line breaks escaped, other control characters dropped. */
export const escapeText = (v: string) =>
  v.replace(/\r\n?/g, '\n').replace(controls, '').replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** A component of a structured value (N, ORG, ADR): a semicolon would end the component, so it is escaped too. */
export const escapeComponent = (v: string) => escapeText(v).replace(/;/g, '\\;');

const emailType = { work: 'work', private: 'home', other: null } as const;
const phoneType = { work: 'work', mobile: 'cell', private: 'home', other: null } as const;
const typed = (name: string, type: string | null) => (type ? `${name};TYPE=${type}` : name);

/** REV's timestamp form: 20261121T103000Z. */
const revision = (iso: string) => iso.replace(/\.\d+/, '').replace(/[-:]/g, '');

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** One card's unfolded lines. */
export function cardLines(db: Database, c: ContactRecord, today: string, lang: Language): string[] {
  const ix = indexes(db);
  const position = primaryPosition(ix.positionsOfContact(c.id), today);
  const org = position ? ix.organisation(position.organisationId) : undefined;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  lines.push(isUuid(c.id) ? `UID:urn:uuid:${c.id.toLowerCase()}` : `UID;VALUE=text:${escapeText(c.id)}`);
  const fn = escapeText(displayName(c) || c.familyName);
  if (c.nativeName) {
    // The name in its original script is the same name in another language (RFC 6350 §5.4 ALTID),
    // not a nickname: its language is the person's first one besides English and the export's.
    const native = c.languages.find((l) => l !== lang && l !== 'en');
    lines.push(`FN;ALTID=1;LANGUAGE=${lang}:${fn}`);
    lines.push(`FN;ALTID=1${native ? `;LANGUAGE=${native}` : ''}:${escapeText(c.nativeName)}`);
  } else lines.push(`FN:${fn}`);
  const prefixes = [c.honorific, c.academicTitle].filter(Boolean).map(escapeComponent).join(',');
  lines.push(`N:${escapeComponent(c.familyName)};${escapeComponent(c.givenName)};;${prefixes};`);
  if (org) lines.push(`ORG:${escapeComponent(org.name)}`);
  if (position?.role) lines.push(`TITLE:${escapeText(position.role)}`);
  c.emails.forEach((e, i) => lines.push(`${typed('EMAIL', emailType[e.kind])}${i === 0 ? ';PREF=1' : ''}:${escapeText(e.address)}`));
  c.phones.forEach((p, i) => lines.push(`${typed('TEL', phoneType[p.kind])}${i === 0 ? ';PREF=1' : ''};VALUE=text:${escapeText(p.number)}`));
  const country = c.country ?? org?.country ?? null;
  if (country) lines.push(`ADR;TYPE=work;CC=${country}:;;;${escapeComponent(org?.country === country ? org.city : '')};;;${escapeComponent(countryName(country, lang))}`);
  if (c.languages.length) c.languages.forEach((l) => lines.push(`LANG:${l}`));
  if (c.notes.trim()) lines.push(`NOTE:${escapeText(c.notes)}`);
  if (c.expertise.length) lines.push(`CATEGORIES:${c.expertise.map(escapeText).join(',')}`);
  lines.push(`REV:${revision(c.updatedAt)}`);
  lines.push('END:VCARD');
  return lines;
}

/** The cards as one .vcf file's text: CRLF line ends, folded at 75 octets. */
export function writeVCards(db: Database, people: readonly ContactRecord[], today: string, lang: Language): string {
  const lines = people.flatMap((c) => cardLines(db, c, today, lang));
  return foldLines(`${lines.join('\r\n')}\r\n`);
}
