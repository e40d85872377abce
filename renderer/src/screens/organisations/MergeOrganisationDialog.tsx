/**
 * "Merge with…" on an organisation's page: pick the duplicate, compare field by field, merge
 * (`organisations.mergePreview`, `organisations.merge`); the generic MergeDialog does the rest.
 * From the Organisations list's selection bar it opens on the two selected ones (`pair`).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { organisationMergeFields } from '../../../../shared/features/organisations/merge';
import type { OrganisationRecord } from '../../../../shared/features/organisations/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { MergeDialog } from '../../components/MergeDialog';
import { OrganisationPicker } from '../../components/pickers';
import { PickerField } from './parts';

const labelKeys: Record<string, string> = { parentId: 'parent' };

type Props = { onClose: () => void } & (
  | { organisation: OrganisationRecord; pair?: undefined; onMerged?: undefined }
  | { organisation?: undefined; pair: { keepId: string; otherId: string }; onMerged: (kept: OrganisationRecord) => void }
);

export function MergeOrganisationDialog({ organisation, pair, onMerged, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const navigate = useNavigate();
  // Parent organisations are shown by name: looked up with the preview.
  const [parents, setParents] = useState<Map<string, string>>(new Map());
  const parentName = (id: string) => parents.get(id) ?? id;
  // Groups likewise, by name.
  const groups = useQuery({ queryKey: ['groups', 'lookup', 'all'], queryFn: () => api.groups.lookup({ limit: 100 }) });
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? id;

  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (field === 'kind') return t(`organisations.kinds.${value as 'other'}`);
    if (field === 'country') return countryName(value as string, lang);
    if (field === 'parentId') return parentName(value as string);
    if (field === 'topics') return (value as string[]).join(', ');
    if (field === 'groupIds') return (value as string[]).map(groupName).join(', ');
    // In full: the value being chosen is never cut (the dialog scrolls, its buttons stay in view).
    return String(value);
  };

  return (
    <MergeDialog<OrganisationRecord>
      recordId={organisation?.id ?? pair!.keepId}
      pair={pair}
      kind="organisations"
      nameOf={(o) => o.name}
      fields={organisationMergeFields}
      labelOf={(field) => t(`organisations.fields.${(labelKeys[field] ?? field) as 'name'}`)}
      format={format}
      pickTitle={organisation ? t('merge.pickOrganisation', { name: organisation.name }) : t('merge.title')}
      picker={(value, onChosen) => (
        <PickerField>
          <OrganisationPicker label={t('merge.organisation')} withAsterisk data-autofocus value={value ? [value] : []} onChange={(ids) => onChosen(ids[ids.length - 1] ?? null)} />
        </PickerField>
      )}
      preview={async (pair) => {
        const preview = await api.organisations.mergePreview(pair);
        const ids = [preview.keep.parentId, preview.other.parentId].filter((id): id is string => !!id);
        const refs = ids.length ? await api.organisations.lookup({ ids }) : [];
        setParents(new Map(refs.map((o) => [o.id, o.name])));
        return preview;
      }}
      merge={(input) => api.organisations.merge(input)}
      onMerged={(kept) => {
        if (onMerged) onMerged(kept);
        else if (kept.id !== organisation.id) navigate(`/organisations/${kept.id}`);
      }}
      onClose={onClose}
    />
  );
}
