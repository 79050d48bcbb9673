import type { ReactNode } from 'react'
import { Link } from 'react-router'

/**
 * The small part of Markdown the FAQ answers use — paragraphs, numbered and bulleted lists, **bold**
 * and [links](…) to web pages, e-mail addresses (mailto:) and paths of this site — turned into React
 * elements. Never HTML: anything else stays plain text.
 */
const INLINE = /(\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\))/g

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const k = `${key}-${i}`
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={k}>{part.slice(2, -2)}</strong>
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part)
    if (link) {
      const href = link[2]
      // only web and mailto: links and paths of this site: no javascript: or data: URLs
      if (href.startsWith('/') && !href.startsWith('//')) {
        return (
          <Link key={k} to={href} className="text-blue-800 underline">
            {link[1]}
          </Link>
        )
      }
      if (/^https?:\/\//i.test(href)) {
        return (
          <a key={k} href={href} className="text-blue-800 underline" rel="noopener noreferrer" target="_blank">
            {link[1]}
          </a>
        )
      }
      if (/^mailto:[^@\s]+@[^@\s]+$/i.test(href)) {
        return (
          <a key={k} href={href} className="text-blue-800 underline">
            {link[1]}
          </a>
        )
      }
      return link[1]
    }
    return part
  })
}

export function Markdown({ text }: { text: string }) {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n\s*\n/)
  return (
    <div className="space-y-2">
      {blocks.map((block, b) => {
        const lines = block.split('\n').filter((l) => l.trim() !== '')
        if (lines.length === 0) return null
        if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
          return (
            <ol key={b} className="list-decimal space-y-1 pl-6">
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(/^\s*\d+[.)]\s+/, ''), `${b}-${i}`)}</li>
              ))}
            </ol>
          )
        }
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return (
            <ul key={b} className="list-disc space-y-1 pl-6">
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(/^\s*[-*]\s+/, ''), `${b}-${i}`)}</li>
              ))}
            </ul>
          )
        }
        return (
          <p key={b}>
            {lines.map((l, i) => (
              <span key={i}>
                {i > 0 && <br />}
                {inline(l, `${b}-${i}`)}
              </span>
            ))}
          </p>
        )
      })}
    </div>
  )
}
