/**
 * Merging two people: the fields the merge dialog offers, in the order it shows them, and how list
 * items are recognised as the same (an e-mail address in any case, a number by its digits).
 */
import type { MergeField } from '../../schemas/merge';
import type { ContactFields } from './schema';

export const contactMergeFieldNames = [
  'honorific',
  'academicTitle',
  'givenName',
  'familyName',
  'nativeName',
  'transliteration',
  'country',
  'emails',
  'phones',
  'languages',
  'expertise',
  'owner',
  'gdpr',
  'notes',
] as const satisfies ReadonlyArray<keyof ContactFields>;
export type ContactMergeField = (typeof contactMergeFieldNames)[number];

const folded = (s: unknown) => String(s).trim().toLocaleLowerCase('en');

export const contactMergeFields: ReadonlyArray<MergeField<ContactMergeField>> = contactMergeFieldNames.map((field): MergeField<ContactMergeField> => {
  switch (field) {
    case 'emails':
      return { field, kind: 'list', identity: (e) => folded((e as { address: string }).address) };
    case 'phones':
      return { field, kind: 'list', identity: (p) => String((p as { number: string }).number).replace(/[^0-9+]/g, '') };
    case 'languages':
    case 'expertise':
      return { field, kind: 'list', identity: folded };
    case 'notes':
      return { field, kind: 'text' };
    default:
      return { field, kind: 'single' };
  }
});
