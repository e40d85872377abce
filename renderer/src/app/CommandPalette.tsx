import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { IconArrowRight, IconPlus, IconSearch, IconSettings, IconFileImport, IconGitMerge } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { foldText } from '../../../shared/domain/text';
import { useApi } from '../api/context';
import { useCommand } from './commands';
import { focusScreenHeading, requestHeadingFocus } from './focus';
import { useSections } from './sections';
import { useTeamStatus } from './teamSync';
import { Highlighted, hitPath, kindIcons } from '../screens/search/parts';
import type { SearchMatch } from '../../../shared/features/search/contract';

interface PaletteItem {
  id: string;
  label: string;
  description?: string;
  /** Words around the match in the record's longer text. */
  snippet?: string;
  match?: SearchMatch;
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
    queryFn: () => api.search.global({ text: debounced, perKind: 4 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });

  const sections = useSections();
  const team = useTeamStatus().data;
  const linked = team !== undefined && team.state !== 'off';
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
    // The team's conflicts, while the workspace is linked to a team database.
    ...(linked ? [{ id: 'conflicts', label: t('team.conflicts.command'), icon: <IconGitMerge size={18} />, to: '/conflicts' }] : []),
  ];
  const q = foldText(query.trim());
  const matchingCommands = commands.filter((c) => !q || foldText(c.label).includes(q));
  // The best few of each kind that has matches, under a heading with its count.
  const groups =
    q && hits.data
      ? hits.data.groups.map((g) => ({
          kind: g.kind,
          label: t('palette.groupLabel', { group: t(`palette.groups.${g.kind}`), count: g.count }),
          items: g.hits.map(
            (h): PaletteItem => ({
              id: `${h.kind}-${h.id}`,
              label: h.label,
              description: h.detail,
              snippet: h.snippet,
              match: hits.data.match,
              badge: t(`palette.kinds.${h.kind}`),
              icon: kindIcons[h.kind],
              to: hitPath(h),
            }),
          ),
        }))
      : [];
  const recordItems = groups.flatMap((g) => g.items);
  const total = q && hits.data ? hits.data.total : 0;
  const showAll: PaletteItem | null =
    total > 0 ? { id: 'show-all', label: t('palette.showAll', { count: total }), icon: <IconArrowRight size={18} />, to: `/search?q=${encodeURIComponent(query.trim())}` } : null;
  const go = (item: PaletteItem) => {
    went.current = true;
    // An agenda item is focused by its trip's screen; anything else lands on the screen's heading.
    if (!item.to.includes('?item=')) requestHeadingFocus(item.to.split('?')[0]!);
    navigate(item.to);
  };
  // A command whose name was typed comes first: "People" means the list, not a person named so.
  const items = [...matchingCommands, ...recordItems, ...(showAll ? [showAll] : [])];

  // Enter goes to the best match, so "type, Enter" is enough: the first of the answers, which is
  // also the entry the palette highlights as the text changes.
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
  // An entry chosen with the arrow keys is what Enter opens (Spotlight's own handling), even among
  // answers to an earlier text: the person saw and picked it. Typing again forgets that choice.
  const arrowed = useRef(false);
  const onQueryChange = (next: string) => {
    arrowed.current = false;
    setQuery(next);
  };
  // In the capture phase, before Spotlight's handler: that one clicks the highlighted entry, which
  // (not chosen by the arrows) is only the first of the answers on screen, perhaps to an earlier text.
  const onSearchKeyDownCapture = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') arrowed.current = true;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || arrowed.current) return;
    e.preventDefault();
    e.stopPropagation();
    if (fresh) goFirst();
    else enterPending.current = true;
  };

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={onQueryChange}
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
        onKeyDownCapture={onSearchKeyDownCapture}
      />
      <Spotlight.ActionsList id={LIST_ID} aria-label={t('palette.title')}>
        {items.length ? (
          <>
            {matchingCommands.length ? (
              <Spotlight.ActionsGroup label={t('palette.commands')} role="group" aria-label={t('palette.commands')}>{matchingCommands.map((item) => renderItem(item, go))}</Spotlight.ActionsGroup>
            ) : null}
            {groups.map((g) => (
              <Spotlight.ActionsGroup key={g.kind} label={g.label} role="group" aria-label={g.label}>
                {g.items.map((item) => renderItem(item, go))}
              </Spotlight.ActionsGroup>
            ))}
            {showAll ? renderItem(showAll, go) : null}
          </>
        ) : (
          <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>
        )}
        {q && hits.data && !hits.data.ready ? (
          <Text size="xs" c="dimmed" px="sm" py={4} role="status">
            {t('palette.preparing')}
          </Text>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

function renderItem(item: PaletteItem, go: (item: PaletteItem) => void) {
  return (
    <Spotlight.Action key={item.id} onClick={() => go(item)}>
      <Group wrap="nowrap" gap="sm" w="100%">
        {item.icon}
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" truncate>
            <Highlighted text={item.label} match={item.match} />
          </Text>
          {item.description ? (
            // Not dimmed: the highlighted entry's background leaves dimmed text below contrast.
            <Text size="xs" truncate>
              <Highlighted text={item.description} match={item.match} />
            </Text>
          ) : null}
          {item.snippet ? (
            <Text size="xs" lineClamp={2}>
              <Highlighted text={item.snippet} match={item.match} />
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
  );
}
