import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../../shared/features/countries/names';
import { foldedFilter } from '../lib/foldedFilter';
import { useLanguage } from '../app/language';
import { FilterStandIn, useFilterWaiting } from './list/deferredFilters';

/** Every country as an option, "Ghana (GH)", named in the UI language. */
export function useCountryData() {
  const lang = useLanguage();
  return useMemo(() => countryOptions(lang).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })), [lang]);
}

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (codes: string[]) => void;
};

/** ISO 3166 countries by name in the UI language; typing "lodz"-style folded text or the code finds them. As a list's filter it mounts after the rows (list/deferredFilters.tsx). */
export function CountryPicker(props: Props) {
  return useFilterWaiting() ? <FilterStandIn placeholder={props.placeholder} /> : <CountryMultiSelect {...props} />;
}

function CountryMultiSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const data = useCountryData();
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      maxDropdownHeight={260}
      limit={50}
      data={data}
      value={value}
      onChange={onChange}
      filter={foldedFilter}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...rest}
    />
  );
}
