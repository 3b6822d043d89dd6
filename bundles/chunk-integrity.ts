// The integrity of each file the script tag fetches from its own folder (src/script-tag/load-chunk.ts).
// Empty in the source; the build (rollup.config.mjs, `chunkIntegrity`) replaces this module with
// the hashes of the chunks it has just written, so dist/consentry.js checks every file it loads.
import type { ChunkIntegrity } from '../src/script-tag/load-chunk';

export const CHUNK_INTEGRITY: ChunkIntegrity = {};
