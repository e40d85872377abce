import { Button, MultiSelect, TextInput, type ComboboxData, type MultiSelectProps } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../app/commands';
import { FilterStandIn, useFilterWaiting } from './deferredFilters';

/**
 * A list's text search. Ctrl+F (or the menu's Find) focuses it and selects what is there, so typing
 * replaces it; Escape empties it first, and only an empty field lets Escape reach the screen.
 */
export function SearchFilter({ value, onChange, placeholder }: { value: string; onChange: (text: string) => void; placeholder: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  useCommand(
    'search.focus',
    useCallback(() => {
      ref.current?.focus();
      ref.current?.select();
    }, []),
  );
  return (
    <TextInput
      ref={ref}
      aria-label={t('common.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={14} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.stopPropagation();
          onChange('');
        }
      }}
      type="search"
    />
  );
}

type FilterSelectProps<T extends string> = Pick<MultiSelectProps, 'searchable' | 'style'> & {
  /** Named and shown as the placeholder: the filter row has no room for labels above the fields. */
  label: string;
  data: ComboboxData;
  value: T[];
  onChange: (value: T[]) => void;
};

/** A filter by several values of one field (statuses, kinds, topics, …); in a list pane it mounts after the rows (deferredFilters.tsx). */
export function FilterSelect<T extends string>({ label, data, value, onChange, ...rest }: FilterSelectProps<T>) {
  const { t } = useTranslation();
  if (useFilterWaiting()) return <FilterStandIn placeholder={label} />;
  return (
    <MultiSelect
      aria-label={label}
      placeholder={label}
      data={data}
      value={value}
      // The options are the filter's own values, so what comes back is one of them.
      onChange={(v) => onChange(v as T[])}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/** Shown while any filter is set: clears them all at once. */
export function ResetFilters({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={15} />} onClick={onReset} justify="flex-start">
      {t('lists.resetFilters')}
    </Button>
  );
}
