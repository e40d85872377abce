import { Alert, Badge, Button, CloseButton, Group, Loader, Text, Title, UnstyledButton } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { NoteStatusBadge } from './badges';
import { RichTextView } from './RichTextView';
import './notes.css';
import { useLanguage } from '../../app/language';

/**
 * A note's saved versions, newest first. Selecting one shows it read-only; restoring it saves its
 * title, status and text as the newest version (the backend keeps all the others).
 */
export function RevisionsPanel({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const previewRef = useRef<HTMLElement>(null);
  // Opening a version takes focus to it, so the keyboard does not walk all other versions to get there.
  const focusPending = useRef(false);

  const note = useQuery({ queryKey: ['notes', 'get', noteId], queryFn: () => api.notes.get({ id: noteId }) });
  const list = useQuery({ queryKey: ['notes', 'revisions', noteId], queryFn: () => api.notes.revisions({ id: noteId }) });
  const version = useQuery({ queryKey: ['notes', 'revision', selected], queryFn: () => api.notes.revision({ id: selected! }), enabled: selected !== null });

  const restore = useMutation({
    mutationFn: (revisionId: string) => api.notes.restoreRevision({ id: noteId, revision: note.data!.revision, revisionId }),
    onSuccess: async (record) => {
      const date = version.data ? formatDateTime(version.data.savedAt, lang) : '';
      queryClient.setQueryData(['notes', 'get', record.id], record);
      setSelected(null);
      await queryClient.invalidateQueries({ queryKey: ['notes'] });
      notifySuccess(t('notes.versions.restored', { date }));
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const shownId = version.data?.id;
  useEffect(() => {
    if (focusPending.current && shownId && shownId === selected) {
      focusPending.current = false;
      previewRef.current?.focus();
    }
  }, [shownId, selected]);

  if (list.isPending) return <Loader aria-label={t('common.loading')} size="sm" />;
  if (list.isError) {
    return (
      <Alert color="red" role="alert">
        {describeError(t, list.error)}
      </Alert>
    );
  }
  const versions = list.data;
  const newest = versions[0]?.id;
  const shown = version.data && version.data.id === selected ? version.data : null;

  return (
    <section aria-labelledby="versions-title">
      <Title order={3} size="h5" id="versions-title" mb={4}>
        {t('notes.versions.label')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm" maw="72ch">
        {t('notes.versions.intro')}
      </Text>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notes.versions.empty')}
        </Text>
      ) : (
        // Each button is named by what it shows (date, current, status, excerpt: WCAG 2.5.3); the list by the heading.
        <ul className="versions" aria-labelledby="versions-title">
          {versions.map((v) => {
            const date = formatDateTime(v.savedAt, lang);
            return (
              <li key={v.id}>
                <UnstyledButton
                  className="version-button"
                  aria-pressed={v.id === selected}
                  onClick={() => {
                    focusPending.current = v.id !== selected;
                    setSelected(v.id === selected ? null : v.id);
                  }}
                >
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <Text size="sm" fw={600}>
                      {date}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      {v.id === newest ? (
                        <Badge size="xs" variant="outline" color="blue" radius="sm">
                          {t('notes.versions.current')}
                        </Badge>
                      ) : null}
                      <NoteStatusBadge status={v.status} />
                    </Group>
                  </Group>
                  <Text size="xs" c="dimmed" className="version-excerpt">
                    {v.title}
                    {v.excerpt ? ` — ${v.excerpt}` : ''}
                  </Text>
                </UnstyledButton>
              </li>
            );
          })}
        </ul>
      )}

      {selected ? (
        <section ref={previewRef} tabIndex={-1} className="version-preview" aria-labelledby="version-title" aria-busy={version.isPending || undefined}>
          {version.isError ? (
            <Alert color="red" role="alert" m="sm">
              {describeError(t, version.error)}
            </Alert>
          ) : !shown ? (
            <Loader aria-label={t('common.loading')} size="sm" m="md" />
          ) : (
            <>
              <div className="version-preview-head">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div>
                    <Title order={3} size="h5" id="version-title">
                      {t('notes.versions.heading', { date: formatDateTime(shown.savedAt, lang) })}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {t('notes.versions.readOnly')}
                      {shown.id === newest ? ` · ${t('notes.versions.isCurrent')}` : ''}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
                    {shown.id === newest ? null : (
                      <Button
                        size="xs"
                        leftSection={<IconRestore size={15} />}
                        loading={restore.isPending}
                        disabled={!note.data}
                        onClick={() => restore.mutate(shown.id)}
                      >
                        {t('notes.versions.restore')}
                      </Button>
                    )}
                    <CloseButton aria-label={t('notes.versions.close')} onClick={() => setSelected(null)} />
                  </Group>
                </Group>
              </div>
              <div className="version-preview-body">
                <Text fw={650} size="xl" mb="sm">
                  {shown.title}
                </Text>
                {/* The version's title is shown as text, so the text's first heading is a level below the panel's. */}
                <RichTextView doc={shown.body} headingLevel={4} />
              </div>
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}
