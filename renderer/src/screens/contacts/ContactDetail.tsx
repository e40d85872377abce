import { Badge, Button, Group, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { IconEraser, IconGitMerge, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { displayName, type ContactRecord } from '../../../../shared/features/contacts/schema';
import { useApi } from '../../api/context';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { Facts, Tags, type Fact } from '../../components/detail/Facts';
import { DetailSection, EmptyLine, NoteLinks } from '../../components/detail/sections';
import { TripMentions } from '../../components/detail/TripMentions';
import { CooperationMentions } from '../cooperations/CooperationMentions';
import { RecordFallback } from '../../components/RecordFallback';
import { Timeline } from '../../components/Timeline';
import { formatDate, formatDateTime } from '../../lib/format';
import { AlertBadge, CaseLine, CopyValue, RoleList } from '../organisations/parts';
import { useLanguage } from '../../app/language';
import { PersonExports } from '../exports/PersonExports';
import { EraseDialog } from './EraseDialog';
import { MergeContactDialog } from './MergeContactDialog';
import { GdprSection } from './GdprSection';
import { useLanguageNames } from './languages';
import { PositionsPanel } from './PositionsPanel';
import { RemindersPanel } from './RemindersPanel';
import { TeamStamp } from '../../components/TeamStamp';

/** E-mail addresses and phone numbers, each with its kind and a copy button; private numbers are marked. */
function Reach({ contact }: { contact: ContactRecord }) {
  const { t } = useTranslation();
  const row = (key: string, value: string, kind: string, isPrivate: boolean) => (
    <Group key={key} gap={6} wrap="nowrap">
      <Text size="sm" className="ellipsis" title={value}>
        {value}
      </Text>
      {isPrivate ? (
        <Tooltip label={t('contacts.privateHint')}>
          <span>
            <AlertBadge icon={<IconLock size={10} aria-hidden />}>{t('contacts.private')}</AlertBadge>
          </span>
        </Tooltip>
      ) : (
        <Text span size="xs" c="dimmed">
          {kind}
        </Text>
      )}
      <CopyValue value={value} label={t('contacts.copy', { value })} copiedLabel={t('contacts.copied')} />
    </Group>
  );
  return (
    <Stack gap={0}>
      {contact.emails.map((e, i) => row(`e${i}`, e.address, t(`contacts.emailKinds.${e.kind}`), e.kind === 'private'))}
      {contact.phones.map((p, i) => row(`p${i}`, p.number, t(`contacts.phoneKinds.${p.kind}`), p.kind === 'private'))}
    </Stack>
  );
}

export function ContactDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const languageName = useLanguageNames();
  const [tab, setTab] = useState<string | null>('overview');
  const [erasing, setErasing] = useState(false);
  const [merging, setMerging] = useState(false);

  const query = useQuery({ queryKey: ['contacts', 'get', id], queryFn: () => api.contacts.get({ id }) });
  const related = useQuery({ queryKey: ['contacts', 'related', id], queryFn: () => api.contacts.related({ id }) });
  const c = query.data;

  if (!c || query.isError) return <RecordFallback query={query} />;

  const r = related.data;
  const primary = r?.positions.find((p) => p.current);
  const country = c.country ?? primary?.organisation?.country ?? null;
  const facts: Fact[] = [
    [t('contacts.fields.country'), country ? `${countryName(country, lang)} (${country})` : '—'],
    [
      t('contacts.fields.lastContact'),
      r?.lastContact ? (
        <>
          {formatDate(r.lastContact, lang)}{' '}
          <Text span size="xs" c="dimmed">
            · {t('contacts.fields.lastContactHint')}
          </Text>
        </>
      ) : (
        <Text span c="dimmed">
          {t('contacts.fields.lastContactNone')}
        </Text>
      ),
    ],
    [t('contacts.fields.languages'), c.languages.map(languageName).join(', ') || '—'],
    [t('contacts.fields.expertise'), <Tags values={c.expertise} />],
    [t('contacts.fields.owner'), c.owner || '—'],
    [
      t('contacts.fields.reach'),
      c.emails.length || c.phones.length ? (
        <Reach contact={c} />
      ) : (
        <Text span size="sm" c="dimmed">
          {t('contacts.noContactDetails')}
        </Text>
      ),
      { wide: true },
    ],
    [t('contacts.fields.updatedAt'), formatDateTime(c.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="contact-title">
      <DetailHeader
        base="/contacts"
        record={c}
        service={api.contacts}
        label={t('contacts.actions')}
        destructive={
          <Button size="xs" variant="light" color="red" leftSection={<IconEraser size={15} aria-hidden />} onClick={() => setErasing(true)} aria-haspopup="dialog">
            {t('contacts.erase.action')}
          </Button>
        }
        titleId="contact-title"
        title={
          <>
            {c.honorific ? (
              <Text span c="dimmed" fw={400} inherit>
                {c.honorific}{' '}
              </Text>
            ) : null}
            {displayName(c)}
          </>
        }
        meta={
          <Text size="sm" c="dimmed" truncate>
            {primary ? [primary.position.role, primary.organisation?.name].filter(Boolean).join(' · ') : ''}
          </Text>
        }
      >
        <Button size="xs" variant="default" leftSection={<IconGitMerge size={15} aria-hidden />} onClick={() => setMerging(true)} aria-haspopup="dialog">
          {t('merge.action')}
        </Button>
        <PersonExports contactId={c.id} />
      </DetailHeader>
      <TeamStamp collection="contacts" id={c.id} />
      {erasing ? <EraseDialog contact={c} onClose={() => setErasing(false)} /> : null}
      {merging ? <MergeContactDialog contact={c} onClose={() => setMerging(false)} /> : null}
      {c.nativeName || c.transliteration ? (
        <Text size="sm" c="dimmed" mt={2}>
          {c.nativeName ? (
            <Text span inherit dir="auto" c="var(--mantine-color-text)" fz="md">
              {c.nativeName}
            </Text>
          ) : null}
          {c.nativeName && c.transliteration ? ' · ' : ''}
          {c.transliteration}
        </Text>
      ) : null}

      <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('contacts.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('timeline.title')}</Tabs.Tab>
          <Tabs.Tab value="cases" rightSection={r?.cases.length ? <Badge size="xs" variant="light" color="gray">{r.cases.length}</Badge> : null}>
            {t('contacts.tabs.cases')}
          </Tabs.Tab>
          <Tabs.Tab value="notes" rightSection={r?.notes.length ? <Badge size="xs" variant="light" color="gray">{r.notes.length}</Badge> : null}>
            {t('contacts.tabs.notes')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="overview" pt={4}>
          <Facts items={facts} />
          <PositionsPanel contactId={id} positions={r?.positions ?? []} loading={related.isPending} />
          <RemindersPanel contactId={id} />
          <TripMentions kind="contact" id={id} />
          <CooperationMentions linked={{ contactId: id }} />
          <DetailSection id="contact-notes-title" title={t('contacts.fields.notes')} mt="lg">
            <Text className="prose" size="sm">
              {c.notes || '—'}
            </Text>
          </DetailSection>
          <GdprSection gdpr={c.gdpr} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <Timeline contactId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="cases" pt="md">
          {r?.cases.length ? (
            <RoleList label={t('contacts.tabs.cases')}>
              {r.cases.map((k) => (
                <li key={k.id}>
                  <CaseLine item={k} role={t(`contacts.cases.roles.${k.role}`)} />
                </li>
              ))}
            </RoleList>
          ) : (
            <EmptyLine>{t('contacts.cases.none')}</EmptyLine>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NoteLinks notes={r?.notes ?? []} none={t('contacts.notes.none')} dated />
        </Tabs.Panel>
      </Tabs>
    </article>
  );
}
