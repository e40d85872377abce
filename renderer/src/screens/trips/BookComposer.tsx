import { ActionIcon, Alert, Button, Checkbox, Group, Loader, Radio, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEyeOff, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { composerOrder, isPinnedSection, moveSection, printOrder } from '../../../../shared/features/trips/book-sections';
import { audiences, type Audience, type BookSection, type TripRecord } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { classificationText } from '../../components/ClassificationBadge';
import { describeError } from '../../lib/errors';
import { notifyError } from '../../lib/notify';
import { ExportProgress } from './ExportProgress';
import type { useBookExport } from './useBookExport';

interface Choice {
  sections: BookSection[];
  audience: Audience;
}

const SAVE_DELAY_MS = 400;


/**
 * Remembers the composer's choice in the trip. Saves are debounced and run one at a time, each
 * with the revision the previous one returned, so quick clicks never collide with themselves.
 */
function useRememberChoice(tripId: string) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const wanted = useRef<Choice | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (wanted.current) {
        const next = wanted.current;
        wanted.current = null;
        const current = queryClient.getQueryData<TripRecord>(['trips', 'get', tripId]) ?? (await api.trips.get({ id: tripId }));
        if (JSON.stringify(current.book) === JSON.stringify(next)) continue;
        const record = await api.trips.update({ id: tripId, revision: current.revision, changes: { book: next } });
        queryClient.setQueryData(['trips', 'get', tripId], record);
      }
    } catch (e) {
      // A conflict means the trip changed elsewhere; the choice still applies to this export.
      if (!(e instanceof AppError && e.code === 'CONFLICT')) notifyError(describeError(t, e));
      await queryClient.invalidateQueries({ queryKey: ['trips', 'get', tripId] });
    } finally {
      busy.current = false;
    }
  }, [api, queryClient, t, tripId]);

  const remember = useCallback(
    (choice: Choice) => {
      wanted.current = choice;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the tab must not drop a choice still waiting for its delay.
  useEffect(
    () => () => {
      if (timer.current && wanted.current) {
        clearTimeout(timer.current);
        void flush();
      }
    },
    [flush],
  );

  return remember;
}

/**
 * The briefing-book composer: which sections, for which audience, with the outline the backend
 * would print (and what it leaves out, and why), and the export with its progress.
 */
export function BookComposer({ trip, exporter }: { trip: TripRecord; exporter: ReturnType<typeof useBookExport> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [choice, setChoice] = useState<Choice>(() => ({ sections: printOrder(trip.book.sections), audience: trip.book.audience }));
  // Every section in its place, ticked or not, so unticking and ticking again keeps the place.
  const [order, setOrder] = useState<BookSection[]>(() => composerOrder(trip.book.sections));
  const [announcement, setAnnouncement] = useState('');
  const remember = useRememberChoice(trip.id);

  const update = (next: Choice) => {
    setChoice(next);
    remember(next);
  };
  const tick = (section: BookSection, on: boolean) => {
    const chosen = new Set(choice.sections);
    if (on) chosen.add(section);
    else chosen.delete(section);
    update({ ...choice, sections: order.filter((s) => chosen.has(s)) });
  };
  const move = (section: BookSection, delta: -1 | 1) => {
    const next = moveSection(order, section, delta);
    if (next.indexOf(section) === order.indexOf(section)) return;
    setOrder(next);
    update({ ...choice, sections: next.filter((s) => choice.sections.includes(s)) });
    setAnnouncement(t('trips.book.moved', { section: t(`book.sections.${section}`), position: next.indexOf(section) + 1 }));
    // The moved row's checkbox keeps the focus, so Alt+arrow can be pressed again.
    requestAnimationFrame(() => document.getElementById(`book-section-${section}`)?.focus());
  };

  const outline = useQuery({
    queryKey: ['trips', 'outline', trip.id, choice.audience, choice.sections],
    queryFn: () => api.book.outline({ tripId: trip.id, audience: choice.audience, sections: choice.sections }),
    enabled: choice.sections.length > 0,
    placeholderData: keepPreviousData,
  });

  const { state, start } = exporter;
  const none = choice.sections.length === 0;

  return (
    <>
      <div className="composer-bar">
        <div>
          <Button
            leftSection={<IconFileTypePdf size={16} />}
            disabled={none || state.running}
            onClick={() => void start({ tripId: trip.id, audience: choice.audience, sections: choice.sections })}
          >
            {t('trips.book.export')}
          </Button>
        </div>
        {state.running ? (
          <ExportProgress state={state} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('trips.book.remembered')}
          </Text>
        )}
      </div>
      <div className="composer">
        <Stack gap="md" className="composer-controls">
          <fieldset className="section-order" aria-describedby="book-sections-hint">
            <Text component="legend" size="sm" fw={500}>
              {t('trips.book.sectionsLabel')}
            </Text>
            <Text size="xs" c="dimmed" id="book-sections-hint">
              {t('trips.book.sectionsHint')}
            </Text>
            <ol className="section-order-list">
              {order.map((s, i) => {
                const label = t(`book.sections.${s}`);
                const fixed = isPinnedSection(s);
                return (
                  <li key={s}>
                    <Checkbox
                      id={`book-section-${s}`}
                      label={label}
                      checked={choice.sections.includes(s)}
                      onChange={(e) => tick(s, e.currentTarget.checked)}
                      onKeyDown={(e) => {
                        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                        e.preventDefault();
                        move(s, e.key === 'ArrowUp' ? -1 : 1);
                      }}
                    />
                    {fixed ? null : (
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          color="gray"
                          aria-label={t('trips.book.moveUp', { section: label })}
                          disabled={i === 0 || isPinnedSection(order[i - 1]!)}
                          onClick={() => move(s, -1)}
                        >
                          <IconArrowUp size={14} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          color="gray"
                          aria-label={t('trips.book.moveDown', { section: label })}
                          disabled={i === order.length - 1}
                          onClick={() => move(s, 1)}
                        >
                          <IconArrowDown size={14} />
                        </ActionIcon>
                      </Group>
                    )}
                  </li>
                );
              })}
            </ol>
            {none ? (
              <Text size="xs" c="red.8" role="alert">
                {t('validation.sectionRequired')}
              </Text>
            ) : null}
            <VisuallyHidden role="status">{announcement}</VisuallyHidden>
          </fieldset>

          <Radio.Group label={t('trips.book.audience')} value={choice.audience} onChange={(v) => update({ ...choice, audience: v as Audience })}>
            <Stack gap={6} mt={8}>
              {audiences.map((a) => (
                <Radio key={a} value={a} label={t(`book.audiences.${a}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {choice.audience === 'external' ? (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} py={8}>
              <Text size="xs">{t('trips.book.externalNote')}</Text>
            </Alert>
          ) : null}
        </Stack>

        <section className="composer-outline" aria-labelledby="outline-title" aria-busy={outline.isFetching || undefined}>
          <Group justify="space-between" align="baseline" mb="xs" gap="xs">
            <Title order={3} size="h5" id="outline-title">
              {t('trips.book.outline')}
            </Title>
            {outline.data ? (
              <Stack gap={0} align="flex-end">
                <Text size="xs" fw={600} c={classificationText(outline.data.classification)}>
                  {t('trips.book.printedAs', { label: t(`book.classification.${outline.data.classification}`) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('trips.book.printedIn', { language: t(`trips.languages.${outline.data.language}`) })}
                </Text>
              </Stack>
            ) : null}
          </Group>
          {none ? (
            <Text size="sm" c="dimmed">
              {t('validation.sectionRequired')}
            </Text>
          ) : outline.isPending ? (
            <Loader size="sm" aria-label={t('trips.book.loadingOutline')} />
          ) : outline.isError ? (
            <Alert color="red" role="alert">
              {describeError(t, outline.error)}
            </Alert>
          ) : (
            <>
              <ol className="outline-list">
                {outline.data.sections.map((s) => (
                  <li key={s.kind}>
                    <Text size="sm" fw={600}>
                      {s.title}
                    </Text>
                    {s.entries.length ? (
                      <ul className="outline-entries">
                        {s.entries.map((e, n) => (
                          <li key={`${n}-${e}`}>
                            <Text size="xs">{e}</Text>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
              {outline.data.omitted.length ? (
                <div className="outline-omitted">
                  <Text size="xs" fw={600} c="dimmed" mb={4} id="omitted-title">
                    {t('trips.book.omitted')}
                  </Text>
                  <ul aria-labelledby="omitted-title">
                    {outline.data.omitted.map((o) => (
                      <li key={o.kind}>
                        <IconEyeOff size={14} aria-hidden />
                        <Text span size="sm">
                          {t(`book.sections.${o.kind}`)}
                        </Text>
                        <Text span size="xs" c="dimmed">
                          — {o.reason === 'internalOnly' ? t('book.omittedInternal') : t('book.omittedEmpty')}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          )}
        </section>
      </div>
    </>
  );
}
