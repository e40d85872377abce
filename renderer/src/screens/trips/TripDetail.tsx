import { Badge, Button, Group, Loader, Tabs, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCalendarDown, IconFileTypePdf } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { RecordFallback } from '../../components/RecordFallback';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { AgendaPanel } from './AgendaPanel';
import { BookComposer } from './BookComposer';
import { ExportProgress } from './ExportProgress';
import { dateRange, destinationsLabel, PhaseBadge } from './parts';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { useLanguage } from '../../app/language';
import { phaseOf } from '../../../../shared/features/trips/rules';
import { TripOverview } from './TripOverview';
import { useBookExport } from './useBookExport';
import { TeamStamp } from '../../components/TeamStamp';

export function TripDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  // `?item=` (a search hit: an agenda item or its debrief) opens the agenda, where the item takes focus.
  const [params] = useSearchParams();
  const item = params.get('item');
  const [tab, setTab] = useState<string | null>(item ? 'agenda' : 'overview');
  useEffect(() => {
    if (item) setTab('agenda');
  }, [item]);
  // Held here, not in the composer, so an export keeps its progress bar across tab switches.
  const bookExport = useBookExport();

  const query = useQuery({ queryKey: ['trips', 'get', id], queryFn: () => api.trips.get({ id }) });
  const related = useQuery({ queryKey: ['trips', 'related', id], queryFn: () => api.trips.related({ id }) });
  const trip = query.data;

  const calendar = useMutation({
    mutationFn: () => api.trips.exportCalendar({ id }),
    onSuccess: (result) =>
      deliver(result, {
        downloaded: (fileName) => t('trips.calendar.downloaded', { fileName }),
        saved: (path) => t('trips.calendar.saved', { path }),
      }),
    onError: (e) => notifyError(describeError(t, e)),
  });

  // Ctrl/Cmd+Shift+E (the menu's Export briefing) exports the book as the header's button does, as it exports a case's briefing.
  const { start, state: exportState } = bookExport;
  useCommand(
    'briefing.export',
    useCallback(() => {
      if (trip && trip.book.sections.length && !exportState.running) void start({ tripId: trip.id, audience: trip.book.audience, sections: trip.book.sections });
    }, [trip, exportState.running, start]),
  );

  if (!trip || query.isError) return <RecordFallback query={query} />;

  const agenda = related.data?.agenda ?? [];
  const quickHint = t('trips.book.quickExportHint', { count: trip.book.sections.length, audience: t(`book.audiences.${trip.book.audience}`) });
  const warnings = agenda.reduce((n, item) => n + item.warnings.length, 0);

  return (
    <article className="detail trip-detail" aria-labelledby="trip-title">
      <DetailHeader base="/trips" record={trip} service={api.trips} label={t('trips.actions')} titleId="trip-title" title={trip.title}>
        <Button size="xs" variant="default" leftSection={<IconCalendarDown size={15} />} loading={calendar.isPending} onClick={() => calendar.mutate()}>
          {t('trips.calendar.export')}
        </Button>
        {/* The remembered composer choice, one click away: the sample trip's book is three clicks from the start. */}
        <Tooltip label={quickHint} events={{ hover: true, focus: true, touch: false }} multiline w={280} withinPortal>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypePdf size={15} />}
            loading={bookExport.state.running}
            disabled={trip.book.sections.length === 0}
            aria-describedby="trip-quick-export-hint"
            onClick={() => void bookExport.start({ tripId: trip.id, audience: trip.book.audience, sections: trip.book.sections })}
          >
            {t('trips.book.quickExport')}
          </Button>
        </Tooltip>
        <VisuallyHidden id="trip-quick-export-hint">{quickHint}</VisuallyHidden>
      </DetailHeader>
      <Group gap="xs" mt={4}>
        <Text size="sm" c="dimmed">
          {dateRange(trip.startDate, trip.endDate, lang)} · {destinationsLabel(trip.destinations, lang)}
        </Text>
        <PhaseBadge phase={phaseOf(trip, todayIso())} />
        <ClassificationBadge level={trip.classification} />
      </Group>
      <TeamStamp collection="trips" id={trip.id} />
      {/* On the book tab the composer shows the progress itself. */}
      {bookExport.state.running && tab !== 'book' ? <ExportProgress state={bookExport.state} /> : null}

      <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('trips.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab
            value="agenda"
            rightSection={
              warnings ? (
                <>
                  <Badge size="xs" color="orange" variant="filled" aria-hidden>
                    {warnings}
                  </Badge>
                  <VisuallyHidden>{t('trips.agenda.warningsBadge', { count: warnings })}</VisuallyHidden>
                </>
              ) : agenda.length ? (
                <Badge size="xs" variant="light" color="gray">
                  {agenda.length}
                </Badge>
              ) : null
            }
          >
            {t('trips.tabs.agenda')}
          </Tabs.Tab>
          <Tabs.Tab value="book">{t('trips.tabs.book')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="overview" pt="md">
          <TripOverview trip={trip} related={related.data} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda" pt="md">
          {related.data ? <AgendaPanel trip={trip} related={related.data} /> : <Loader size="sm" aria-label={t('common.loading')} />}
        </Tabs.Panel>
        <Tabs.Panel value="book" pt="md">
          <BookComposer trip={trip} exporter={bookExport} />
        </Tabs.Panel>
      </Tabs>
    </article>
  );
}
