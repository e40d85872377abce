/**
 * What the cooperation screens share with each other and with the organisation and programme
 * screens: the status badge, pickers for programmes, groups and trips, and money and period in words.
 */
import { Badge, type MantineColor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CooperationStatus } from '../../../../shared/features/cooperations/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { RecordPicker, type PickerItem } from '../../components/RecordPicker';
import { formatDate } from '../../lib/format';

/**
 * Light badges with AA contrast in both schemes: the colours and darker light-theme text are the
 * pairs computed for the case statuses (components/StatusBadge.tsx) and the red tone badge.
 */
const badges: Record<CooperationStatus, { color: MantineColor; lightText?: string }> = {
  idea: { color: 'gray' },
  preparation: { color: 'indigo' },
  applied: { color: 'yellow', lightText: '#855000' },
  funded: { color: 'teal', lightText: '#076b4d' },
  running: { color: 'blue' },
  ended: { color: 'dark' },
  declined: { color: 'red', lightText: '#a51111' },
};

export function CooperationStatusBadge({ status, size = 'sm' }: { status: CooperationStatus; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { color, lightText } = badges[status];
  const style = { flexShrink: 0, ...(lightText ? { '--badge-color': `light-dark(${lightText}, var(--mantine-color-${color}-light-color))` } : {}) } as CSSProperties;
  return (
    <Badge color={color} variant="light" radius="sm" size={size} style={style}>
      {t(`cooperations.statuses.${status}`)}
    </Badge>
  );
}

/** Euros without cents, in the UI language ("480.000 €", "€480,000"). */
export function formatVolume(volume: number | null, lang: string): string {
  if (volume === null) return '—';
  return new Intl.NumberFormat(lang.startsWith('de') ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(volume);
}

/** "Jan 2026 – Dec 2028", an open end or start as a dash. */
export function formatPeriod(start: string | null, end: string | null, lang: string): string {
  if (!start && !end) return '—';
  return `${start ? formatDate(start, lang) : '…'} – ${end ? formatDate(end, lang) : '…'}`;
}

type PickerProps = Omit<Parameters<typeof RecordPicker>[0], 'lookup' | 'queryKey'>;

/** Funding programmes by name or funder, with their deadline. */
export function ProgrammePicker(props: PickerProps) {
  const api = useApi();
  const { t } = useTranslation();
  const lang = useLanguage();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> =>
      (await api.programmes.lookup({ text: q.text, ids: q.ids, limit: 30 })).map((p) => ({
        id: p.id,
        label: p.name,
        detail: [p.funder, p.deadline ? t('programmes.deadlineOn', { date: formatDate(p.deadline, lang) }) : ''].filter(Boolean).join(' · '),
      })),
    [api, t, lang],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="programmes" />;
}

/** Groups of organisations (alliances, campuses, sections, …) by name. */
export function GroupPicker(props: PickerProps) {
  const api = useApi();
  const { t } = useTranslation();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> =>
      (await api.groups.lookup({ text: q.text, ids: q.ids, limit: 30 })).map((g) => ({ id: g.id, label: g.name, detail: t(`groups.kinds.${g.kind}`) })),
    [api, t],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="groups" />;
}

/** Delegation trips by title or destination (there is no trips.lookup operation: the list answers). */
export function TripPicker(props: PickerProps) {
  const api = useApi();
  const lang = useLanguage();
  const lookup = useCallback(
    async (q: { text: string; ids?: string[] }): Promise<PickerItem[]> => {
      const detail = (t: { startDate: string; endDate: string }) => formatPeriod(t.startDate, t.endDate, lang);
      if (q.ids?.length) {
        const found = await Promise.all(q.ids.map((id) => api.trips.get({ id }).catch(() => null)));
        return found.filter((t) => t !== null).map((t) => ({ id: t.id, label: t.title, detail: detail(t) }));
      }
      const page = await api.trips.list({ text: q.text, limit: 30 });
      return page.rows.map((t) => ({ id: t.id, label: t.title, detail: detail(t) }));
    },
    [api, lang],
  );
  return <RecordPicker {...props} lookup={lookup} queryKey="trips-picker" />;
}

/** Every funding programme as a filter option, by name (the cases list filters by programme). */
export function useProgrammeOptions() {
  const api = useApi();
  return useQuery({
    queryKey: ['programmes', 'list', 'options'],
    queryFn: async () => (await api.programmes.list({ limit: 1000, sort: 'name', direction: 'asc' })).rows.map((p) => ({ value: p.id, label: p.name })),
  });
}

/** Every group as a filter option, with how many organisations belong to it ("Research Alliance Climate (12)"). */
export function useGroupOptions() {
  const api = useApi();
  return useQuery({
    queryKey: ['groups', 'list', 'options'],
    queryFn: async () => (await api.groups.list({ limit: 1000 })).rows.map((g) => ({ value: g.id, label: `${g.name} (${g.members})` })),
  });
}
