/**
 * What an import would do, row by row, against the published data: each row turned into the
 * fields of a person (or organisation) and checked by the same zod schemas as the forms; the
 * organisation it names matched or made; duplicates found (same e-mail; same name at the same
 * organisation, the name in Latin letters, in its original script or transliterated; organisations
 * by name and country, diacritics folded), including duplicates of an earlier row of the same file;
 * people with the same name and country (the country of their current position when they have
 * none) as a possible duplicate, created unless the person decides otherwise; and the user's choice
 * applied (skip, update, create anyway).
 * The preview and the apply run this one planner, so what the preview shows is what is stored.
 */
import { CooperationFields, type CooperationRecord } from '../../../../shared/features/cooperations/schema';
import { ContactFields, displayName, isCurrentPosition, type ContactRecord, type PositionRecord } from '../../../../shared/features/contacts/schema';
import { amountFromText, cooperationStatusFromText, countryFromText, dateFromText, lawfulBasisFromText, organisationKindFromText, splitList } from '../../../../shared/features/imports/mapping';
import { PREVIEW_MAX_FLAGGED, PREVIEW_ROWS, type DuplicateChoice, type DuplicateMatch, type DuplicateReason, type ImportField, type ImportTarget, type Mapping, type PreviewRow, type RowOutcome } from '../../../../shared/features/imports/schema';
import { OrganisationFields, type OrganisationRecord } from '../../../../shared/features/organisations/schema';
import { foldText } from '../../../../shared/domain/text';
import type { Message } from '../../../../shared/errors';
import type { Database } from '../../../../shared/schemas/database';
import { issueMessage } from '../../../../shared/validation';
import type { Table } from './read';

type Fields = Record<string, unknown>;
type RowError = { field: string; message: Message };

/** A record the import makes, or an existing one it may update. */
interface Target<R> {
  /** The stored record this row would update (undefined: made by this import). */
  existing?: R;
  record: R;
  /** The data row that made it (made by this import). */
  row?: number;
}

export interface PlanOptions {
  target: ImportTarget;
  mapping: Mapping;
  choice: DuplicateChoice;
  stamp: string;
  newId: () => string;
  /** The role of a position when the row names an organisation but no job title or department. */
  defaultRole: string;
}

export interface Plan {
  organisations: { created: OrganisationRecord[]; updated: Map<string, { before: OrganisationRecord; after: OrganisationRecord }> };
  contacts: { created: ContactRecord[]; updated: Map<string, { before: ContactRecord; after: ContactRecord }> };
  positions: PositionRecord[];
  cooperations: { created: CooperationRecord[]; updated: Map<string, { before: CooperationRecord; after: CooperationRecord }> };
  outcomes: RowOutcome[];
  preview: PreviewRow[];
  counts: { valid: number; invalid: number; duplicates: number };
}

const nameKey = (given: string, family: string) => foldText(`${given} ${family}`).replace(/\s+/g, ' ').trim();
const orgKey = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();
/** Every form a person's name is known in: Latin, original script, transliteration (folded, distinct, non-empty). */
const nameKeys = (c: { givenName: string; familyName: string; nativeName: string; transliteration?: string }) =>
  [...new Set([nameKey(c.givenName, c.familyName), orgKey(c.nativeName), orgKey(c.transliteration ?? '')])].filter(Boolean);

/** "Prof. Dr. Anna Maria Müller" or "Müller, Anna Maria" → title, given, family. */
export function splitFullName(full: string): { academicTitle: string; givenName: string; familyName: string } {
  let rest = full.trim().replace(/\s+/g, ' ');
  const titles: string[] = [];
  for (let m = /^((?:prof|dr|ing|dipl|mag|phd)\.?(?:\s?[a-z]{1,5}\.)?)\s+/i.exec(rest); m; m = /^((?:prof|dr|ing|dipl|mag|phd)\.?(?:\s?[a-z]{1,5}\.)?)\s+/i.exec(rest)) {
    titles.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  const comma = rest.indexOf(',');
  if (comma > 0) return { academicTitle: titles.join(' '), familyName: rest.slice(0, comma).trim(), givenName: rest.slice(comma + 1).trim() };
  const space = rest.lastIndexOf(' ');
  if (space < 0) return { academicTitle: titles.join(' '), givenName: '', familyName: rest };
  return { academicTitle: titles.join(' '), givenName: rest.slice(0, space), familyName: rest.slice(space + 1) };
}

function zodErrors(error: { issues: Parameters<typeof issueMessage>[0][] }): RowError[] {
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issueMessage(issue) });
  }
  return out;
}

const unionBy = <T>(a: readonly T[], b: readonly T[], key: (v: T) => string, max: number): T[] => {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const v of b) {
    if (out.length >= max) break;
    if (!seen.has(key(v))) {
      seen.add(key(v));
      out.push(v);
    }
  }
  return out;
};
const appendText = (a: string, b: string) => (!b || a.includes(b) ? a : a ? `${a}\n\n${b}` : b);

/** The importer's pass over the rows: call `step` for each row (in order), then read `plan`. */
export class Planner {
  private readonly db: Database;
  private readonly o: PlanOptions;
  private readonly columns = new Map<ImportField, number[]>();
  private readonly orgsByName = new Map<string, Array<Target<OrganisationRecord>>>();
  private readonly contactsByEmail = new Map<string, Target<ContactRecord>>();
  private readonly contactsByNameOrg = new Map<string, Target<ContactRecord>>();
  /** Name key → people with that name and the country they are known by (their own, else their current position's). */
  private readonly contactsByName = new Map<string, Array<{ target: Target<ContactRecord>; country: string | null }>>();
  private readonly positionKeys = new Set<string>();
  private readonly contactTargets = new Map<string, Target<ContactRecord>>();
  private readonly choices = new Map<number, DuplicateChoice['all']>();
  readonly plan: Plan = {
    organisations: { created: [], updated: new Map() },
    contacts: { created: [], updated: new Map() },
    positions: [],
    cooperations: { created: [], updated: new Map() },
    outcomes: [],
    preview: [],
    counts: { valid: 0, invalid: 0, duplicates: 0 },
  };

  constructor(db: Database, options: PlanOptions) {
    this.db = db;
    this.o = options;
    options.mapping.forEach((field, i) => {
      if (field) this.columns.set(field, [...(this.columns.get(field) ?? []), i]);
    });
    for (const c of options.choice.rows) this.choices.set(c.row, c.action);
    for (const org of db.organisations) this.indexOrg({ existing: org, record: org });
    if (options.target === 'people') {
      const contacts = new Map(db.contacts.map((c) => [c.id, c]));
      for (const c of db.contacts) {
        const target = { existing: c, record: c };
        this.contactTargets.set(c.id, target);
        for (const e of c.emails) if (!this.contactsByEmail.has(e.address.toLowerCase())) this.contactsByEmail.set(e.address.toLowerCase(), target);
      }
      const today = options.stamp.slice(0, 10);
      const positionCountry = new Map<string, string>();
      const orgCountry = new Map(db.organisations.map((o) => [o.id, o.country]));
      for (const p of db.positions) {
        const c = contacts.get(p.contactId);
        if (!c) continue;
        for (const name of nameKeys(c)) {
          const key = `${name}|${p.organisationId}`;
          if (!this.contactsByNameOrg.has(key)) this.contactsByNameOrg.set(key, this.contactTargets.get(c.id)!);
        }
        this.positionKeys.add(`${p.contactId}|${p.organisationId}|${foldText(p.role)}`);
        const country = orgCountry.get(p.organisationId);
        if (country && isCurrentPosition(p, today) && !positionCountry.has(c.id)) positionCountry.set(c.id, country);
      }
      for (const c of db.contacts) this.indexName(this.contactTargets.get(c.id)!, c.country ?? positionCountry.get(c.id) ?? null);
    }
  }

  private indexName(target: Target<ContactRecord>, country: string | null) {
    for (const key of nameKeys(target.record)) this.contactsByName.set(key, [...(this.contactsByName.get(key) ?? []), { target, country }]);
  }

  private indexOrg(t: Target<OrganisationRecord>) {
    const key = orgKey(t.record.name);
    this.orgsByName.set(key, [...(this.orgsByName.get(key) ?? []), t]);
  }

  /** Same folded name, and the same country or one of them without. */
  private findOrg(name: string, country: string | null): Target<OrganisationRecord> | undefined {
    const candidates = this.orgsByName.get(orgKey(name)) ?? [];
    return candidates.find((t) => t.record.country === country) ?? candidates.find((t) => !t.record.country || !country);
  }

  private cells(row: readonly string[], field: ImportField): string[] {
    return (this.columns.get(field) ?? []).map((i) => (row[i] ?? '').trim()).filter(Boolean);
  }
  private one(row: readonly string[], field: ImportField): string {
    return this.cells(row, field)[0] ?? '';
  }

  private action(row: number): DuplicateChoice['all'] {
    return this.choices.get(row) ?? this.o.choice.all;
  }

  private outcome(row: number, outcome: RowOutcome['outcome'], label: string, reason: Message | null) {
    this.plan.outcomes.push({ row, outcome, label, reason });
  }

  private match(reason: DuplicateReason, t: Target<{ id: string }>, label: string, possible = false): DuplicateMatch {
    return { reason, existingId: t.existing ? t.existing.id : null, row: t.existing ? null : (t.row ?? null), label, possible };
  }

  /** Plans data row `n` (1-based) of the table. */
  step(n: number, cells: readonly string[]): void {
    if (this.o.target === 'people') this.person(n, cells);
    else if (this.o.target === 'organisations') this.organisation(n, cells);
    else this.cooperation(n, cells);
  }

  // ————— people —————

  private personInput(row: readonly string[]): { input: Fields; errors: RowError[]; organisation: string; role: string; countryText: string } {
    const errors: RowError[] = [];
    let given = this.one(row, 'givenName');
    let family = this.one(row, 'familyName');
    let academicTitle = this.one(row, 'academicTitle');
    const full = this.one(row, 'fullName');
    if (full && !given && !family) {
      const split = splitFullName(full);
      given = split.givenName;
      family = split.familyName;
      if (!academicTitle) academicTitle = split.academicTitle;
    }
    const emails = [
      ...this.cells(row, 'email').flatMap((c) => splitList(c.replace(/\s+/g, ';'))).map((address) => ({ address, kind: 'work' })),
      ...this.cells(row, 'emailPrivate').flatMap((c) => splitList(c.replace(/\s+/g, ';'))).map((address) => ({ address, kind: 'private' })),
    ];
    const phones = [
      ...this.cells(row, 'phone').flatMap((c) => splitList(c, false)).map((number) => ({ number, kind: 'work' })),
      ...this.cells(row, 'phoneMobile').flatMap((c) => splitList(c, false)).map((number) => ({ number, kind: 'mobile' })),
      ...this.cells(row, 'phonePrivate').flatMap((c) => splitList(c, false)).map((number) => ({ number, kind: 'private' })),
    ];
    const countryText = this.one(row, 'country');
    const country = countryFromText(countryText);
    if (country === undefined) errors.push({ field: 'country', message: { key: 'validation.unknownCountry' } });
    const basisText = this.one(row, 'gdprBasis');
    const basis = lawfulBasisFromText(basisText);
    if (basis === undefined) errors.push({ field: 'gdpr.lawfulBasis', message: { key: 'validation.invalidChoice' } });
    const input: Fields = {
      honorific: this.one(row, 'honorific'),
      academicTitle,
      givenName: given,
      familyName: family,
      nativeName: this.one(row, 'nativeName'),
      country: country ?? null,
      emails: unionBy(emails, [], (e) => e.address.toLowerCase(), 100),
      phones,
      languages: this.cells(row, 'languages').flatMap((c) => splitList(c)).map((l) => l.toLowerCase()),
      expertise: this.cells(row, 'topics').flatMap((c) => splitList(c)),
      owner: this.one(row, 'owner'),
      notes: this.cells(row, 'notes').join('\n'),
      gdpr: { lawfulBasis: basis ?? 'legitimateInterests', source: this.one(row, 'gdprSource'), consentOn: null, reviewOn: null },
    };
    const organisation = this.one(row, 'organisation');
    if (organisation.length > 200) errors.push({ field: 'organisation', message: { key: 'validation.tooBig', params: { max: 200 } } });
    const role = [this.one(row, 'position'), this.one(row, 'department')].filter(Boolean).join(', ');
    if (role.length > 150) errors.push({ field: 'position', message: { key: 'validation.tooBig', params: { max: 150 } } });
    return { input, errors, organisation, role, countryText };
  }

  private person(n: number, row: readonly string[]): void {
    const { input, errors, organisation, role, countryText } = this.personInput(row);
    const parsed = ContactFields.safeParse(input);
    if (!parsed.success) errors.push(...zodErrors(parsed.error));
    const fields = parsed.success ? parsed.data : null;
    const name = fields ? displayName(fields) : [input.givenName, input.familyName].filter(Boolean).join(' ') || this.one(row, 'fullName');
    const country = fields?.country ?? null;
    const org = organisation ? this.findOrg(organisation, country) : undefined;
    const previewBase = () => ({
      row: n,
      name: String(name),
      organisation,
      position: role,
      defaultPosition: Boolean(organisation) && !role,
      emails: (input.emails as Array<{ address: string }>).map((e) => e.address),
      phones: (input.phones as Array<{ number: string }>).map((p) => p.number),
      country: country ?? (countryText || null),
      topics: fields?.expertise ?? [],
      city: '',
      kind: null,
      status: null,
      institutes: [],
      partners: [],
      organisationAction: (organisation ? (org ? 'match' : 'create') : 'none') as PreviewRow['organisationAction'],
    });
    if (!fields || errors.length) {
      this.plan.counts.invalid++;
      // Nothing is made of an invalid row, its organisation neither.
      this.preview(true, () => ({ ...previewBase(), organisationAction: 'none', errors, duplicate: null }));
      this.outcome(n, 'skipped', String(name), { key: 'imports.reasons.invalid', params: { field: errors[0]?.field ?? '_' } });
      return;
    }
    this.plan.counts.valid++;
    // Duplicates: the same e-mail, else the same name at the same organisation.
    let duplicate: DuplicateMatch | null = null;
    let target: Target<ContactRecord> | undefined;
    for (const e of fields.emails) {
      target = this.contactsByEmail.get(e.address.toLowerCase());
      if (target) {
        duplicate = this.match('email', target, displayName(target.record));
        break;
      }
    }
    const names = nameKeys(fields);
    if (!target && org) {
      for (const name of names) {
        target = this.contactsByNameOrg.get(`${name}|${org.record.id}`);
        if (target) {
          duplicate = this.match('nameAtOrganisation', target, displayName(target.record));
          break;
        }
      }
    }
    // A weaker sign: the same name and the same country, with no organisation or e-mail in common.
    if (!target && fields.country) {
      for (const name of names) {
        const same = this.contactsByName.get(name)?.find((c) => c.country === fields.country);
        if (same) {
          target = same.target;
          duplicate = this.match('nameAndCountry', target, displayName(target.record), true);
          break;
        }
      }
    }
    this.preview(duplicate !== null, () => ({ ...previewBase(), errors: [], duplicate }));
    if (duplicate) this.plan.counts.duplicates++;
    const action = duplicate ? (duplicate.possible ? (this.choices.get(n) ?? 'create') : this.action(n)) : 'create';
    if (action === 'skip') {
      this.outcome(n, 'skipped', displayName(fields), { key: `imports.reasons.${duplicate!.reason}`, params: { label: duplicate!.label } });
      return;
    }
    const orgTarget = organisation ? (org ?? this.createOrg(n, { name: organisation, country })) : undefined;
    let contact: ContactRecord;
    if (action === 'update' && target) {
      contact = this.updateContact(target, fields);
      this.outcome(n, target.existing ? 'updated' : 'created', displayName(contact), target.existing ? null : { key: 'imports.reasons.mergedIntoRow', params: { row: target.row ?? 0 } });
    } else {
      contact = { id: this.o.newId(), createdAt: this.o.stamp, updatedAt: this.o.stamp, revision: 1, ...fields };
      this.plan.contacts.created.push(contact);
      const made: Target<ContactRecord> = { record: contact, row: n };
      this.contactTargets.set(contact.id, made);
      target = made;
      this.outcome(n, 'created', displayName(contact), null);
      this.indexName(made, contact.country ?? orgTarget?.record.country ?? null);
    }
    for (const e of contact.emails) if (!this.contactsByEmail.has(e.address.toLowerCase())) this.contactsByEmail.set(e.address.toLowerCase(), target);
    if (orgTarget) {
      const key = `${nameKey(contact.givenName, contact.familyName)}|${orgTarget.record.id}`;
      if (!this.contactsByNameOrg.has(key)) this.contactsByNameOrg.set(key, target);
      this.addPosition(contact.id, orgTarget.record.id, role || this.o.defaultRole);
    }
  }

  /** Fills in what the row brings: its non-empty fields replace, lists are joined, notes appended. */
  private updateContact(target: Target<ContactRecord>, fields: ContactFields): ContactRecord {
    const current = target.record;
    const merged = ContactFields.parse({
      honorific: fields.honorific || current.honorific,
      academicTitle: fields.academicTitle || current.academicTitle,
      givenName: fields.givenName || current.givenName,
      familyName: fields.familyName || current.familyName,
      nativeName: fields.nativeName || current.nativeName,
      transliteration: current.transliteration,
      country: fields.country ?? current.country,
      emails: unionBy(current.emails, fields.emails, (e) => e.address.toLowerCase(), 10),
      phones: unionBy(current.phones, fields.phones, (p) => p.number.replace(/\D/g, ''), 10),
      languages: unionBy(current.languages, fields.languages, (l) => l, 20),
      expertise: unionBy(current.expertise, fields.expertise, (t) => foldText(t), 40),
      owner: fields.owner || current.owner,
      notes: appendText(current.notes, fields.notes).slice(0, 20_000),
      gdpr: fields.gdpr.source || this.columns.has('gdprBasis') ? { ...current.gdpr, lawfulBasis: this.columns.has('gdprBasis') ? fields.gdpr.lawfulBasis : current.gdpr.lawfulBasis, source: fields.gdpr.source || current.gdpr.source } : current.gdpr,
    });
    if (target.existing) {
      const before = target.existing;
      const after: ContactRecord = { ...before, ...merged, revision: before.revision + 1, updatedAt: this.o.stamp };
      this.plan.contacts.updated.set(before.id, { before, after });
      target.record = after;
      return after;
    }
    const after: ContactRecord = { ...current, ...merged };
    const i = this.plan.contacts.created.indexOf(current);
    this.plan.contacts.created[i] = after;
    target.record = after;
    return after;
  }

  private addPosition(contactId: string, organisationId: string, role: string) {
    const key = `${contactId}|${organisationId}|${foldText(role)}`;
    if (this.positionKeys.has(key)) return;
    this.positionKeys.add(key);
    this.plan.positions.push({ id: this.o.newId(), createdAt: this.o.stamp, updatedAt: this.o.stamp, revision: 1, contactId, organisationId, role, from: null, to: null });
  }

  private createOrg(row: number, input: Fields): Target<OrganisationRecord> {
    const fields = OrganisationFields.parse(input);
    const record: OrganisationRecord = { id: this.o.newId(), createdAt: this.o.stamp, updatedAt: this.o.stamp, revision: 1, ...fields };
    this.plan.organisations.created.push(record);
    const t = { record, row };
    this.indexOrg(t);
    return t;
  }

  // ————— organisations —————

  private organisation(n: number, row: readonly string[]): void {
    const errors: RowError[] = [];
    const countryText = this.one(row, 'country');
    const country = countryFromText(countryText);
    if (country === undefined) errors.push({ field: 'country', message: { key: 'validation.unknownCountry' } });
    const kindText = this.one(row, 'kind');
    const kind = organisationKindFromText(kindText);
    if (kind === undefined) errors.push({ field: 'kind', message: { key: 'validation.invalidChoice' } });
    const input = {
      name: this.one(row, 'name'),
      shortName: this.one(row, 'shortName'),
      kind: kind ?? 'other',
      country: country ?? null,
      city: this.one(row, 'city'),
      website: this.one(row, 'website'),
      topics: this.cells(row, 'topics').flatMap((c) => splitList(c)),
      owner: this.one(row, 'owner'),
      notes: this.cells(row, 'notes').join('\n'),
    };
    const parsed = OrganisationFields.safeParse(input);
    if (!parsed.success) errors.push(...zodErrors(parsed.error));
    const previewBase = () => ({
      row: n,
      name: input.name,
      organisation: '',
      position: '',
      defaultPosition: false,
      emails: [],
      phones: [],
      country: country ?? (countryText || null),
      topics: parsed.success ? parsed.data.topics : [],
      city: input.city,
      kind: kindText ? (kind ?? null) : null,
      status: null,
      institutes: [],
      partners: [],
      organisationAction: 'none' as const,
    });
    if (!parsed.success || errors.length) {
      this.plan.counts.invalid++;
      this.preview(true, () => ({ ...previewBase(), errors, duplicate: null }));
      this.outcome(n, 'skipped', input.name, { key: 'imports.reasons.invalid', params: { field: errors[0]?.field ?? '_' } });
      return;
    }
    this.plan.counts.valid++;
    const fields = parsed.data;
    const target = this.findOrg(fields.name, fields.country);
    const duplicate = target ? this.match('nameAndCountry', target, target.record.name) : null;
    this.preview(duplicate !== null, () => ({ ...previewBase(), errors: [], duplicate }));
    if (duplicate) this.plan.counts.duplicates++;
    const action = duplicate ? this.action(n) : 'create';
    if (action === 'skip') {
      this.outcome(n, 'skipped', fields.name, { key: 'imports.reasons.nameAndCountry', params: { label: duplicate!.label } });
      return;
    }
    if (action === 'update' && target) {
      const current = target.record;
      const merged = OrganisationFields.parse({
        ...current,
        shortName: fields.shortName || current.shortName,
        kind: kindText ? fields.kind : current.kind,
        country: fields.country ?? current.country,
        city: fields.city || current.city,
        website: fields.website || current.website,
        topics: unionBy(current.topics, fields.topics, (t) => foldText(t), 40),
        owner: fields.owner || current.owner,
        notes: appendText(current.notes, fields.notes).slice(0, 20_000),
      });
      if (target.existing) {
        const before = target.existing;
        const after: OrganisationRecord = { ...before, ...merged, revision: before.revision + 1, updatedAt: this.o.stamp };
        this.plan.organisations.updated.set(before.id, { before, after });
        target.record = after;
        this.outcome(n, 'updated', after.name, null);
      } else {
        const after: OrganisationRecord = { ...current, ...merged };
        this.plan.organisations.created[this.plan.organisations.created.indexOf(current)] = after;
        target.record = after;
        this.outcome(n, 'created', after.name, { key: 'imports.reasons.mergedIntoRow', params: { row: target.row ?? 0 } });
      }
      return;
    }
    this.createOrg(n, fields);
    this.outcome(n, 'created', fields.name, null);
  }

  // ————— cooperations —————

  private cooperationsByTitle?: Map<string, Target<CooperationRecord>>;
  private programmesByName?: Map<string, string>;

  /** An organisation the row names: found by name (in any country), else made by this import. */
  private orgFor(n: number, name: string, kind: 'researchInstitute' | 'other'): Target<OrganisationRecord> {
    return this.findOrg(name, null) ?? this.createOrg(n, { name, kind });
  }

  private cooperation(n: number, row: readonly string[]): void {
    if (!this.cooperationsByTitle) {
      this.cooperationsByTitle = new Map();
      for (const c of this.db.cooperations) if (!this.cooperationsByTitle.has(orgKey(c.title))) this.cooperationsByTitle.set(orgKey(c.title), { existing: c, record: c });
      this.programmesByName = new Map(this.db.programmes.map((p) => [orgKey(p.name), p.id]));
    }
    const errors: RowError[] = [];
    const names = (field: ImportField) => [...new Set(this.cells(row, field).flatMap((c) => splitList(c, false)))];
    const institutes = names('institutes');
    const partners = names('partners');
    const statusText = this.one(row, 'status');
    const status = cooperationStatusFromText(statusText);
    if (status === undefined) errors.push({ field: 'status', message: { key: 'validation.invalidChoice' } });
    const dates = (['start', 'end'] as const).map((field) => {
      const d = dateFromText(this.one(row, field));
      if (d === undefined) errors.push({ field, message: { key: 'validation.invalidDate' } });
      return d ?? null;
    });
    const volume = amountFromText(this.one(row, 'volume'));
    if (volume === undefined) errors.push({ field: 'volume', message: { key: 'validation.invalidType' } });
    const programmeText = this.one(row, 'programme');
    const programmeId = programmeText ? (this.programmesByName!.get(orgKey(programmeText)) ?? null) : null;
    const tooLong = [...institutes, ...partners].find((name) => name.length > 200);
    if (tooLong) errors.push({ field: institutes.includes(tooLong) ? 'institutes' : 'partners', message: { key: 'validation.tooBig', params: { max: 200 } } });
    // Checked without the organisations first (their ids exist only once they are made).
    const base = {
      title: this.one(row, 'title'),
      topics: this.cells(row, 'topics').flatMap((c) => splitList(c)),
      programmeId: null,
      // A programme not in the workspace is kept in words.
      instrument: this.one(row, 'instrument') || (programmeId ? '' : programmeText),
      status: status ?? 'idea',
      start: dates[0],
      end: dates[1],
      volume: volume ?? null,
      funder: this.one(row, 'funder'),
      notes: this.cells(row, 'notes').join('\n'),
    };
    const parsed = CooperationFields.safeParse(base);
    if (!parsed.success) errors.push(...zodErrors(parsed.error));
    const orgAction = (): PreviewRow['organisationAction'] => {
      const all = [...institutes, ...partners];
      if (!all.length) return 'none';
      return all.some((name) => !this.findOrg(name, null)) ? 'create' : 'match';
    };
    const previewBase = () => ({
      row: n,
      name: base.title,
      organisation: '',
      position: '',
      defaultPosition: false,
      emails: [],
      phones: [],
      country: null,
      topics: parsed.success ? parsed.data.topics : [],
      city: '',
      kind: null,
      status: statusText ? (status ?? null) : 'idea',
      institutes,
      partners,
    });
    if (!parsed.success || errors.length) {
      this.plan.counts.invalid++;
      this.preview(true, () => ({ ...previewBase(), organisationAction: 'none', errors, duplicate: null }));
      this.outcome(n, 'skipped', base.title, { key: 'imports.reasons.invalid', params: { field: errors[0]?.field ?? '_' } });
      return;
    }
    this.plan.counts.valid++;
    const target = this.cooperationsByTitle.get(orgKey(base.title));
    const duplicate = target ? this.match('title', target, target.record.title) : null;
    this.preview(duplicate !== null, () => ({ ...previewBase(), organisationAction: orgAction(), errors: [], duplicate }));
    if (duplicate) this.plan.counts.duplicates++;
    const action = duplicate ? this.action(n) : 'create';
    if (action === 'skip') {
      this.outcome(n, 'skipped', base.title, { key: 'imports.reasons.title', params: { label: duplicate!.label } });
      return;
    }
    const fields = { ...parsed.data, programmeId, institutes: institutes.map((name) => this.orgFor(n, name, 'researchInstitute').record.id), partners: partners.map((name) => this.orgFor(n, name, 'other').record.id) };
    if (action === 'update' && target) {
      const current = target.record;
      // What the row brings replaces; lists are joined; notes appended.
      const merged = CooperationFields.parse({
        ...current,
        institutes: unionBy(current.institutes, fields.institutes, (id) => id, 100),
        partners: unionBy(current.partners, fields.partners, (id) => id, 200),
        topics: unionBy(current.topics, fields.topics, (t) => foldText(t), 40),
        programmeId: fields.programmeId ?? current.programmeId,
        instrument: fields.instrument || current.instrument,
        status: statusText ? fields.status : current.status,
        start: fields.start ?? current.start,
        end: fields.end ?? current.end,
        volume: fields.volume ?? current.volume,
        funder: fields.funder || current.funder,
        notes: appendText(current.notes, fields.notes).slice(0, 20_000),
      });
      if (target.existing) {
        const before = target.existing;
        const after: CooperationRecord = { ...before, ...merged, revision: before.revision + 1, updatedAt: this.o.stamp };
        this.plan.cooperations.updated.set(before.id, { before, after });
        target.record = after;
        this.outcome(n, 'updated', after.title, null);
      } else {
        const after: CooperationRecord = { ...current, ...merged };
        this.plan.cooperations.created[this.plan.cooperations.created.indexOf(current)] = after;
        target.record = after;
        this.outcome(n, 'created', after.title, { key: 'imports.reasons.mergedIntoRow', params: { row: target.row ?? 0 } });
      }
      return;
    }
    const record: CooperationRecord = { id: this.o.newId(), createdAt: this.o.stamp, updatedAt: this.o.stamp, revision: 1, ...fields };
    this.plan.cooperations.created.push(record);
    if (!this.cooperationsByTitle.has(orgKey(record.title))) this.cooperationsByTitle.set(orgKey(record.title), { record, row: n });
    this.outcome(n, 'created', record.title, null);
  }

  private previewed = 0;
  /** The first rows, then flagged ones up to the limit; built only when kept. */
  private preview(flagged: boolean, row: () => PreviewRow) {
    this.previewed++;
    if (this.previewed <= PREVIEW_ROWS || (flagged && this.plan.preview.length < PREVIEW_ROWS + PREVIEW_MAX_FLAGGED)) this.plan.preview.push(row());
  }
}

/** Runs the planner over every row without pausing (inside a store update, when the data moved meanwhile). */
export function planAll(db: Database, table: Table, options: PlanOptions): Plan {
  const planner = new Planner(db, options);
  table.rows.forEach((row, i) => planner.step(i + 1, row));
  return planner.plan;
}

/** Runs the planner in slices that yield to the event loop, report progress and stop at a cancel. */
export async function planInSlices(db: Database, table: Table, options: PlanOptions, control?: { progress: (f: number) => void; checkpoint: () => void }): Promise<Plan> {
  const planner = new Planner(db, options);
  for (let i = 0; i < table.rows.length; i++) {
    planner.step(i + 1, table.rows[i]!);
    if (i % 1000 === 999) {
      control?.progress(i / table.rows.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
      control?.checkpoint();
    }
  }
  return planner.plan;
}
