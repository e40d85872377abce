import { ActionIcon, Kbd, NavLink, Text, Tooltip } from '@mantine/core';
import { IconKeyboard, IconLock, IconSearch, IconSettings } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { isMenuCommand } from '../../../shared/contract/bridge';
import { useConnection } from '../api/context';
import { Loading } from '../components/Loading';
import { CommandPalette, openPalette } from './CommandPalette';
import { emitCommand, useCommand } from './commands';
import { useFirstScreen } from './firstScreen';
import { requestHeadingFocus, useFocusAfterNavigation } from './focus';
import { useAppLock } from './lock';
import { screenLoaders, type ScreenName } from './routes';
import { sectionOf, useSections } from './sections';
import { ShortcutHelp, usePaletteKeys, useShortcutKeys } from './shortcuts';
import { TeamSyncStatus } from './teamSync';
import { BrandMark } from '../components/BrandMark';

/** A screen as a lazy component: its chunk loads when first shown (routes.ts). */
function screen<N extends ScreenName>(name: N, pick: (m: Awaited<ReturnType<(typeof screenLoaders)[N]>>) => ComponentType) {
  return lazy(async () => ({ default: pick((await screenLoaders[name]()) as Awaited<ReturnType<(typeof screenLoaders)[N]>>) }));
}

const DashboardScreen = screen('dashboard', (m) => m.DashboardScreen);
const CasesScreen = screen('cases', (m) => m.CasesScreen);
const OrganisationsScreen = screen('organisations', (m) => m.OrganisationsScreen);
const ContactsScreen = screen('contacts', (m) => m.ContactsScreen);
const NotesScreen = screen('notes', (m) => m.NotesScreen);
const TripsScreen = screen('trips', (m) => m.TripsScreen);
const CooperationsScreen = screen('cooperations', (m) => m.CooperationsScreen);
const ProgrammesScreen = screen('programmes', (m) => m.ProgrammesScreen);
const PrioritiesScreen = screen('priorities', (m) => m.PrioritiesScreen);
const CountriesScreen = screen('countries', (m) => m.CountriesScreen);
const GroupScreen = screen('groups', (m) => m.GroupScreen);
const SettingsScreen = screen('settings', (m) => m.SettingsScreen);
const ImportScreen = screen('import', (m) => m.ImportScreen);
const MyWorkScreen = screen('my-work', (m) => m.MyWorkScreen);
const SearchScreen = screen('search', (m) => m.SearchScreen);
const ConflictsScreen = screen('conflicts', (m) => m.ConflictsScreen);

/**
 * Once the first screen is up (its heading is in the page) and the window idle, the other screens'
 * code is loaded one by one, so a later navigation does not wait for its chunk. Where the browser
 * has no idle callbacks (jsdom), nothing is preloaded.
 */
function usePreloadScreens() {
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const loaders = Object.values(screenLoaders);
    let handle = 0;
    let stopped = false;
    const next = () => {
      const load = loaders.shift();
      if (!load || stopped) return;
      void load()
        .catch(() => undefined)
        .then(() => {
          if (!stopped) handle = requestIdleCallback(next, { timeout: 1000 });
        });
    };
    const main = document.getElementById('main-content');
    const begin = () => (handle = requestIdleCallback(next, { timeout: 1000 }));
    const observer = new MutationObserver(() => {
      if (!main?.querySelector('[data-screen-heading]')) return;
      observer.disconnect();
      begin();
    });
    if (main?.querySelector('[data-screen-heading]')) begin();
    else if (main) observer.observe(main, { childList: true, subtree: true });
    return () => {
      stopped = true;
      observer.disconnect();
      cancelIdleCallback(handle);
    };
  }, []);
}

/** The workbench frame: navigation on the left, the screen beside it, shortcuts everywhere. */
export function Shell() {
  const { t } = useTranslation();
  const paletteKeys = usePaletteKeys();
  const { shell, bridge } = useConnection();
  const navigate = useNavigate();
  const location = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const { encrypted } = useAppLock();

  // Every key from shared/shortcuts; in Electron the menu's accelerators arrive as menu commands.
  useShortcutKeys(shell);
  // After a navigation, focus lost with the old screen goes to the new screen's heading.
  useFocusAfterNavigation();
  usePreloadScreens();
  // A settled list is handed over as the next page load's first screen (never for an encrypted workspace).
  useFirstScreen(!encrypted);

  useEffect(() => {
    if (!bridge) return;
    return bridge.onMenuCommand((command) => {
      if (isMenuCommand(command)) emitCommand(command);
    });
  }, [bridge]);

  useCommand('case.new', useCallback(() => !location.pathname.startsWith('/cases') && navigate('/cases/new'), [location.pathname, navigate]));
  // A jump by shortcut, like one through the palette: focus goes to the dashboard's heading.
  useCommand(
    'navigate.dashboard',
    useCallback(() => {
      requestHeadingFocus('/dashboard');
      void navigate('/dashboard');
    }, [navigate]),
  );
  useCommand('navigate.cases', useCallback(() => navigate('/cases'), [navigate]));
  useCommand('navigate.settings', useCallback(() => navigate('/settings'), [navigate]));
  useCommand('help.shortcuts', useCallback(() => setHelpOpen(true), []));

  const sections = useSections();
  const current = sectionOf(sections, location.pathname, location.search);

  // Screens with a list search focus it themselves; elsewhere (the dashboard, My work) Ctrl+F goes to the case list.
  const hasListSearch = sections.some((s) => s.path !== '/dashboard' && s.path !== '/my-work' && location.pathname.startsWith(s.path));
  useCommand('search.focus', useCallback(() => !hasListSearch && navigate('/cases'), [hasListSearch, navigate]));

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
        {t('shortcuts.skip')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <BrandMark size={26} />
          <div>
            <Text fw={700} size="sm">
              {t('app.name')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
        </div>
        <NavLink
          label={t('palette.title')}
          description={<Kbd size="xs">{paletteKeys}</Kbd>}
          leftSection={<IconSearch size={18} />}
          onClick={openPalette}
          component="button"
          // Its name is what it shows ("Go to", the keys): speech users say what they see (WCAG 2.5.3).
          title={t('palette.open')}
        />
        {sections.map((section) => (
          <NavLink
            key={section.path}
            label={section.label}
            leftSection={section.icon}
            active={current === section.path}
            onClick={() => navigate(section.path)}
            component="button"
            title={section.label}
            aria-current={current === section.path ? 'page' : undefined}
          />
        ))}
        <div className="sidebar-spacer" />
        <TeamSyncStatus />
        {encrypted ? (
          <NavLink label={t('lock.lockNow')} leftSection={<IconLock size={18} />} onClick={() => emitCommand('workspace.lock')} component="button" title={t('lock.lockNow')} />
        ) : null}
        <NavLink
          label={t('nav.settings')}
          leftSection={<IconSettings size={18} />}
          active={location.pathname.startsWith('/settings')}
          onClick={() => navigate('/settings')}
          component="button"
          title={t('nav.settings')}
        />
        <Tooltip label={t('shortcuts.title')}>
          <ActionIcon variant="subtle" color="gray" aria-label={t('shortcuts.title')} onClick={() => setHelpOpen(true)} m="xs">
            <IconKeyboard size={18} />
          </ActionIcon>
        </Tooltip>
      </nav>
      <main className="content" id="main-content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/dashboard" element={<DashboardScreen />} />
            <Route path="/my-work" element={<MyWorkScreen />} />
            <Route path="/cases/*" element={<CasesScreen />} />
            <Route path="/organisations/*" element={<OrganisationsScreen />} />
            <Route path="/contacts/*" element={<ContactsScreen />} />
            <Route path="/notes/*" element={<NotesScreen />} />
            <Route path="/trips/*" element={<TripsScreen />} />
            <Route path="/cooperations/*" element={<CooperationsScreen />} />
            <Route path="/programmes/*" element={<ProgrammesScreen />} />
            <Route path="/priorities/*" element={<PrioritiesScreen />} />
            <Route path="/countries/*" element={<CountriesScreen />} />
            <Route path="/groups/:id" element={<GroupScreen />} />
            <Route path="/settings" element={<SettingsScreen />} />
            <Route path="/import" element={<ImportScreen />} />
            <Route path="/search" element={<SearchScreen />} />
            <Route path="/conflicts/*" element={<ConflictsScreen />} />
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
          </Routes>
        </Suspense>
      </main>
      <CommandPalette />
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} shell={shell} />
    </div>
  );
}
