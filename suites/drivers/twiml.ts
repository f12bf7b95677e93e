/**
 * A small reader for the TwiML a flow's voice webhook answers with: elements, attributes and text,
 * entities decoded. It reads what Twilio's voice platform reads, nothing more.
 */
export interface TwimlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly TwimlElement[];
  /** The element's text content (its children's text included). */
  readonly text: string;
}

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity === 'amp') return '&';
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return String.fromCodePoint(code);
  });

/** Parses a TwiML document; throws on malformed markup. */
export function parseTwiml(xml: string): TwimlElement {
  const source = xml.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  let position = 0;

  const element = (): TwimlElement => {
    const open = /^<([A-Za-z][\w.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/.exec(source.slice(position));
    if (!open)
      throw new Error(`TwiML: expected an element at ${position}: ${source.slice(position, position + 40)}`);
    position += open[0].length;
    const [, name = '', rawAttributes = '', selfClosing] = open;
    const attributes: Record<string, string> = {};
    for (const match of rawAttributes.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
      attributes[match[1] as string] = decode(match[2] as string);
    const children: TwimlElement[] = [];
    let text = '';
    if (!selfClosing) {
      while (!source.startsWith(`</${name}>`, position)) {
        if (position >= source.length) throw new Error(`TwiML: <${name}> is never closed`);
        if (source[position] === '<') {
          const child = element();
          children.push(child);
          text += child.text;
        } else {
          const next = source.indexOf('<', position);
          const end = next < 0 ? source.length : next;
          text += decode(source.slice(position, end));
          position = end;
        }
      }
      position += name.length + 3;
    }
    return { name, attributes, children, text };
  };

  const root = element();
  if (source.slice(position).trim() !== '') throw new Error('TwiML: content after the root element');
  return root;
}

/** The first descendant element with this name. */
export function findElement(root: TwimlElement, name: string): TwimlElement | undefined {
  for (const child of root.children) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}
