import { Alert, Anchor, Badge, Button, Group, List, Loader, Text, Title } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { useApi } from '../../api/context';
import { DeleteDialog } from '../../components/DeleteDialog';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { OrganisationPeople } from './OrganisationPeople';
import { CaseLine, CopyValue, Facts, RoleList, Tags, useLanguage, type Fact } from './parts';

export function OrganisationDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const query = useQuery({ queryKey: ['organisations', 'get', id], queryFn: () => api.organisations.get({ id }) });
  const related = useQuery({ queryKey: ['organisations', 'related', id], queryFn: () => api.organisations.related({ id }) });
  const o = query.data;

  if (query.isPending) return <Loader aria-label={t('common.loading')} m="xl" />;
  if (query.isError || !o) {
    return (
      <Alert color="red" m="md" role="alert">
        {describeError(t, query.error)}
      </Alert>
    );
  }

  const r = related.data;
  const place = [o.city, o.country ? countryName(o.country, lang) : ''].filter(Boolean).join(', ');
  const facts: Fact[] = [
    [t('organisations.fields.kind'), t(`organisations.kinds.${o.kind}`)],
    [t('organisations.fields.country'), o.country ? `${countryName(o.country, lang)} (${o.country})` : '—'],
    [t('organisations.fields.city'), o.city || '—'],
    [
      t('organisations.fields.website'),
      o.website ? (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" className="ellipsis" title={o.website}>
            {o.website}
          </Text>
          <CopyValue value={o.website} label={t('organisations.copyWebsite')} copiedLabel={t('organisations.copied')} />
        </Group>
      ) : (
        '—'
      ),
    ],
    [
      t('organisations.fields.parent'),
      r?.parent ? (
        <Anchor component={Link} to={`/organisations/${r.parent.id}`} size="sm">
          {r.parent.name}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    [t('organisations.fields.topics'), <Tags values={o.topics} />],
    [t('organisations.fields.updatedAt'), formatDateTime(o.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="organisation-title">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Badge variant="light" radius="sm" tt="none">
            {t(`organisations.kinds.${o.kind}`)}
          </Badge>
          {place ? (
            <Text size="sm" c="dimmed" truncate>
              {place}
            </Text>
          ) : null}
        </Group>
        <Group gap={6} wrap="nowrap" role="toolbar" aria-label={t('organisations.actions')}>
          <Button size="xs" variant="default" leftSection={<IconEdit size={15} />} onClick={() => navigate(`/organisations/${id}/edit`)}>
            {t('common.edit')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={15} />} onClick={() => setConfirming(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <Title order={2} size="h3" id="organisation-title">
        {o.name}
        {o.shortName ? (
          <Text span c="dimmed" fw={400} inherit>
            {' '}
            ({o.shortName})
          </Text>
        ) : null}
      </Title>

      <Facts items={facts} />

      <OrganisationPeople organisation={o} current={r?.current ?? []} former={r?.former ?? []} loading={related.isPending} />

      <section aria-labelledby="org-cases-title">
        <Title order={3} size="h5" id="org-cases-title" mt="lg" mb={4}>
          {t('organisations.sections.cases')}
        </Title>
        {r?.cases.length ? (
          <RoleList labelledBy="org-cases-title">
            {r.cases.map((c) => (
              <li key={c.id}>
                <CaseLine item={c} role={t(`organisations.cases.roles.${c.role}`)} />
              </li>
            ))}
          </RoleList>
        ) : (
          <Text size="sm" c="dimmed">
            {t('organisations.cases.none')}
          </Text>
        )}
      </section>

      <section aria-labelledby="org-children-title">
        <Title order={3} size="h5" id="org-children-title" mt="lg" mb={4}>
          {t('organisations.sections.children')}
        </Title>
        {r?.children.length ? (
          <List size="sm" spacing={2}>
            {r.children.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/organisations/${c.id}`} size="sm">
                  {c.name}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {t(`organisations.kinds.${c.kind}`)}
                  {c.city ? ` · ${c.city}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('organisations.children.none')}
          </Text>
        )}
      </section>

      <section aria-labelledby="org-notes-title">
        <Title order={3} size="h5" id="org-notes-title" mt="lg" mb={4}>
          {t('organisations.sections.notes')}
        </Title>
        <Text className="prose" size="sm">
          {o.notes || '—'}
        </Text>
      </section>

      <DeleteDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        recordKey={`organisation-${id}-${o.revision}`}
        impact={() => api.organisations.deleteImpact({ id })}
        remove={() => api.organisations.delete({ id, revision: o.revision })}
        onDeleted={() => navigate('/organisations')}
      />
    </article>
  );
}
