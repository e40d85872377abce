import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { foldText } from '../../../shared/domain/text';

/**
 * Finds options by folded text in their label or value: "lodz" finds "Łódź", "east africa" finds
 * "Nairobi (East Africa Time)", and "Africa/Acc" finds it by its IANA id. Stops at the limit.
 */
export const foldedFilter: OptionsFilter = ({ options, search, limit }) => {
  const query = foldText(search.trim());
  const found: ComboboxItem[] = [];
  for (const option of options as ComboboxItem[]) {
    if (found.length >= limit) break;
    if (!query || foldText(`${option.label} ${option.value}`).includes(query)) found.push(option);
  }
  return found;
};
