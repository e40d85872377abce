import { useCallback } from 'react';
import { countryName } from '../../../shared/features/countries/names';
import { useApi } from '../api/context';
import { RecordPicker, type PickerItem } from './RecordPicker';
import { useLanguage } from '../app/language';

type PickerProps = Omit<Parameters<typeof RecordPicker>[0], 'lookup' | 'queryKey'>;

/** Organisations by name, short name, city or country. */
export function OrganisationPicker(props: PickerProps) {
  const api = useApi();
  const lang = useLanguage();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> =>
      (await api.organisations.lookup({ text: q.text, ids: q.ids, limit: 30 })).map((o) => ({
        id: o.id,
        label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
        detail: [o.city, o.country ? countryName(o.country, lang) : ''].filter(Boolean).join(', '),
      })),
    [api, lang],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="organisations" />;
}

/** People by name (also the name in original script), role or organisation. */
export function ContactPicker(props: PickerProps) {
  const api = useApi();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> =>
      (await api.contacts.lookup({ text: q.text, ids: q.ids, limit: 30 })).map((c) => ({
        id: c.id,
        label: c.name,
        detail: [c.role, c.organisationName].filter(Boolean).join(', '),
      })),
    [api],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="contacts" />;
}

/** Cases by title or reference. */
export function CasePicker(props: PickerProps) {
  const api = useApi();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> => {
      if (q.ids?.length) {
        const found = await Promise.all(q.ids.map((id) => api.cases.get({ id }).catch(() => null)));
        return found.filter((c) => c !== null).map((c) => ({ id: c.id, label: c.title, detail: c.reference }));
      }
      const page = await api.cases.list({ text: q.text, limit: 30 });
      return page.rows.map((c) => ({ id: c.id, label: c.title, detail: c.reference }));
    },
    [api],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="cases" />;
}
