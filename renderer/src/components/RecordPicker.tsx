import { Combobox, Group, Pill, PillsInput, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerItem {
  id: string;
  label: string;
  detail?: string;
}

interface Props {
  label: string;
  placeholder?: string;
  description?: string;
  error?: ReactNode;
  /** Selected ids; a single picker holds at most one. */
  value: string[];
  onChange: (ids: string[]) => void;
  multiple?: boolean;
  /** Finds candidates by text, or resolves the given ids to labels. */
  lookup: (query: { text: string; ids?: string[] }) => Promise<PickerItem[]>;
  queryKey: string;
  withAsterisk?: boolean;
}

/**
 * Picks records (organisations, people, cases) by typing: the backend searches with folded text,
 * so "lodz" finds "Łódź". Arrow keys and Enter choose; Backspace removes the last pill.
 */
export function RecordPicker({ label, placeholder, description, error, value, onChange, multiple = false, lookup, queryKey, withAsterisk }: Props) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 120);

  const selected = useQuery({
    queryKey: [queryKey, 'lookup', 'ids', value],
    queryFn: () => lookup({ text: '', ids: value }),
    enabled: value.length > 0,
  });
  const candidates = useQuery({
    queryKey: [queryKey, 'lookup', 'text', debounced],
    queryFn: () => lookup({ text: debounced }),
    enabled: combobox.dropdownOpened,
  });
  const labels = new Map((selected.data ?? []).map((i) => [i.id, i]));
  const options = (candidates.data ?? []).filter((i) => !value.includes(i.id));

  const pick = (id: string) => {
    onChange(multiple ? [...value, id] : [id]);
    setSearch('');
    if (!multiple) combobox.closeDropdown();
  };
  const remove = (id: string) => onChange(value.filter((v) => v !== id));

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal>
      <Combobox.DropdownTarget>
        <PillsInput label={label} description={description} error={error} withAsterisk={withAsterisk} onClick={() => combobox.openDropdown()}>
          <Pill.Group>
            {value.map((id) => (
              <Pill key={id} withRemoveButton onRemove={() => remove(id)} removeButtonProps={{ 'aria-label': `${t('common.remove')} ${labels.get(id)?.label ?? ''}` }}>
                {labels.get(id)?.label ?? '…'}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                aria-label={label}
                placeholder={value.length && !multiple ? undefined : placeholder}
                value={search}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onChange={(e) => {
                  combobox.openDropdown();
                  combobox.updateSelectedOptionIndex();
                  setSearch(e.currentTarget.value);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search === '' && value.length) {
                    e.preventDefault();
                    remove(value[value.length - 1]!);
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {options.length ? (
            options.map((o) => (
              <Combobox.Option value={o.id} key={o.id}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{o.label}</Text>
                  {o.detail ? (
                    <Text size="xs" c="dimmed" truncate>
                      {o.detail}
                    </Text>
                  ) : null}
                </Group>
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>{candidates.isFetching ? t('common.loading') : t('palette.nothing')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
