import { ActionIcon, Anchor, Badge, CopyButton, Group, Select, Text, Tooltip, type SelectProps } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { Link } from 'react-router';
import type { CaseStatus } from '../../../../shared/features/cases/schema';
import { useCountryData } from '../../components/CountryPicker';
import { foldedFilter } from '../../lib/foldedFilter';
import { StatusBadge } from '../../components/StatusBadge';

/* Pieces the organisation and person screens share; kept here rather than in components/ because
   only these two screens use them. */

/** A small copy button: the app opens no external links, so addresses are copied instead. */
export function CopyValue({ value, label, copiedLabel }: { value: string; label: string; copiedLabel: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? copiedLabel : label} withArrow>
          <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={label} onClick={copy}>
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

type CountrySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (code: string | null) => void };

/** One country by name in the UI language; folded text ("cote d'ivoire") or the code finds it. */
export function CountrySelect({ value, onChange, ...rest }: CountrySelectProps) {
  const { t } = useTranslation();
  const data = useCountryData();
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      maxDropdownHeight={260}
      limit={50}
      data={data}
      value={value}
      onChange={onChange}
      filter={foldedFilter}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/** A list of roles (people at an organisation, or a person's positions), labelled by its heading. */
export function RoleList({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: ReactNode }) {
  return (
    <ul aria-labelledby={labelledBy} aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {children}
    </ul>
  );
}

/** One role: the title on top, who or where and since when below, actions at the right. */
export function RoleItem({ role, muted, detail, actions }: { role: string; muted?: boolean; detail: ReactNode; actions?: ReactNode }) {
  return (
    <li style={{ padding: '6px 0', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} c={muted ? 'dimmed' : undefined}>
            {role}
          </Text>
          <Text size="sm" component="div">
            {detail}
          </Text>
        </div>
        {actions ? (
          <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        ) : null}
      </Group>
    </li>
  );
}

/** Marks a role whose start date is still ahead: listed with the current ones, but not yet held. */
export function UpcomingBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color="gray" ml={6} tt="none">
      {t('organisations.people.upcoming')}
    </Badge>
  );
}

/** A linked case on one line: the title gives way (ellipsis) before the reference, status and role do. */
export function CaseLine({ item, role }: { item: { id: string; reference: string; title: string; status: CaseStatus }; role: string }) {
  return (
    <Group gap={8} wrap="nowrap" py={2}>
      <Text span className="mono" size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        {item.reference}
      </Text>
      <Anchor component={Link} to={`/cases/${item.id}`} size="sm" className="ellipsis" title={item.title} style={{ minWidth: 0 }}>
        {item.title}
      </Anchor>
      <span style={{ flexShrink: 0, display: 'inline-flex' }}>
        <StatusBadge status={item.status} />
      </span>
      <Text span size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        {role}
      </Text>
    </Group>
  );
}

/**
 * A small warning badge in the theme's red text colour, which keeps AA contrast in light and dark
 * (Mantine's light and outline reds are too pale for text this small).
 */
export function AlertBadge({ children, icon, ml }: { children: ReactNode; icon?: ReactNode; ml?: number }) {
  return (
    <Badge
      size="xs"
      variant="outline"
      color="red"
      tt="none"
      ml={ml}
      style={{ color: 'var(--mantine-color-red-text)', borderColor: 'var(--mantine-color-red-text)' }}
      leftSection={icon}
    >
      {children}
    </Badge>
  );
}

/**
 * Enter in a record picker's search chooses the highlighted option. With none highlighted (the
 * candidates are still loading) the browser would submit the form instead, and save a person
 * without the organisation being picked; so Enter stays inside the picker.
 */
export function PickerField({ children }: { children: ReactNode }) {
  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
      }}
    >
      {children}
    </div>
  );
}

/**
 * A callback ref that marks the first input inside as the dialog's initial focus. Mantine's focus
 * trap looks for `data-autofocus` just after the dialog mounts, and the record pickers do not pass
 * the attribute through to their input.
 */
export const focusFirstInput = (node: HTMLElement | null) => {
  node?.querySelector('input')?.setAttribute('data-autofocus', 'true');
};

/**
 * `formatDate` for list cells: one formatter per language instead of one per cell, since a
 * scrolling list formats a hundred dates a frame. Same output as lib/format's formatDate.
 */
export function useDayFormat(): (iso: string | null | undefined) => string {
  const lang = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    return (iso) => (iso ? format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—');
  }, [lang]);
}

/** The smaller, dimmed addition to a list cell (short name, name in original script), without a component per cell. */
export const cellNoteStyle = { color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-xs)' } as const;
