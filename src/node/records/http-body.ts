// Reads a request body of at most `limit` bytes, whatever the Content-Length claims, and parses
// it as JSON. Never throws: every failure is an answer the client can act on.

export type BodyResult = { json: unknown } | { status: 400 | 413 | 415; error: string };

/** Types a beacon may carry JSON in: none (a bare Blob), text/plain (CORS-safelisted) and JSON. */
const JSON_TYPES = /^(text\/plain|application\/json|application\/[\w.+-]+\+json)$/;

export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const type = request.headers.get('content-type');
  if (type) {
    const [essence = '', ...parameters] = type
      .toLowerCase()
      .split(';')
      .map((part) => part.trim());
    if (!JSON_TYPES.test(essence))
      return { status: 415, error: 'send the record as JSON (text/plain or application/json)' };
    const charset = parameters.find((parameter) => parameter.startsWith('charset='));
    if (charset && !/^charset="?utf-8"?$/.test(charset)) return { status: 415, error: 'the body must be UTF-8' };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return { status: 413, error: `the body is over ${limit} bytes` };
  if (!request.body) return { status: 400, error: 'empty body' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        return { status: 413, error: `the body is over ${limit} bytes` };
      }
      chunks.push(value);
    }
  } catch {
    return { status: 400, error: 'the body could not be read' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { status: 400, error: 'the body is not valid UTF-8' };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { status: 400, error: 'the body is not valid JSON' };
  }
}
