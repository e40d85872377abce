/**
 * The screens by the first segment of their path, each loaded as its own chunk: the window opening
 * on one screen loads that screen's code only (the dashboard's charts, the rich-text editor and the
 * maps come with the screens that show them). Plain loaders, no React: the boot (boot.ts) starts
 * the opening screen's chunk at once, and the shell (Shell.tsx) makes each a lazy component. A new
 * screen is one line here and one <Route> there.
 */
import { contactsFirstCalls } from '../screens/contacts/firstCalls';

export const screenLoaders = {
  dashboard: () => import('../screens/dashboard/DashboardScreen'),
  cases: () => import('../screens/cases/CasesScreen'),
  organisations: () => import('../screens/organisations/OrganisationsScreen'),
  contacts: () => import('../screens/contacts/ContactsScreen'),
  notes: () => import('../screens/notes/NotesScreen'),
  trips: () => import('../screens/trips/TripsScreen'),
  cooperations: () => import('../screens/cooperations/CooperationsScreen'),
  programmes: () => import('../screens/programmes/ProgrammesScreen'),
  priorities: () => import('../screens/priorities/PrioritiesScreen'),
  countries: () => import('../screens/countries/CountriesScreen'),
  groups: () => import('../screens/groups/GroupScreen'),
  settings: () => import('../screens/settings/SettingsScreen'),
  import: () => import('../screens/imports/ImportScreen'),
  'my-work': () => import('../screens/myWork/MyWorkScreen'),
  search: () => import('../screens/search/SearchScreen'),
  conflicts: () => import('../screens/conflicts/ConflictsScreen'),
} satisfies Record<string, () => Promise<unknown>>;

export type ScreenName = keyof typeof screenLoaders;

/** The calls a screen makes first when opened from its bare address, sent by the boot ahead of its code. */
const firstCalls: Partial<Record<ScreenName, () => ReadonlyArray<{ name: string; input: object }>>> = {
  contacts: contactsFirstCalls,
};

/** The screen an in-app path ("/contacts/123") opens: what the shell's routes would show; the dashboard for anything else. */
export function screenOf(pathname: string): ScreenName {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  return Object.hasOwn(screenLoaders, first) ? (first as ScreenName) : 'dashboard';
}

/** The first calls of the screen at `path` ("/contacts"), or none when the address carries filters ("?group="). */
export function firstCallsOf(pathname: string, search: string): ReadonlyArray<{ name: string; input: object }> {
  if (search && search !== '?') return [];
  return firstCalls[screenOf(pathname)]?.() ?? [];
}
