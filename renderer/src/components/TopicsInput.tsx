import { TagsInput, type TagsInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Free topic tags with suggestions from what the workspace already uses. */
export function TopicsInput(props: TagsInputProps) {
  const { t } = useTranslation();
  return (
    <TagsInput
      clearable
      acceptValueOnBlur
      splitChars={[',', ';']}
      maxDropdownHeight={220}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}
