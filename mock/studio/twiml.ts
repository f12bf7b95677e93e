/** TwiML as Studio answers a voice webhook with it. */

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

const attributesOf = (attributes: Readonly<Record<string, string | undefined>>) =>
  Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');

export const twimlDocument = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;

export interface EnqueueTwiml {
  readonly workflowSid?: string;
  readonly action: string;
  readonly waitUrl?: string;
  readonly waitUrlMethod?: string;
  readonly priority?: string;
  readonly timeout?: string;
  /** The task attributes JSON, the body of `<Task>`. */
  readonly attributes: string;
}

/** `<Enqueue workflowSid action [waitUrl waitUrlMethod]><Task priority timeout>{attributes}</Task></Enqueue>` */
export function enqueueTwiml(enqueue: EnqueueTwiml): string {
  const open = attributesOf({
    workflowSid: enqueue.workflowSid,
    action: enqueue.action,
    method: 'POST',
    waitUrl: enqueue.waitUrl,
    waitUrlMethod: enqueue.waitUrlMethod,
  });
  const task = attributesOf({ priority: enqueue.priority, timeout: enqueue.timeout });
  return twimlDocument(`<Enqueue${open}><Task${task}>${escapeText(enqueue.attributes)}</Task></Enqueue>`);
}
