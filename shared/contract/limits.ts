// Why this file exists: zod parses recursively, so a hostile payload (a 1,000-level nested rich text, a
// megabyte key, a million-element array) can overflow the stack or eat memory before any schema limit
// is reached. This guard walks any decoded input iteratively and refuses it first, so every shell's
// dispatch answers such a payload with a VALIDATION envelope instead of a 500. It depends on nothing.

/** The bounds every operation input stays within, whatever its own schema allows. */
export interface InputLimits {
  /** Nested objects and arrays: the input object itself is depth 1. */
  readonly maxDepth: number;
  /** Every value counted once (objects, arrays, strings, numbers, …). */
  readonly maxNodes: number;
  /** One string's length in UTF-16 code units (a note's text nodes are far smaller; this is the global cap). */
  readonly maxStringLength: number;
  /** All strings together, keys included. */
  readonly maxTotalStringLength: number;
  readonly maxArrayLength: number;
  /** Keys of one object. */
  readonly maxKeys: number;
  readonly maxKeyLength: number;
}

/**
 * Depth 64 leaves room for a note body with a dozen nested list levels inside an update
 * (input → changes → body → doc → list → item → … → text → marks → link → attrs) and stays far
 * below where zod's recursive rich-text schema runs out of stack. The array, node and key bounds are
 * above what any schema accepts (a note has at most 20,000 blocks), so they never refuse valid input.
 */
export const inputLimits: InputLimits = {
  maxDepth: 64,
  maxNodes: 1_000_000,
  maxStringLength: 1_000_000,
  maxTotalStringLength: 32 * 1024 * 1024,
  maxArrayLength: 20_000,
  maxKeys: 200,
  maxKeyLength: 200,
};

export type LimitKind = 'depth' | 'nodes' | 'string' | 'totalString' | 'array' | 'keys' | 'key';

/** What was exceeded, where (the path of the offending value) and the bound. */
export interface LimitBreach {
  readonly kind: LimitKind;
  readonly path: ReadonlyArray<string | number>;
  readonly max: number;
}

/** The translatable message for each breach (core catalogue, shared/i18n/en.ts and de.ts). */
export const limitMessageKeys = {
  depth: 'errors.limits.depth',
  nodes: 'errors.limits.nodes',
  string: 'errors.limits.string',
  totalString: 'errors.limits.totalString',
  array: 'errors.limits.array',
  keys: 'errors.limits.keys',
  key: 'errors.limits.key',
} as const satisfies Record<LimitKind, string>;

interface Pending {
  readonly value: unknown;
  readonly depth: number;
  /** Where the value sits; the path is spelt out only for a breach, so the walk stays linear. */
  readonly parent: Pending | null;
  readonly key: string | number | null;
}

function pathOf(node: Pending): Array<string | number> {
  const path: Array<string | number> = [];
  for (let n: Pending | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
  return path;
}

/**
 * Walks `value` without recursion (an explicit stack) and returns the first bound it breaks, or null.
 * The walk stops at the node budget, so even a cyclic structure (possible over structured-clone IPC)
 * ends: a cycle is refused as too deep or too many nodes.
 */
export function checkInputLimits(value: unknown, limits: InputLimits = inputLimits): LimitBreach | null {
  const stack: Pending[] = [{ value, depth: 1, parent: null, key: null }];
  let nodes = 0;
  let chars = 0;
  const breach = (kind: LimitKind, at: Pending, max: number): LimitBreach => ({ kind, path: pathOf(at), max });
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (++nodes > limits.maxNodes) return breach('nodes', node, limits.maxNodes);
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength) return breach('string', node, limits.maxStringLength);
      chars += v.length;
      if (chars > limits.maxTotalStringLength) return breach('totalString', node, limits.maxTotalStringLength);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (node.depth > limits.maxDepth) return breach('depth', node, limits.maxDepth);
    const depth = node.depth + 1;
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayLength) return breach('array', node, limits.maxArrayLength);
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, parent: node, key: i });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.maxKeys) return breach('keys', node, limits.maxKeys);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key.length > limits.maxKeyLength) return breach('key', node, limits.maxKeyLength);
      chars += key.length;
      if (chars > limits.maxTotalStringLength) return breach('totalString', node, limits.maxTotalStringLength);
      stack.push({ value: (v as Record<string, unknown>)[key], depth, parent: node, key });
    }
  }
  return null;
}
