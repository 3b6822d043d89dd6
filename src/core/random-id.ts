/**
 * A random id for the consent record. Uses `crypto.getRandomValues`, which works on plain
 * http: too (unlike `crypto.randomUUID`), with Math.random as a last resort.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.random() * 256;
  }
  return bytes.reduce((id, byte) => id + (byte % 36).toString(36), '');
}
