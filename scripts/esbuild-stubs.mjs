// Optional requires inside bundled libraries that Attaché never uses, resolved to an empty module so
// a bundle never requires at run time a package that is not installed (electron-builder ships only
// `dependencies`). node-fetch — PouchDB's HTTP client under Node — tries `require('encoding')` in a
// try/catch, for Response.textConverted() only, which PouchDB never calls.
export const optionalStubs = {
  name: 'attache-optional-stubs',
  setup(build) {
    build.onResolve({ filter: /^encoding$/ }, (args) => ({ path: args.path, namespace: 'attache-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'attache-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
