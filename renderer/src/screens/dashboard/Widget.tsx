/**
 * The frame every dashboard widget shares: a titled region (a landmark a screen reader can jump to)
 * with an optional description and an optional "Show as table" switch, so every chart and the map
 * can be read as a real table. Every widget of DashboardScreen uses this frame.
 */
import { Group, Paper, Switch, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersistentState } from '../../lib/usePersistentState';

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export interface WidgetProps {
  /** Stable name: the section's id and the key its table switch is remembered by. */
  name: string;
  title: string;
  description?: ReactNode;
  /** Beside the title (a summary, a control). */
  aside?: ReactNode;
  wide?: boolean;
  /** With a table view: the content gets whether the table is shown. */
  children: ReactNode | ((asTable: boolean) => ReactNode);
}

export function Widget({ name, title, description, aside, wide, children }: WidgetProps) {
  const { t } = useTranslation();
  const id = useId();
  const tableable = typeof children === 'function';
  const [asTable, setAsTable] = usePersistentState<boolean>(`dashboard.${name}.table`, false, isBoolean);
  return (
    <Paper component="section" withBorder p="md" radius="md" className={wide ? 'dash-widget dash-wide' : 'dash-widget'} aria-labelledby={`${id}-title`} data-widget={name}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <div>
          <Title order={2} size="h5" id={`${id}-title`}>
            {title}
          </Title>
          {description ? (
            <Text size="xs" c="dimmed" id={`${id}-desc`}>
              {description}
            </Text>
          ) : null}
        </div>
        <Group gap="sm" wrap="wrap">
          {aside}
          {tableable ? <Switch size="sm" label={t('dashboard.showTable')} checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} /> : null}
        </Group>
      </Group>
      {typeof children === 'function' ? children(asTable) : children}
    </Paper>
  );
}

/**
 * A widget's list: its items (at most what the backend sends), "and N more" when there are more in
 * all, or the empty text. `children` renders one item as an `<li>`.
 */
export function WidgetList<T>({ items, total, empty, children }: { items: readonly T[]; total: number; empty: string; children: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <ul className="dash-list">{items.map(children)}</ul>
      {total > items.length ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('dashboard.myWork.more', { count: total - items.length })}
        </Text>
      ) : null}
    </>
  );
}
