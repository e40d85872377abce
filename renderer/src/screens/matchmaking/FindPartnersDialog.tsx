/**
 * "Find partners" (issue 13 part 6): from an organisation (our institute → partners; a partner →
 * "Which of our institutes fit?"), a case or a cooperation, the ranked organisations and people with
 * their scores and every reason as a sentence; each reason's sources are links that open the record.
 * The weights are number inputs (with a reset) and the ranking follows them; the result prints as a
 * PDF (`matchmaking.exportPdf`) and, from a case, saves as its shortlist once that operation exists.
 * Keyboard-only: every control is a native input, link or button in reading order.
 */
import { Anchor, Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import type { FindSubjectInput, MatchFindResult, MatchSourceInfo } from '../../../../shared/features/matchmaking/contract';
import { reasonText } from '../../../../shared/features/matchmaking/match';
import { defaultWeights, MAX_WEIGHT, reasonKinds, type MatchCandidate, type MatchDirection, type MatchWeights } from '../../../../shared/features/matchmaking/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { describeError } from '../../lib/errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useExportJob } from '../exports/useExportJob';
import { saveShortlist } from './saveShortlist';

const paths: Record<NonNullable<MatchSourceInfo['open']>['collection'], string> = {
  organisations: '/organisations',
  contacts: '/contacts',
  cases: '/cases',
  trips: '/trips',
  cooperations: '/cooperations',
};
export const openPath = (open: NonNullable<MatchSourceInfo['open']>) => `${paths[open.collection]}/${open.id}`;

type Show = 'all' | 'organisations' | 'people';

export interface FindPartnersProps {
  subject: FindSubjectInput;
  direction?: MatchDirection;
  /** A case's revision, for saving the shortlist to it. */
  caseRevision?: number;
  onClose: () => void;
}

export function FindPartnersDialog({ subject, direction: initialDirection = 'partners', caseRevision, onClose }: FindPartnersProps) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const [direction, setDirection] = useState<MatchDirection>(initialDirection);
  const [weights, setWeights] = useState<MatchWeights>({ ...defaultWeights });
  const [show, setShow] = useState<Show>('all');
  const exportJob = useExportJob();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['matchmaking', 'find', subject, direction, weights],
    queryFn: () => api.matchmaking.find({ subject, direction, weights }),
    placeholderData: keepPreviousData,
  });
  const result = query.data;
  const title = t(direction === 'institutes' ? 'matchmaking.screen.titleInstitutes' : 'matchmaking.screen.title');
  const changed = reasonKinds.some((k) => weights[k] !== defaultWeights[k]);

  const save = async () => {
    if (!result || subject.kind !== 'case' || caseRevision === undefined) return;
    try {
      await saveShortlist(api, subject.id, caseRevision, result);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      notifySuccess(t('matchmaking.screen.saved'));
    } catch (e) {
      notifyError(describeError(t, e));
    }
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={title} closeButtonProps={{ 'aria-label': t('matchmaking.screen.close') }}>
      <Stack gap="md">
        {result ? (
          <Text size="sm" c="dimmed" data-testid="match-subject">
            {t('matchmaking.screen.subject', { name: result.subject.name })}
          </Text>
        ) : null}
        <Group gap="lg" align="end">
          {subject.kind === 'organisation' ? (
            <Stack gap={2}>
              <Text size="sm" fw={500} id="match-direction-label">
                {t('matchmaking.screen.direction')}
              </Text>
              <SegmentedControl
                aria-labelledby="match-direction-label"
                value={direction}
                onChange={(v) => setDirection(v as MatchDirection)}
                data={[
                  { value: 'partners', label: t('matchmaking.screen.directionPartners') },
                  { value: 'institutes', label: t('matchmaking.screen.directionInstitutes') },
                ]}
              />
            </Stack>
          ) : null}
          <Stack gap={2}>
            <Text size="sm" fw={500} id="match-show-label">
              {t('matchmaking.screen.show')}
            </Text>
            <SegmentedControl
              aria-labelledby="match-show-label"
              value={show}
              onChange={(v) => setShow(v as Show)}
              data={[
                { value: 'all', label: t('matchmaking.screen.showAll') },
                { value: 'organisations', label: t('matchmaking.screen.organisations') },
                { value: 'people', label: t('matchmaking.screen.people') },
              ]}
            />
          </Stack>
        </Group>

        <fieldset className="match-weights" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text size="sm" fw={600} component="span">
              {t('matchmaking.screen.weights')}
            </Text>{' '}
            <Text size="xs" c="dimmed" component="span">
              {t('matchmaking.screen.weightsHint')}
            </Text>
          </legend>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={4}>
            {reasonKinds.map((k) => (
              <NumberInput
                key={k}
                size="xs"
                label={t(`matchmaking.kinds.${k}`)}
                min={0}
                max={MAX_WEIGHT}
                clampBehavior="strict"
                allowDecimal={false}
                value={weights[k]}
                onChange={(v) => setWeights((w) => ({ ...w, [k]: typeof v === 'number' ? v : 0 }))}
              />
            ))}
          </SimpleGrid>
          <Button size="xs" variant="subtle" mt="xs" disabled={!changed} onClick={() => setWeights({ ...defaultWeights })}>
            {t('matchmaking.screen.resetWeights')}
          </Button>
        </fieldset>

        <div aria-live="polite" aria-busy={query.isFetching}>
          {query.isError ? <Text c="red">{describeError(t, query.error)}</Text> : null}
          {!result ? <Text size="sm">{t('matchmaking.screen.loading')}</Text> : null}
          {result && show !== 'people' ? <CandidateList id="match-orgs" title={t('matchmaking.screen.organisations')} list={result.organisations} total={result.totals.organisations} result={result} onOpen={onClose} /> : null}
          {result && show !== 'organisations' ? <CandidateList id="match-people" title={t('matchmaking.screen.people')} list={result.people} total={result.totals.people} result={result} onOpen={onClose} /> : null}
        </div>

        <Group justify="flex-end" gap="xs">
          {subject.kind === 'case' && caseRevision !== undefined ? (
            <Button variant="default" disabled={!result} onClick={() => void save()}>
              {t('matchmaking.screen.saveToCase')}
            </Button>
          ) : null}
          <Button
            variant="default"
            loading={exportJob.state.running}
            disabled={!result}
            onClick={() => void exportJob.run(() => api.matchmaking.exportPdf({ subject, direction, weights, language: lang }))}
          >
            {t('matchmaking.screen.printPdf')}
          </Button>
          <Button onClick={onClose}>{t('matchmaking.screen.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CandidateList({ id, title, list, total, result, onOpen }: { id: string; title: string; list: MatchCandidate[]; total: number; result: MatchFindResult; onOpen: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sources = new Map(result.sources.map((s) => [`${s.collection}:${s.id}`, s]));
  const candidatePath = (c: MatchCandidate) => (c.kind === 'organisation' ? `/organisations/${c.id}` : `/contacts/${c.id}`);
  return (
    <section aria-labelledby={`${id}-title`}>
      <Title order={3} size="h5" id={`${id}-title`} mt="sm">
        {title}{' '}
        <Text span size="sm" c="dimmed" fw={400}>
          ({t('matchmaking.screen.shown', { shown: list.length, total })})
        </Text>
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matchmaking.screen.none')}
        </Text>
      ) : (
        <ol className="match-list" aria-labelledby={`${id}-title`}>
          {list.map((c) => (
            <li key={c.id} className="match-candidate">
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to={candidatePath(c)} onClick={onOpen} fw={600} size="sm">
                  {c.name}
                </Anchor>
                {c.country ? (
                  <Text span size="xs" c="dimmed">
                    {countryName(c.country, lang)}
                  </Text>
                ) : null}
                <Text span size="xs" fw={600}>
                  {t('matchmaking.screen.score', { score: c.score })}
                </Text>
              </Group>
              <ul className="match-reasons">
                {c.reasons.map((r) => (
                  <li key={r.kind}>
                    <Text span size="sm">
                      {reasonText(r, lang)}
                    </Text>
                    {r.sources.length ? (
                      <Text span size="xs" c="dimmed">
                        {' — '}
                        {t('matchmaking.screen.sources')}:{' '}
                        {r.sources.map((s, i) => {
                          const info = sources.get(`${s.collection}:${s.id}`);
                          const kind = t(`matchmaking.screen.source.${s.collection}`);
                          const label = info?.label ? `${kind}: ${info.label}` : kind;
                          return (
                            <span key={`${s.collection}:${s.id}`}>
                              {i > 0 ? ', ' : ''}
                              {info?.open ? (
                                <Anchor component={Link} to={openPath(info.open)} onClick={onOpen} size="xs">
                                  {label}
                                </Anchor>
                              ) : (
                                label
                              )}
                            </span>
                          );
                        })}
                      </Text>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
