import { Button, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranslationKey } from '../../../shared/i18n';
import { screenHeading } from '../app/focus';
import { DeferredFilters } from './list/deferredFilters';

interface Props {
  id: string;
  title: string;
  count: number;
  countKey?: TranslationKey;
  newLabel?: string;
  newTitle?: string;
  onNew?: () => void;
  filters: ReactNode;
  tools?: ReactNode;
  children: ReactNode;
}

/** The left pane of a list screen: title and count, filters (their menus mount after the first commit), views and columns, the table. */
export function ListPane({ id, title, count, countKey = 'lists.count', newLabel, newTitle, onNew, filters, tools, children }: Props) {
  const { t } = useTranslation();
  return (
    <section className="list-pane" aria-labelledby={id}>
      <div className="pane-header">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Title order={1} size="h3" id={id} {...screenHeading}>
              {title}
            </Title>
            <Text size="xs" c="dimmed" aria-live="polite">
              {t(countKey, { count })}
            </Text>
          </div>
          <Group gap={6} wrap="wrap" justify="flex-end">
            {tools}
            {onNew && newLabel ? (
              <Button leftSection={<IconPlus size={16} />} onClick={onNew} title={newTitle}>
                {newLabel}
              </Button>
            ) : null}
          </Group>
        </Group>
        <div className="filters">
          <DeferredFilters>{filters}</DeferredFilters>
        </div>
      </div>
      {children}
    </section>
  );
}
