// Types of esbuild-stubs.mjs for the tests that bundle as the build does.
import type { Plugin } from 'esbuild';
export declare const optionalStubs: Plugin;
