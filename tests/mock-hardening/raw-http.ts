import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Writes `request` bytes to a fresh connection and reads one HTTP answer: the status line and the
 * JSON body (undefined when there is none or it is not JSON). `keepWriting` streams more bytes until
 * the answer arrives, as a client sending an endless chunked body does.
 */
export function rawExchange(
  port: number,
  request: string | Buffer,
  keepWriting?: () => string,
): Promise<RawAnswer> {
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

/**
 * Writes every request in one write to one connection (HTTP/1.1 pipelining) and reads as many
 * answers, in the order they arrive.
 */
export async function pipelinedExchange(port: number, requests: readonly string[]): Promise<RawAnswer[]> {
  const socket = await connected(port);
  const answers = framedAnswers(socket, requests.length);
  socket.write(requests.join(''));
  return answers;
}

/**
 * Opens one connection per request and, once the server has had time to accept them all, writes
 * every request in the same tick, so that a server in this process reads them in one turn of its
 * event loop; one answer per connection, in order.
 */
export async function simultaneousExchanges(port: number, requests: readonly string[]): Promise<RawAnswer[]> {
  const sockets = await Promise.all(requests.map(() => connected(port)));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const answers = sockets.map((socket) => framedAnswers(socket, 1));
  for (const [i, socket] of sockets.entries()) socket.write(requests[i] as string);
  return (await Promise.all(answers)).flat();
}

function connected(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** The next `count` answers on `socket`, each framed by its Content-Length; then the socket is closed. */
function framedAnswers(socket: Socket, count: number): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const answers: RawAnswer[] = [];
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      for (;;) {
        const headEnd = received.indexOf('\r\n\r\n');
        if (headEnd < 0) break;
        const head = received.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        const end = headEnd + 4 + length;
        if (received.length < end) break;
        answers.push(parseAnswer(received.subarray(0, end), true) as RawAnswer);
        received = received.subarray(end);
      }
      if (answers.length === count) {
        socket.destroy();
        resolve(answers);
      }
    });
    socket.on('error', reject);
    socket.on('close', () =>
      reject(new Error(`${answers.length} of ${count} answers before the connection closed`)),
    );
  });
}
