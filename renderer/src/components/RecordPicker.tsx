import { Combobox, Group, Pill, PillsInput, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText, matchesAllTerms } from '../../../shared/domain/text';

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
  /** Put on the input: Mantine's focus trap (modals, drawers) focuses the element marked with it first. */
  'data-autofocus'?: boolean;
}

/**
 * Picks records (organisations, people, cases) by typing: the backend searches with folded text,
 * so "lodz" finds "Łódź". Arrow keys and Enter choose; Backspace removes the last pill. Enter
 * without a highlighted option does nothing (it never submits the surrounding form).
 */
export function RecordPicker({
  label,
  placeholder,
  description,
  error,
  value,
  onChange,
  multiple = false,
  lookup,
  queryKey,
  withAsterisk,
  'data-autofocus': dataAutofocus,
}: Props) {
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
    // The previous search's results stay listed while the next one loads, so the list never flashes empty.
    placeholderData: keepPreviousData,
  });
  const labels = new Map((selected.data ?? []).map((i) => [i.id, i]));
  // Until the backend answers the text as typed, the previous results are narrowed to what still
  // matches, so an option never jumps under the pointer when the fresh list arrives.
  const stale = search !== debounced || candidates.isPlaceholderData;
  const options = (candidates.data ?? []).filter(
    (i) => !value.includes(i.id) && (!stale || matchesAllTerms(foldText(`${i.label} ${i.detail ?? ''}`), search)),
  );
  // A single picker with a choice shows one pill beside a narrow input, on one line.
  const singleChosen = !multiple && value.length > 0;

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
          <Pill.Group style={singleChosen ? { flexWrap: 'nowrap' } : undefined}>
            {value.map((id) => {
              const text = labels.get(id)?.label;
              return (
                <Pill
                  key={id}
                  withRemoveButton
                  onRemove={() => remove(id)}
                  removeButtonProps={{ 'aria-label': `${t('common.remove')} ${text ?? ''}` }}
                  title={text}
                  // Shrinks (its label ends in an ellipsis) rather than pushing the input to a new line.
                  style={singleChosen ? { flex: '0 1 auto', minWidth: 0 } : undefined}
                >
                  {text ?? '…'}
                </Pill>
              );
            })}
            <Combobox.EventsTarget>
              <PillsInput.Field
                aria-label={label}
                data-autofocus={dataAutofocus || undefined}
                placeholder={singleChosen ? undefined : placeholder}
                value={search}
                style={singleChosen ? { flex: '1 1 0', minWidth: '3em' } : undefined}
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
                  // Enter on a highlighted option is Mantine's: it selects the option. Enter with none
                  // highlighted must not submit the form the picker sits in.
                  if (e.key === 'Enter' && !e.nativeEvent.isComposing && !(combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1)) {
                    e.preventDefault();
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options aria-label={label} aria-busy={stale || undefined} mah={260} style={{ overflowY: 'auto' }}>
          {options.length ? (
            options.map((o) => (
              <Combobox.Option value={o.id} key={o.id}>
                {/* The label wraps; only the detail is cut short with an ellipsis. The detail sits beside the
                    label when at least 8em are left, else on the line below. */}
                <Group gap={6} wrap="wrap" align="baseline" miw={0} style={{ rowGap: 0 }}>
                  <Text size="sm" miw={0} style={{ flex: '0 1 auto', overflowWrap: 'anywhere' }}>
                    {o.label}
                  </Text>
                  {o.detail ? (
                    <Text size="xs" c="dimmed" truncate miw={0} style={{ flex: '1 1 8em' }}>
                      {o.detail}
                    </Text>
                  ) : null}
                </Group>
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>{stale || candidates.isFetching ? t('common.loading') : t('palette.nothing')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
