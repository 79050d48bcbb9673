import { render } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { Markdown } from './Markdown'

function show(text: string): HTMLElement {
  return render(
    <MemoryRouter>
      <Markdown text={text} />
    </MemoryRouter>,
  ).container
}

describe('Markdown', () => {
  it('makes paragraphs of blank-line separated blocks and keeps single line breaks', () => {
    const page = show('First line\nsecond line\n\nNext paragraph')
    const paragraphs = page.querySelectorAll('p')
    expect(paragraphs).toHaveLength(2)
    expect(paragraphs[0].textContent).toBe('First linesecond line')
    expect(paragraphs[0].querySelectorAll('br')).toHaveLength(1)
    expect(paragraphs[1].textContent).toBe('Next paragraph')
  })

  it('reads Windows line ends like Unix ones', () => {
    expect(show('one\r\n\r\ntwo').querySelectorAll('p')).toHaveLength(2)
  })

  it('renders numbered and bulleted lists', () => {
    const page = show('1. Open the ticket\n2) Add the photo\n\n- first\n* second')
    const ol = page.querySelector('ol')
    const ul = page.querySelector('ul')
    expect([...ol!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Open the ticket', 'Add the photo'])
    expect([...ul!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['first', 'second'])
  })

  it('keeps a block with only some list lines a paragraph', () => {
    const page = show('1. numbered\nplain')
    expect(page.querySelector('ol')).toBeNull()
    expect(page.querySelector('p')!.textContent).toBe('1. numberedplain')
  })

  it('makes **bold** strong, and leaves a lone ** as text', () => {
    const page = show('This is **important** and ** this is not')
    expect(page.querySelector('strong')!.textContent).toBe('important')
    expect(page.textContent).toContain('** this is not')
  })

  it('shows HTML as text, never as elements', () => {
    const page = show('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b> <a href="javascript:alert(3)">x</a>')
    expect(page.querySelector('script, img, b, a, iframe')).toBeNull()
    expect(page.textContent).toContain('<script>alert(1)</script>')
    expect(page.textContent).toContain('<img src=x onerror="alert(2)">')
  })

  it('links web addresses in a new tab without handing over the opener', () => {
    const a = show('See [the tracking page](https://track.example.com/p?id=1&x=2).').querySelector('a')!
    expect(a.getAttribute('href')).toBe('https://track.example.com/p?id=1&x=2')
    expect(a.textContent).toBe('the tracking page')
    expect(a.getAttribute('target')).toBe('_blank')
    expect(a.getAttribute('rel')).toBe('noopener noreferrer')
    expect(show('[plain](HTTP://example.com)').querySelector('a')!.getAttribute('href')).toBe('HTTP://example.com')
  })

  it('links paths of this site in the app, not in a new tab', () => {
    const a = show('Read [the FAQ](/support/faq).').querySelector('a')!
    expect(a.getAttribute('href')).toBe('/support/faq')
    expect(a.getAttribute('target')).toBeNull()
  })

  it('links mailto: addresses', () => {
    const a = show('Write to [support](mailto:support@logishift.example).').querySelector('a')!
    expect(a.getAttribute('href')).toBe('mailto:support@logishift.example')
    expect(a.getAttribute('target')).toBeNull()
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['javascript://example.com/%0Aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['//evil.example.com/phish'],
    ['ftp://example.com/file'],
    ['mailto:'],
    ['mailto:javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['support/faq'],
  ])('never links %s: the label stays as text', (href) => {
    const page = show(`Click [here](${href}) now`)
    expect(page.querySelector('a')).toBeNull()
    expect(page.textContent).toContain('here')
  })

  it('keeps NUL and other control characters as harmless text', () => {
    const page = show('a\u0000b **c\u0000d** [e](https://example.com/\u0000)')
    expect(page.textContent).toContain('a\u0000b')
    expect(page.querySelector('strong')!.textContent).toBe('c\u0000d')
  })

  it('renders a very large, unbalanced answer (no runaway pattern matching)', () => {
    // nothing closes: every pattern has to give up on 200,000 characters
    const text = `**${'a'.repeat(100_000)} [${'b'.repeat(50_000)}](${'c'.repeat(50_000)}\n\n- ${'d '.repeat(20_000)}`
    const page = show(text)
    // counts, not elements: a failure message must not print 200 KB
    expect(page.querySelectorAll('strong, a').length).toBe(0)
    expect(page.querySelectorAll('li').length).toBe(1)
    expect(page.textContent!.length).toBeGreaterThan(200_000)
  })

  it('renders nothing for empty or blank input', () => {
    expect(show('').textContent).toBe('')
    expect(show(' \n \n\n\t').textContent).toBe('')
  })
})
