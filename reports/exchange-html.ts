/** One HTTP exchange as the HTML report shows it: request line, request and response. */
export interface ExchangeView {
  readonly number: number;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusClass: string;
  readonly duration: string;
  readonly requestHeaders: string;
  /** Empty when the request had no body. */
  readonly requestBody: string;
  readonly responseBody: string;
}

/**
 * The markup of one exchange, every value escaped as the report's Liquid templates escape output.
 * Built here rather than by a Liquid partial: a full run's report holds about 4,000 exchanges, and
 * rendering them through Liquid took about 180 ms of the run's last, serial step (writing the
 * reports); this gives the same bytes in a few milliseconds.
 */
export function exchangeHtml(exchange: ExchangeView): string {
  const request = exchange.requestBody === '' ? '' : `\n\n${escapeHtml(exchange.requestBody)}`;
  return `<div class="exchange" data-testid="exchange">
  <p class="line">#${escapeHtml(exchange.number)} <span class="method">${escapeHtml(exchange.method)}</span> ${escapeHtml(exchange.url)} → <span class="http ${escapeHtml(exchange.statusClass)}">${escapeHtml(exchange.status)}</span> <span class="muted">${escapeHtml(exchange.duration)}</span></p>
  <div class="io">
    <div><h5>Request</h5><pre>${escapeHtml(exchange.requestHeaders)}${request}</pre></div>
    <div><h5>Response ${escapeHtml(exchange.status)}</h5><pre>${escapeHtml(exchange.responseBody)}</pre></div>
  </div>
</div>
`;
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

/** Liquid's `escape` filter: the five characters HTML gives meaning to, as liquidjs writes them. */
function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => entities[character] as string);
}
