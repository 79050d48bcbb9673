/**
 * A search snippet from ticket-service is HTML-escaped text with the matches in <mark>…</mark>. It is
 * never handed to the browser as HTML: it is split into text and marked segments, the five escapes
 * are undone, and anything else that looks like a tag stays visible text.
 */
export interface Segment {
  text: string
  marked: boolean
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

export function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])
}

export function parseSnippet(snippet: string): Segment[] {
  const segments: Segment[] = []
  let marked = false
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true
    else if (part === '</mark>') marked = false
    else if (part) segments.push({ text: unescape(part), marked })
  }
  return segments
}
