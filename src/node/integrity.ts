import { createHash } from 'node:crypto';

/**
 * Subresource Integrity value of `bytes`: sha384, the strength the SRI spec's examples use,
 * base64-encoded (w3.org/TR/SRI/#the-integrity-attribute).
 */
export const integrityOf = (bytes: Uint8Array): string =>
  'sha384-' + createHash('sha384').update(bytes).digest('base64');

/**
 * The shorter sha256 value (SRI requires browsers to support sha256, sha384 and sha512) for the
 * chunk hashes built into a script-tag file: every visitor downloads those, one per chunk.
 */
export const chunkIntegrityOf = (bytes: Uint8Array): string =>
  'sha256-' + createHash('sha256').update(bytes).digest('base64');
