import { Badge, Group, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import { AppError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { TripMentions } from '../../components/detail/TripMentions';
import { CooperationMentions } from '../cooperations/CooperationMentions';
import { Facts, LinkList, Tags, type Fact } from '../../components/detail/Facts';
import { RecordFallback } from '../../components/RecordFallback';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { formatDateTime } from '../../lib/format';
import { NoteStatusBadge } from './badges';
import { RevisionsPanel } from './RevisionsPanel';
import { RichTextView } from './RichTextView';
import { useLanguage } from '../../app/language';
import { TeamStamp } from '../../components/TeamStamp';

export function NoteDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const [tab, setTab] = useState<string | null>('text');

  const query = useQuery({ queryKey: ['notes', 'get', id], queryFn: () => api.notes.get({ id }) });
  const n = query.data;
  const caseIds = n?.caseIds ?? [];
  const contactIds = n?.contactIds ?? [];
  // Names for the linked records; a case deleted meanwhile simply drops out.
  const cases = useQuery({
    queryKey: ['notes', 'linkedCases', caseIds],
    queryFn: async () => {
      const found = await Promise.all(
        caseIds.map((caseId) => api.cases.get({ id: caseId }).catch((e: unknown) => (e instanceof AppError && e.code === 'NOT_FOUND' ? null : Promise.reject(e)))),
      );
      return found.filter((c) => c !== null).map((c) => ({ id: c.id, label: `${c.reference} · ${c.title}` }));
    },
    enabled: caseIds.length > 0,
  });
  const people = useQuery({
    queryKey: ['notes', 'linkedContacts', contactIds],
    queryFn: async () => {
      // The lookup answers at most 100 at a time; a note may name up to 500 people.
      const chunks: string[][] = [];
      for (let i = 0; i < contactIds.length; i += 100) chunks.push(contactIds.slice(i, i + 100));
      const found = (await Promise.all(chunks.map((ids) => api.contacts.lookup({ text: '', ids, limit: 100 })))).flat();
      const byId = new Map(found.map((c) => [c.id, c.name]));
      return contactIds.filter((cid) => byId.has(cid)).map((cid) => ({ id: cid, label: byId.get(cid)! }));
    },
    enabled: contactIds.length > 0,
  });
  const revisions = useQuery({ queryKey: ['notes', 'revisions', id], queryFn: () => api.notes.revisions({ id }) });

  if (!n || query.isError) return <RecordFallback query={query} />;

  const facts: Fact[] = [
    [t('notes.fields.countries'), n.countries.map((c) => countryName(c, lang)).join(', ') || '—'],
    [t('notes.fields.regions'), n.regions.map((r) => regionName(r, lang)).join(', ') || '—'],
    [t('notes.fields.topics'), <Tags values={n.topics} />],
    [t('notes.fields.owner'), n.owner || '—'],
    [t('notes.fields.classification'), t(`book.classification.${n.classification}`)],
    [t('notes.fields.cases'), caseIds.length ? (cases.data ? <LinkList items={cases.data} base="/cases" /> : '…') : '—'],
    [t('notes.fields.contacts'), contactIds.length ? (people.data ? <LinkList items={people.data} base="/contacts" /> : '…') : '—'],
    [t('notes.fields.updatedAt'), formatDateTime(n.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="note-title">
      <DetailHeader
        base="/notes"
        record={n}
        service={api.notes}
        label={t('notes.actions')}
        titleId="note-title"
        title={n.title}
        meta={
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t(`notes.kinds.${n.kind}`)}
            </Text>
            <NoteStatusBadge status={n.status} />
            {n.classification === 'confidential' ? <ClassificationBadge level={n.classification} /> : null}
          </Group>
        }
      />
      <TeamStamp collection="notes" id={n.id} />

      <Facts items={facts} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">{t('notes.tabs.text')}</Tabs.Tab>
          <Tabs.Tab
            value="versions"
            rightSection={
              revisions.data?.length ? (
                <Badge size="xs" variant="light" color="gray">
                  {revisions.data.length}
                </Badge>
              ) : null
            }
          >
            {t('notes.tabs.versions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <RichTextView
            doc={n.body}
            className="note-body"
            empty={
              <Text size="sm" c="dimmed">
                {t('notes.emptyBody')}
              </Text>
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <RevisionsPanel noteId={id} />
        </Tabs.Panel>
      </Tabs>
      <TripMentions kind="note" id={id} />
      <CooperationMentions linked={{ noteId: id }} />
    </article>
  );
}
