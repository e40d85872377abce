/**
 * The store keeps each record list as a chunked Collection (shared/schemas/collection.ts); what it
 * holds is its records in order, as the file's JSON array does. Tests compare lists by that content,
 * so a Collection equals the plain array of the same records (and another Collection of them),
 * whatever its chunks look like.
 */
import { expect } from 'vitest';
import { Collection } from '../shared/schemas/collection';

expect.addEqualityTesters([
  function collectionByRecords(a: unknown, b: unknown, testers) {
    if (!(a instanceof Collection) && !(b instanceof Collection)) return undefined;
    const plain = (v: unknown) => (v instanceof Collection ? v.toArray() : v);
    return this.equals(plain(a), plain(b), testers);
  },
]);
