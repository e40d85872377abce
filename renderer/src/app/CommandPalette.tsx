import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { IconAffiliate, IconBriefcase, IconBuilding, IconCoin, IconNotes, IconPlus, IconSearch, IconSettings, IconUser, IconFileImport } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { foldText } from '../../../shared/domain/text';
import { useApi } from '../api/context';
import { useCommand } from './commands';
import { focusScreenHeading, requestHeadingFocus } from './focus';
import { useSections } from './sections';

interface PaletteItem {
  id: string;
  label: string;
  description?: string;
  icon: ReactNode;
  badge?: string;
  /** Where it leads. */
  to: string;
}

const [paletteStore, palette] = createSpotlight();
const LIST_ID = 'palette-actions';

/** The control that had focus when the palette opened: closing without going anywhere returns there. */
let opener: HTMLElement | null = null;

/** Opens the palette, remembering what had focus (before the palette's own focus trap moves it). */
export const openPalette = () => {
  const active = document.activeElement;
  opener = active instanceof HTMLElement && active !== document.body ? active : null;
  palette.open();
};

/**
 * Ctrl/Cmd+K: jump to any record, list or new record, by keyboard. Focus then lands on the new
 * screen's heading (or the new record's first field); closed without a choice, it returns to the
 * control that opened the palette.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 100);
  const went = useRef(false);
  useCommand('palette.open', openPalette);

  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => api.search.global({ text: debounced, limit: 6 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });

  const sections = useSections();
  // A new record of every kind, then the lists, then the settings.
  const newRecords: Array<[string, string]> = [
    ['/cases', t('cases.new')],
    ['/organisations', t('organisations.new')],
    ['/contacts', t('contacts.new')],
    ['/notes', t('notes.new')],
    ['/trips', t('trips.new')],
    ['/cooperations', t('cooperations.new')],
    ['/programmes', t('programmes.new')],
    ['/priorities', t('priorities.new')],
  ];
  const commands: PaletteItem[] = [
    ...newRecords.map(([path, label]) => ({ id: `new-${path}`, label, icon: <IconPlus size={18} />, to: `${path}/new` })),
    ...sections.map((s) => ({ id: s.path, label: s.label, icon: s.icon, to: s.path })),
    { id: 'settings', label: t('nav.settings'), icon: <IconSettings size={18} />, to: '/settings' },
    { id: 'import', label: t('imports.command'), icon: <IconFileImport size={18} />, to: '/import' },
  ];
  const q = foldText(query.trim());
  const matchingCommands = commands.filter((c) => !q || foldText(c.label).includes(q));
  const icons = {
    case: <IconBriefcase size={18} />,
    contact: <IconUser size={18} />,
    organisation: <IconBuilding size={18} />,
    note: <IconNotes size={18} />,
    cooperation: <IconAffiliate size={18} />,
    programme: <IconCoin size={18} />,
  };
  const routes = { case: '/cases', contact: '/contacts', organisation: '/organisations', note: '/notes', cooperation: '/cooperations', programme: '/programmes' };
  const recordItems: PaletteItem[] =
    q && hits.data
      ? hits.data.map((h) => ({
          id: `${h.kind}-${h.id}`,
          label: h.label,
          description: h.detail,
          badge: t(`palette.kinds.${h.kind}`),
          icon: icons[h.kind],
          to: `${routes[h.kind]}/${h.id}`,
        }))
      : [];
  const go = (item: PaletteItem) => {
    went.current = true;
    requestHeadingFocus(item.to);
    navigate(item.to);
  };
  // A command whose name was typed comes first: "People" means the list, not a person named so.
  const items = [...matchingCommands, ...recordItems];

  // Enter with nothing highlighted goes to the best match, so "type, Enter" is enough. The list is
  // asked, not the store's index: the palette highlights the first entry as the text changes, and
  // when the answers then replace that entry its index points at nothing.
  // Answers for an earlier text (still typing, or the search not yet back) are not the best match
  // for what was typed: Enter then waits for the answers to the text as it stands.
  const fresh = !q || (debounced === query && !hits.isPlaceholderData && !hits.isFetching);
  const enterPending = useRef(false);
  const goFirst = () => {
    if (!items[0]) return;
    go(items[0]);
    palette.close();
  };
  useEffect(() => {
    if (!enterPending.current || !fresh) return;
    enterPending.current = false;
    goFirst();
  });
  const onSearchKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const highlighted = document.getElementById(LIST_ID)?.querySelector('[data-selected]');
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || highlighted) return;
    e.preventDefault();
    if (fresh) goFirst();
    else enterPending.current = true;
  };

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      // Its key comes from shared/shortcuts through the shell, like every other; focus is returned below.
      shortcut={null}
      returnFocus={false}
      scrollable
      maxHeight={420}
      onSpotlightOpen={() => {
        went.current = false;
      }}
      onSpotlightClose={() => {
        setQuery('');
        enterPending.current = false;
        // Gone somewhere: the new screen's heading takes focus. Else back to where it was.
        if (went.current) return;
        if (opener?.isConnected) opener.focus({ preventScroll: true });
        else focusScreenHeading(location.pathname);
      }}
      attributes={{ content: { 'aria-label': t('palette.title') } }}
    >
      <Spotlight.Search
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.title')}
        leftSection={<IconSearch size={18} />}
        onKeyDown={onSearchKeyDown}
      />
      <Spotlight.ActionsList id={LIST_ID} aria-label={t('palette.title')}>
        {items.length ? (
          items.map((item) => (
            <Spotlight.Action key={item.id} onClick={() => go(item)}>
              <Group wrap="nowrap" gap="sm" w="100%">
                {item.icon}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {item.label}
                  </Text>
                  {item.description ? (
                    <Text size="xs" c="dimmed">
                      {item.description}
                    </Text>
                  ) : null}
                </div>
                {item.badge ? (
                  <Badge size="xs" variant="light">
                    {item.badge}
                  </Badge>
                ) : null}
              </Group>
            </Spotlight.Action>
          ))
        ) : (
          <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
