import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { regionOptions } from '../../../shared/features/countries/regions';
import { useLanguage } from '../app/language';
import { FilterStandIn, useFilterWaiting } from './list/deferredFilters';

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & { value: string[]; onChange: (codes: string[]) => void };

/** UN M49 regions, continents first with their sub-regions indented under them. As a list's filter it mounts after the rows (list/deferredFilters.tsx). */
export function RegionPicker(props: Props) {
  return useFilterWaiting() ? <FilterStandIn placeholder={props.placeholder} /> : <RegionMultiSelect {...props} />;
}

function RegionMultiSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const data = useMemo(() => regionOptions(lang).map((r) => ({ value: r.code, label: `${'  '.repeat(r.depth - 1)}${r.name}` })), [lang]);
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      data={data}
      value={value}
      onChange={onChange}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      styles={{ option: { whiteSpace: 'pre' } }}
      {...rest}
    />
  );
}
