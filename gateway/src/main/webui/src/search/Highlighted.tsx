import { parseSnippet } from './snippet'

/** A snippet as text with its matches in <mark> elements (React escapes the text; no raw HTML). */
export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {parseSnippet(snippet).map((segment, i) =>
        segment.marked ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  )
}
