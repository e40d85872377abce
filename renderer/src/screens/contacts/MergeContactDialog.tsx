/**
 * "Merge with…" on a person's page: pick the duplicate, compare field by field, merge
 * (`contacts.mergePreview`, `contacts.merge`); the generic MergeDialog does the rest. From the
 * People list's selection bar it opens on the two selected people (`pair`).
 */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { contactMergeFields } from '../../../../shared/features/contacts/merge';
import { displayName, type ContactRecord, type Email, type Phone } from '../../../../shared/features/contacts/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { MergeDialog } from '../../components/MergeDialog';
import { ContactPicker } from '../../components/pickers';
import { PickerField } from '../organisations/parts';
import { useLanguageNames } from './languages';

const short = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s);

type Props = { onClose: () => void } & (
  | { contact: ContactRecord; pair?: undefined; onMerged?: undefined }
  | { contact?: undefined; pair: { keepId: string; otherId: string }; onMerged: (kept: ContactRecord) => void }
);

export function MergeContactDialog({ contact, pair, onMerged, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const navigate = useNavigate();
  const languageName = useLanguageNames();

  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    switch (field) {
      case 'emails':
        return (value as Email[]).map((e) => e.address).join(', ');
      case 'phones':
        return (value as Phone[]).map((p) => p.number).join(', ');
      case 'languages':
        return (value as string[]).map(languageName).join(', ');
      case 'expertise':
        return (value as string[]).join(', ');
      case 'country':
        return countryName(value as string, lang);
      case 'gdpr': {
        const g = value as ContactRecord['gdpr'];
        return [t(`contacts.gdpr.bases.${g.lawfulBasis}`), g.source].filter(Boolean).join(' · ');
      }
      default:
        return short(String(value));
    }
  };

  return (
    <MergeDialog<ContactRecord>
      recordId={contact?.id ?? pair!.keepId}
      pair={pair}
      kind="contacts"
      nameOf={displayName}
      fields={contactMergeFields}
      labelOf={(field) => (field === 'gdpr' ? t('merge.gdpr') : t(`contacts.fields.${field as 'notes'}`))}
      format={format}
      pickTitle={contact ? t('merge.pickPerson', { name: displayName(contact) }) : t('merge.title')}
      picker={(value, onChosen) => (
        <PickerField>
          <ContactPicker label={t('merge.person')} withAsterisk data-autofocus value={value ? [value] : []} onChange={(ids) => onChosen(ids[ids.length - 1] ?? null)} />
        </PickerField>
      )}
      preview={(pair) => api.contacts.mergePreview(pair)}
      merge={(input) => api.contacts.merge(input)}
      onMerged={(kept) => {
        if (onMerged) onMerged(kept);
        else if (kept.id !== contact.id) navigate(`/contacts/${kept.id}`);
      }}
      onClose={onClose}
    />
  );
}
