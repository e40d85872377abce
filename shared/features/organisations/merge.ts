/**
 * Merging two organisations: the fields the merge dialog offers, in the order it shows them.
 * Topics and groups unite (the same tag in any case once); notes can be joined.
 */
import type { MergeField } from '../../schemas/merge';
import type { OrganisationFields } from './schema';

export const organisationMergeFieldNames = [
  'name',
  'shortName',
  'kind',
  'country',
  'city',
  'website',
  'parentId',
  'topics',
  'groupIds',
  'owner',
  'notes',
] as const satisfies ReadonlyArray<keyof OrganisationFields>;
export type OrganisationMergeField = (typeof organisationMergeFieldNames)[number];

export const organisationMergeFields: ReadonlyArray<MergeField<OrganisationMergeField>> = organisationMergeFieldNames.map(
  (field): MergeField<OrganisationMergeField> =>
    field === 'topics'
      ? { field, kind: 'list', identity: (t) => String(t).trim().toLocaleLowerCase('en') }
      : field === 'groupIds'
        ? { field, kind: 'list', identity: (id) => String(id) }
      : field === 'notes'
        ? { field, kind: 'text' }
        : { field, kind: 'single' },
);
