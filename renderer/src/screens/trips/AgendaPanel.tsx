import { ActionIcon, Alert, Anchor, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconClipboardCheck, IconEdit, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { AgendaWarning } from '../../../../shared/features/trips/agenda';
import type { AgendaItemView, TripRelated } from '../../../../shared/features/trips/contract';
import type { TripRecord } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { useUndo } from '../../app/undo';
import { DeleteDialog } from '../../components/DeleteDialog';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { RichTextView } from '../notes/RichTextView';
import { AgendaItemDialog } from './AgendaItemDialog';
import { CaseLinks, useCaseLabels } from './caseLabels';
import { DebriefDialog } from './DebriefDialog';
import { zoneLabel } from '../../../../shared/features/trips/zones';
import { dateRange, weekdayDate, zoneOffset } from './parts';
import { useLanguage } from '../../app/language';

type Dialog = { kind: 'item'; item: AgendaItemView | null } | { kind: 'debrief'; item: AgendaItemView } | { kind: 'delete'; item: AgendaItemView } | null;

/** Consecutive items of the same local day, in the backend's time order. */
function byDay(items: readonly AgendaItemView[]): Array<{ date: string; items: AgendaItemView[] }> {
  const days = new Map<string, AgendaItemView[]>();
  for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item]);
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, items: list }));
}

/** The programme day by day in local time, with overlap and date warnings spelled out, and each item's debrief. */
export function AgendaPanel({ trip, related }: { trip: TripRecord; related: TripRelated }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const [dialog, setDialog] = useState<Dialog>(null);
  const agenda = related.agenda;
  // Opened at an item (`?item=`, from search): it is scrolled to and focused once per navigation.
  const [params] = useSearchParams();
  const location = useLocation();
  const target = params.get('item');
  const focused = useRef<string | null>(null);
  const present = !!target && agenda.some((i) => i.id === target);
  useEffect(() => {
    if (!present || focused.current === location.key) return;
    const heading = document.getElementById(`agenda-title-${target}`);
    if (!heading) return;
    focused.current = location.key;
    heading.scrollIntoView({ block: 'center' });
    heading.focus({ preventScroll: true });
  }, [present, target, location.key]);
  const warnings = agenda.reduce((n, i) => n + i.warnings.length, 0);
  const caseLabels = useCaseLabels([...trip.caseIds, ...agenda.flatMap((i) => [...i.caseIds, ...(i.debrief?.followUps.map((f) => f.caseId).filter((c): c is string => !!c) ?? [])])]);

  const remove = useMutation({
    mutationFn: (item: { id: string; revision: number }) => api.agenda.delete(item),
    onSuccess: async ({ undoId }) => {
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      undo.offer(t('trips.agenda.deleted'), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  return (
    <section aria-labelledby="agenda-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="agenda-title">
          {t('trips.agenda.label')}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'item', item: null })}>
          {t('trips.agenda.add')}
        </Button>
      </Group>
      {warnings ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} mb="sm" py={8}>
          {t('trips.agenda.warningsSummary', { count: warnings })}
        </Alert>
      ) : null}
      {agenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trips.agenda.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {byDay(agenda).map((day) => (
            <section key={day.date} aria-labelledby={`day-${day.date}`} className="agenda-day">
              <Title order={4} size="h6" id={`day-${day.date}`} className="agenda-day-title">
                {weekdayDate(day.date, lang)}
              </Title>
              <ul className="agenda-list">
                {day.items.map((item) => (
                  <AgendaItemRow
                    key={item.id}
                    item={item}
                    all={agenda}
                    trip={trip}
                    caseLabels={caseLabels}
                    onEdit={() => setDialog({ kind: 'item', item })}
                    onDebrief={() => setDialog({ kind: 'debrief', item })}
                    // A debriefed item is referred to by timeline entries and tasks: say what happens first.
                    onDelete={() => (item.debrief ? setDialog({ kind: 'delete', item }) : remove.mutate(item))}
                  />
                ))}
              </ul>
            </section>
          ))}
        </Stack>
      )}
      {dialog?.kind === 'item' ? (
        <AgendaItemDialog key={dialog.item?.id ?? 'new'} trip={trip} item={dialog.item} lastDate={agenda[agenda.length - 1]?.date} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'debrief' ? <DebriefDialog key={dialog.item.id} trip={trip} item={dialog.item} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          opened
          recordKey={`agenda-${dialog.item.id}-${dialog.item.revision}`}
          impact={() => api.agenda.deleteImpact({ id: dialog.item.id })}
          remove={() => api.agenda.delete({ id: dialog.item.id, revision: dialog.item.revision })}
          onClose={() => setDialog(null)}
          onDeleted={() => undefined}
        />
      ) : null}
    </section>
  );
}

interface RowProps {
  item: AgendaItemView;
  all: readonly AgendaItemView[];
  trip: TripRecord;
  caseLabels: ReturnType<typeof useCaseLabels>;
  onEdit: () => void;
  onDebrief: () => void;
  onDelete: () => void;
}

function AgendaItemRow({ item, all, trip, caseLabels, onEdit, onDebrief, onDelete }: RowProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const detailsId = `agenda-details-${item.id}`;
  const time = (i: { start: string; end: string }) => t('trips.agenda.time', { start: i.start, end: i.end });
  const offset = zoneOffset(item.timeZone, item.date);
  const warningText = (w: AgendaWarning) => {
    if (w.kind === 'outsideTrip') return t('trips.agenda.outsideTrip', { range: dateRange(trip.startDate, trip.endDate, lang) });
    const other = all.find((x) => x.id === w.withId);
    const otherTime = other ? `${time(other)}${other.timeZone !== item.timeZone ? ` ${zoneLabel(other.timeZone, lang)}` : ''}` : '';
    return t('trips.agenda.overlap', { title: other?.title ?? '?', time: otherTime });
  };
  const where = [item.place, item.organisation?.name].filter(Boolean).join(' · ');
  const hasPoints = !item.talkingPoints.content.every((b) => b.type === 'paragraph' && !b.content?.length);

  return (
    <li className="agenda-item" data-kind={item.kind} data-warning={item.warnings.length ? true : undefined}>
      <div className="agenda-time">
        <Text size="sm" fw={600} className="num">
          {time(item)}
        </Text>
        <Text size="xs" c="dimmed" title={t('trips.agenda.zone', { zone: `${zoneLabel(item.timeZone, lang)}, ${item.timeZone}` })}>
          {item.timeZone.split('/').pop()?.replace(/_/g, ' ')}
          {offset ? ` (${offset})` : ''}
        </Text>
      </div>
      <div className="agenda-main">
        <Group gap={6} wrap="wrap">
          <Text fw={600} size="sm" id={`agenda-title-${item.id}`} component="h5" className="agenda-item-title" tabIndex={-1}>
            {item.title}
          </Text>
          <Badge size="xs" variant="light" color={item.kind === 'internal' ? 'grape' : item.kind === 'travel' ? 'gray' : 'blue'} radius="sm">
            {t(`book.kinds.${item.kind}`)}
          </Badge>
          {item.debrief ? (
            <Badge size="xs" variant="light" color="green" c="var(--trips-ok-text)" radius="sm" leftSection={<IconClipboardCheck size={11} aria-hidden />}>
              {t('trips.agenda.debriefRecorded', { date: formatDate(item.debrief.recordedOn, lang) })}
            </Badge>
          ) : null}
        </Group>
        {where ? (
          <Text size="xs" c="dimmed">
            {where}
          </Text>
        ) : null}
        {item.counterparts.length ? (
          <Text size="xs">
            {t('trips.agenda.with')}:{' '}
            {item.counterparts.map((c, n) => (
              <span key={c.id}>
                {n > 0 ? ', ' : ''}
                <Anchor component={Link} to={`/contacts/${c.id}`} size="xs">
                  {c.name}
                </Anchor>
              </span>
            ))}
          </Text>
        ) : null}
        {item.warnings.length ? (
          <ul className="agenda-warnings">
            {item.warnings.map((w) => (
              <li key={`${w.kind}-${w.kind === 'overlap' ? w.withId : ''}`}>
                <IconAlertTriangle size={15} aria-hidden className="agenda-warning-icon" />
                <Text span size="xs" fw={500}>
                  {warningText(w)}
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="agenda-actions">
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          aria-label={t('trips.agenda.showDetails', { title: item.title })}
          onClick={() => setOpen((o) => !o)}
        >
          {t('trips.agenda.detailsShort')}
        </Button>
        {item.kind !== 'travel' || item.debrief ? (
          <Button size="compact-xs" variant="light" leftSection={<IconClipboardCheck size={14} />} aria-label={t('trips.agenda.debriefOf', { title: item.title })} onClick={onDebrief}>
            {t('trips.agenda.debrief')}
          </Button>
        ) : null}
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('trips.agenda.edit', { title: item.title })}>
            <ActionIcon size="sm" variant="subtle" aria-label={t('trips.agenda.edit', { title: item.title })} onClick={onEdit}>
              <IconEdit size={15} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('trips.agenda.delete', { title: item.title })}>
            <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('trips.agenda.delete', { title: item.title })} onClick={onDelete}>
              <IconTrash size={15} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </div>
      {open ? (
        <div id={detailsId} className="agenda-details">
          {!item.objectives && !item.preparation && !hasPoints && !item.caseIds.length && !item.debrief ? (
            <Text size="sm" c="dimmed">
              {t('trips.agenda.noDetails')}
            </Text>
          ) : null}
          {item.objectives ? (
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('trips.agenda.fields.objectives')}
              </Text>
              <Text size="sm" className="prose">
                {item.objectives}
              </Text>
            </div>
          ) : null}
          {hasPoints ? (
            <div>
              <Text size="xs" fw={600} c="dimmed">
                {t('trips.agenda.fields.talkingPoints')}
              </Text>
              <RichTextView doc={item.talkingPoints} headingLevel={6} className="agenda-points" />
            </div>
          ) : null}
          {item.preparation ? (
            <div className="internal-box">
              <Text size="xs" fw={600} mb={2} className="internal-box-title">
                <IconLock size={13} aria-hidden /> {t('trips.agenda.fields.preparation')} — {t('trips.agenda.fields.preparationHint')}
              </Text>
              <Text size="sm" className="prose">
                {item.preparation}
              </Text>
            </div>
          ) : null}
          {item.caseIds.length ? (
            <Text size="sm">
              <Text span size="xs" fw={600} c="dimmed">
                {t('trips.agenda.fields.cases')}:{' '}
              </Text>
              <CaseLinks ids={item.caseIds} labels={caseLabels} />
            </Text>
          ) : null}
          {item.debrief ? (
            <div className="debrief-summary">
              <Text size="xs" fw={600} c="dimmed">
                {t('trips.debrief.agreedLabel')}
              </Text>
              <Text size="sm" className="prose">
                {item.debrief.agreed || '—'}
              </Text>
              {item.debrief.followUps.length ? (
                <ul className="followup-list">
                  {item.debrief.followUps.map((f, n) => (
                    <li key={n}>
                      <Text size="sm" span>
                        {f.title}
                      </Text>
                      <Text size="xs" c="dimmed" span>
                        {' '}
                        {[f.dueOn ? formatDate(f.dueOn, lang) : null, f.assignee || null].filter(Boolean).join(' · ')}
                      </Text>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
