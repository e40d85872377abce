/**
 * The layering of ARCHITECTURE.md as rules: a wrong import fails `npm run lint` (and so CI).
 * renderer → shared; electron/* → shared; electron/main|web|shell → electron/backend/index.ts only; nothing → renderer;
 * no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-shared',
      comment: 'The renderer knows only the contract in ./shared, never Node, Electron or the backend.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^shared/', '^node_modules/'], dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'] },
    },
    {
      name: 'renderer-no-node-or-electron',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron-module',
      severity: 'error',
      from: { path: '^(renderer|shared)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared is pure TypeScript: no Node, no DOM libraries, no React, no lowdb/pdfkit, no other layer.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        path: ['^renderer/', '^electron/', '^node_modules/(react|react-dom|lowdb|pdfkit|electron)/'],
      },
    },
    {
      name: 'shared-no-node-core',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'backend-never-imports-electron-or-shells',
      comment: 'The application core runs in plain Node: no electron module, no main/web/preload, no renderer.',
      severity: 'error',
      from: { path: '^electron/backend/' },
      to: { path: ['^node_modules/electron/', '^electron/(main|web|preload|shell)/', '^renderer/'] },
    },
    {
      name: 'preload-only-shared-and-electron',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { path: ['^electron/(backend|main|web|shell)/', '^renderer/'] },
    },
    {
      name: 'nothing-imports-renderer',
      severity: 'error',
      from: { pathNot: ['^renderer/', '^tests/'] },
      to: { path: '^renderer/' },
    },
    {
      name: 'web-and-main-are-separate-shells',
      severity: 'error',
      from: { path: '^electron/web/' },
      to: { path: '^electron/main/' },
    },
    {
      name: 'main-not-web',
      severity: 'error',
      from: { path: '^electron/main/' },
      to: { path: '^electron/web/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and hides which module owns what; split out what both sides need.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shells-enter-backend-through-index',
      comment: 'The shells (main, web, shell) use the backend only through electron/backend/index.ts, so its internals can move freely.',
      severity: 'error',
      from: { path: '^electron/(main|web|shell)/' },
      to: { path: '^electron/backend/', pathNot: '^electron/backend/index\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Type-only imports of @types packages (geojson, topojson-specification) have no module to resolve.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(geojson|topojson-specification)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
