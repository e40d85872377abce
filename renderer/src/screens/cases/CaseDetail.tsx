import { Alert, Badge, Button, Group, Loader, Modal, Text, Title } from '@mantine/core';
import { IconEdit, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { notify, notifyError } from '../../lib/notify';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { languageFromTag } from '../../../../shared/i18n';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { useUndo } from '../../app/undo';
import { StatusBadge } from '../../components/StatusBadge';
import { downloadBase64 } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';

export function CaseDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = languageFromTag(i18n.language);
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const [confirming, setConfirming] = useState(false);

  const query = useQuery({ queryKey: ['cases', 'get', id], queryFn: () => api.cases.get({ id }) });
  const c = query.data;

  const exportPdf = useMutation({
    mutationFn: () => api.cases.exportBriefing({ id, language: lang }),
    onSuccess: (result) => {
      if (result.delivery === 'download') {
        downloadBase64(result.fileName, result.mime, result.base64);
        notify({ message: t('cases.downloaded', { fileName: result.fileName }), color: 'teal' });
      } else if (result.delivery === 'saved') {
        notify({ message: t('cases.exported', { path: result.path }), color: 'teal' });
      }
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const remove = useMutation({
    mutationFn: () => api.cases.delete({ id, revision: c!.revision }),
    onSuccess: async ({ undoId }) => {
      setConfirming(false);
      navigate('/cases');
      queryClient.removeQueries({ queryKey: ['cases', 'get', id] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      undo.offer(t('cases.deleted', { title: c!.title }), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  useCommand(
    'case.exportBriefing',
    useCallback(() => {
      if (c && !exportPdf.isPending) exportPdf.mutate();
    }, [c, exportPdf]),
  );

  if (query.isPending) return <Loader aria-label={t('common.loading')} m="xl" />;
  if (query.isError || !c) {
    return (
      <Alert color="red" m="md" role="alert">
        {describeError(t, query.error)}
      </Alert>
    );
  }

  const overdue = c.dueOn !== null && c.dueOn < todayIso() && c.status !== 'closed';
  const facts: Array<[string, React.ReactNode]> = [
    [t('cases.fields.client'), c.client || '—'],
    [t('cases.fields.countries'), c.countries.map((k) => countryName(k, lang)).join(', ') || '—'],
    [
      t('cases.fields.topics'),
      c.topics.length ? (
        <Group gap={4}>
          {c.topics.map((topic) => (
            <Badge key={topic} variant="outline" radius="sm" size="sm" tt="none">
              {topic}
            </Badge>
          ))}
        </Group>
      ) : (
        '—'
      ),
    ],
    [t('cases.fields.priority'), t(`cases.priority.${c.priority}`)],
    [t('cases.fields.owner'), c.owner || '—'],
    [t('cases.fields.openedOn'), formatDate(c.openedOn, lang)],
    [t('cases.fields.dueOn'), <span className={overdue ? 'overdue' : undefined}>{formatDate(c.dueOn, lang)}</span>],
    [t('cases.fields.updatedAt'), formatDateTime(c.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="case-title">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="xs">
          <Text className="mono" size="sm" c="dimmed">
            {c.reference}
          </Text>
          <StatusBadge status={c.status} />
        </Group>
        <Group gap={6} wrap="nowrap" role="toolbar" aria-label={t('cases.actions')}>
          <Button size="xs" variant="default" leftSection={<IconEdit size={15} />} onClick={() => navigate(`/cases/${id}/edit`)}>
            {t('common.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypePdf size={15} />}
            loading={exportPdf.isPending}
            onClick={() => exportPdf.mutate()}
          >
            {t('cases.exportBriefing')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={15} />} onClick={() => setConfirming(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <Title order={2} size="h3" id="case-title">
        {c.title}
      </Title>

      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="summary-title">
        <Title order={3} size="h5" id="summary-title" mb={4}>
          {t('cases.fields.summary')}
        </Title>
        <Text className="prose" size="sm">
          {c.summary || '—'}
        </Text>
      </section>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('cases.deleteTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text size="sm" mb="lg">
          {t('cases.deleteBody', { title: c.title })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-autofocus>
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </article>
  );
}
