import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconFile } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { describeError } from '../../lib/errors';

/** First start: an empty workspace or the fictional sample. */
export function Welcome({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const init = useMutation({
    mutationFn: (sample: boolean) => api.workspace.initialize({ sample }),
    onSuccess: (next) => {
      queryClient.setQueryData(['workspace', 'status'], next);
      void queryClient.invalidateQueries();
    },
  });

  return (
    <main className="centered-page">
      <Stack gap="lg" maw={720} w="100%">
        <div>
          <Title order={1}>{t('welcome.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('welcome.intro')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder padding="lg">
            <Group gap="xs" mb="xs">
              <IconFile size={20} aria-hidden />
              <Text fw={600}>{t('welcome.empty')}</Text>
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              {t('welcome.emptyHint')}
            </Text>
            <Button onClick={() => init.mutate(false)} loading={init.isPending && init.variables === false} data-autofocus>
              {t('welcome.empty')}
            </Button>
          </Card>
          <Card withBorder padding="lg">
            <Group gap="xs" mb="xs">
              <IconBooks size={20} aria-hidden />
              <Text fw={600}>{t('welcome.sample')}</Text>
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              {t('welcome.sampleHint')}
            </Text>
            <Button variant="light" onClick={() => init.mutate(true)} loading={init.isPending && init.variables === true}>
              {t('welcome.sample')}
            </Button>
          </Card>
        </SimpleGrid>
        {init.isError ? (
          <Text c="red" role="alert">
            {describeError(t, init.error)}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('welcome.location', { path: status.dataDir })}
        </Text>
      </Stack>
    </main>
  );
}
