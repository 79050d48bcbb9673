import { describe, expect, it } from 'vitest'
import { parseSnippet } from './snippet'

describe('parseSnippet', () => {
  it('splits text and marks', () => {
    expect(parseSnippet('DLV-2025-<mark>777777</mark>')).toEqual([
      { text: 'DLV-2025-', marked: false },
      { text: '777777', marked: true },
    ])
  })

  it('undoes the escapes, once', () => {
    expect(parseSnippet('&lt;b&gt;<mark>Bold</mark>&lt;/b&gt; &amp;amp; &quot;&#39;')).toEqual([
      { text: '<b>', marked: false },
      { text: 'Bold', marked: true },
      { text: '</b> &amp; "\'', marked: false },
    ])
  })

  it('keeps what only looks like markup as text', () => {
    expect(parseSnippet('&lt;mark&gt;fake&lt;/mark&gt; <script>x</script>')).toEqual([
      { text: '<mark>fake</mark> <script>x</script>', marked: false },
    ])
  })

  it('handles empty and unbalanced input', () => {
    expect(parseSnippet('')).toEqual([])
    expect(parseSnippet('<mark>open')).toEqual([{ text: 'open', marked: true }])
    expect(parseSnippet('a</mark>b')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
    ])
  })
})
