// A search page echoes what was typed: in the box, “…” in the title and summary, the JSON "query",
// and the links to the same search in the other language (in any position of their query). Privacy
// tests remove exactly these echoes from a lower-cased page, so a result carrying the same words is
// still caught.

/** `text` (lower-cased) without the echoes of the `q` in `url`. */
export function withoutSearchEchoes(text: string, url: string): string {
  const typed = new URL(url, 'http://x').searchParams.get('q')?.toLowerCase();
  if (!typed) return text;
  const q = new URLSearchParams({ q: typed }).toString().toLowerCase();
  const echoes = [`value="${typed}"`, `“${typed}”`, `"query":"${typed}"`, `?${q}"`, `?${q}&amp;`, `&amp;${q}"`, `&amp;${q}&amp;`];
  for (const echo of echoes) text = text.split(echo).join('');
  return text;
}
