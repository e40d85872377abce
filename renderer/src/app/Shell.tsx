import { ActionIcon, Kbd, NavLink, Text, Tooltip } from '@mantine/core';
import { IconKeyboard, IconLock, IconSearch, IconSettings } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { isMenuCommand } from '../../../shared/contract/bridge';
import { useConnection } from '../api/context';
import { CasesScreen } from '../screens/cases/CasesScreen';
import { ContactsScreen } from '../screens/contacts/ContactsScreen';
import { CooperationsScreen } from '../screens/cooperations/CooperationsScreen';
import { CountriesScreen } from '../screens/countries/CountriesScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { MyWorkScreen } from '../screens/myWork/MyWorkScreen';
import { NotesScreen } from '../screens/notes/NotesScreen';
import { OrganisationsScreen } from '../screens/organisations/OrganisationsScreen';
import { ProgrammesScreen } from '../screens/programmes/ProgrammesScreen';
import { PrioritiesScreen } from '../screens/priorities/PrioritiesScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ImportScreen } from '../screens/imports/ImportScreen';
import { SearchScreen } from '../screens/search/SearchScreen';
import { GroupScreen } from '../screens/groups/GroupScreen';
import { TripsScreen } from '../screens/trips/TripsScreen';
import { CommandPalette, openPalette } from './CommandPalette';
import { emitCommand, useCommand } from './commands';
import { requestHeadingFocus, useFocusAfterNavigation } from './focus';
import { useAppLock } from './lock';
import { sectionOf, useSections } from './sections';
import { ShortcutHelp, usePaletteKeys, useShortcutKeys } from './shortcuts';

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
          <img src="./icon.svg" alt="" width={26} height={26} />
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
          aria-label={t('palette.open')}
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
          <Route path="*" element={<Navigate to="/dashboard" replace />} />
        </Routes>
      </main>
      <CommandPalette />
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} shell={shell} />
    </div>
  );
}
