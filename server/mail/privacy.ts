// What of a mail may be shown or kept once it is sent: never the body, and the address only masked.

/** "jane.smith@eastsussex.gov.uk" -> "j•••@eastsussex.gov.uk" (the same again for a masked one). */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

const ADDRESS = /<?[^\s<>@,;:"]+@[^\s<>@,;:"]+>?/g;
const ERROR_MAX = 300;

/** An error as kept in last_error and logged: its code and text, with every address in it taken out. */
export function safeErrorText(err: unknown, ...addresses: string[]): string {
  const e = err instanceof Error ? (err as Error & { code?: unknown; responseCode?: unknown }) : undefined;
  let text = e ? e.message : String(err);
  for (const a of addresses) if (a) text = text.split(a).join('[address]');
  text = text.replace(ADDRESS, '[address]').replace(/\s+/g, ' ').trim();
  const code = [e?.code, e?.responseCode].filter((c) => typeof c === 'string' || typeof c === 'number').join(' ');
  const full = code && !text.startsWith(code) ? `${code}: ${text}` : text;
  return full.length > ERROR_MAX ? `${full.slice(0, ERROR_MAX - 1)}…` : full;
}
