import { Alert, Anchor, Badge, Button, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { regionName } from '../../../../shared/domain/regions';
import { languageFromTag } from '../../../../shared/i18n';
import { AppError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { DeleteDialog } from '../../components/DeleteDialog';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { NoteStatusBadge } from './badges';
import { RevisionsPanel } from './RevisionsPanel';
import { RichTextView } from './RichTextView';

const tags = (values: string[]) =>
  values.length ? (
    <Group gap={4}>
      {values.map((v) => (
        <Badge key={v} variant="outline" radius="sm" size="sm" tt="none">
          {v}
        </Badge>
      ))}
    </Group>
  ) : (
    '—'
  );

const links = (items: Array<{ id: string; label: string }>, base: string) =>
  items.length ? (
    <span>
      {items.map((i, n) => (
        <span key={i.id}>
          {n > 0 ? ', ' : ''}
          <Anchor component={Link} to={`${base}/${i.id}`} size="sm">
            {i.label}
          </Anchor>
        </span>
      ))}
    </span>
  ) : (
    '—'
  );

export function NoteDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = languageFromTag(i18n.language);
  const api = useApi();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
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

  if (query.isPending) return <Loader aria-label={t('common.loading')} m="xl" />;
  if (query.isError || !n) {
    return (
      <Alert color="red" m="md" role="alert">
        {describeError(t, query.error)}
      </Alert>
    );
  }

  const facts: Array<[string, ReactNode]> = [
    [t('notes.fields.countries'), n.countries.map((c) => countryName(c, lang)).join(', ') || '—'],
    [t('notes.fields.regions'), n.regions.map((r) => regionName(r, lang)).join(', ') || '—'],
    [t('notes.fields.topics'), tags(n.topics)],
    [t('notes.fields.cases'), caseIds.length ? (cases.data ? links(cases.data, '/cases') : '…') : '—'],
    [t('notes.fields.contacts'), contactIds.length ? (people.data ? links(people.data, '/contacts') : '…') : '—'],
    [t('notes.fields.updatedAt'), formatDateTime(n.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="note-title">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t(`notes.kinds.${n.kind}`)}
          </Text>
          <NoteStatusBadge status={n.status} />
        </Group>
        <Group gap={6} wrap="nowrap" role="toolbar" aria-label={t('notes.actions')}>
          <Button size="xs" variant="default" leftSection={<IconEdit size={15} />} onClick={() => navigate(`/notes/${id}/edit`)}>
            {t('common.edit')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={15} />} onClick={() => setConfirming(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <Title order={2} size="h3" id="note-title">
        {n.title}
      </Title>

      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

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

      <DeleteDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        recordKey={`note-${id}-${n.revision}`}
        impact={() => api.notes.deleteImpact({ id })}
        remove={() => api.notes.delete({ id, revision: n.revision })}
        onDeleted={() => navigate('/notes')}
      />
    </article>
  );
}
