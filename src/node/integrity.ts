import { createHash } from 'node:crypto';

/**
 * Subresource Integrity value of `bytes`: sha384, the strength the SRI spec's examples use,
 * base64-encoded (w3.org/TR/SRI/#the-integrity-attribute).
 */
export const integrityOf = (bytes: Uint8Array): string =>
  'sha384-' + createHash('sha384').update(bytes).digest('base64');
