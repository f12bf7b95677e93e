import { connect } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Writes `request` bytes to a fresh connection and reads one HTTP answer: the status line and the
 * JSON body (undefined when there is none or it is not JSON). `keepWriting` streams more bytes until
 * the answer arrives, as a client sending an endless chunked body does.
 */
export function rawExchange(port: number, request: string, keepWriting?: () => string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (answer?: RawAnswer, error?: Error) => {
      if (settled) return;
      settled = true;
      clearInterval(writer);
      socket.destroy();
      if (answer) resolve(answer);
      else reject(error ?? new Error(`no HTTP answer: ${received.toString('latin1').slice(0, 200)}`));
    };
    const writer = setInterval(() => {
      if (keepWriting && socket.writable) socket.write(keepWriting());
    }, 5);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseAnswer(received);
      if (answer) finish(answer);
    });
    socket.on('error', () => finish(parseAnswer(received, true)));
    socket.on('close', () => finish(parseAnswer(received, true)));
    socket.write(request);
  });
}

function parseAnswer(bytes: Buffer, complete = false): RawAnswer | undefined {
  const text = bytes.toString('utf8');
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = text.slice(0, headEnd);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  const body = text.slice(headEnd + 4);
  if (length !== undefined && Buffer.byteLength(body) < Number(length) && !complete) return undefined;
  if (length === undefined && !complete) return undefined;
  try {
    return { status, body: JSON.parse(body) };
  } catch {
    return { status, body: undefined };
  }
}
