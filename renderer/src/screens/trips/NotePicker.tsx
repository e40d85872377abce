import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteKind, NoteStatus } from '../../../../shared/features/notes/schema';
import { useApi } from '../../api/context';
import { RecordPicker, type PickerItem } from '../../components/RecordPicker';

type PickerProps = Omit<Parameters<typeof RecordPicker>[0], 'lookup' | 'queryKey'>;

/** Strategy notes by title or text, as the other record pickers (there is no notes.lookup operation). */
export function NotePicker(props: PickerProps) {
  const api = useApi();
  const { t } = useTranslation();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> => {
      const detail = (n: { kind: NoteKind; status: NoteStatus }) => `${t(`notes.kinds.${n.kind}`, { defaultValue: n.kind })} · ${t(`notes.statuses.${n.status}`, { defaultValue: n.status })}`;
      if (q.ids?.length) {
        const found = await Promise.all(q.ids.map((id) => api.notes.get({ id }).catch(() => null)));
        return found.filter((n) => n !== null).map((n) => ({ id: n.id, label: n.title, detail: detail(n) }));
      }
      const page = await api.notes.list({ text: q.text, limit: 30, sort: q.text ? 'title' : 'updatedAt', direction: q.text ? 'asc' : 'desc' });
      return page.rows.map((n) => ({ id: n.id, label: n.title, detail: detail(n) }));
    },
    [api, t],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="notes-picker" />;
}
