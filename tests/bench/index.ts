/**
 * Entry of `npm run bench`: libraries load their production builds (as in the built app, see
 * scripts/build.mjs), which needs NODE_ENV set before any of them is imported.
 */
process.env.NODE_ENV ??= 'production';
await import('./run');
export {};
