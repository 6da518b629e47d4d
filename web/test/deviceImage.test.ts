import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DeviceGallery, DeviceImage } from '@/components/DeviceImage'

const project = { projectId: 'abc123', dataset: 'production' }
const photo = {
  _key: 'photo1',
  alt: 'The Luma roller beside its storage case',
  asset: { _ref: 'image-4f2a9c0d1e7b3a5f6c8d9e0a1b2c3d4e5f6a7b8c-2400x1600-jpg' },
}
const cdnImage = 'https://cdn.sanity.io/images/abc123/production/4f2a9c0d1e7b3a5f6c8d9e0a1b2c3d4e5f6a7b8c-2400x1600.jpg'

function renderHtml(props: Partial<Parameters<typeof DeviceImage>[0]>): string {
  return renderToStaticMarkup(
    createElement(DeviceImage, {
      image: photo,
      project,
      formFactor: 'dermaRoller',
      sizes: '(min-width: 48rem) 16rem, 10rem',
      ...props,
    }),
  )
}

/** The attributes of the drawn element: the `<img>`, or else the first element (the pictogram's `<svg>`). */
function render(props: Partial<Parameters<typeof DeviceImage>[0]>): Record<string, string | undefined> {
  const html = renderHtml(props)
  const element = /<img\s[^>]*>/.exec(html)?.[0] ?? /^<\w+[^>]*>/.exec(html)?.[0] ?? ''
  const attributes = Object.fromEntries(
    [...element.matchAll(/\s([\w-]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [
      name.toLowerCase(),
      value.replaceAll('&amp;', '&'),
    ]),
  )
  return { ...attributes, tag: /^<(\w+)/.exec(element)?.[1] }
}

/** Each srcset candidate: the CDN URL and the width it was asked for. */
function candidates(srcset: string): { url: URL; width: string }[] {
  return srcset.split(', ').map((candidate) => {
    const [url = '', width = ''] = candidate.split(' ')
    return { url: new URL(url), width }
  })
}

describe('device photos', () => {
  it('draws a stored photo from the Content Lake CDN, with its alt text and its own proportions', () => {
    const image = render({})
    expect(image.tag).toBe('img')
    expect(image.alt).toBe('The Luma roller beside its storage case')
    expect(image.width).toBe('1200')
    expect(image.height).toBe('800')
    expect(image.sizes).toBe('(min-width: 48rem) 16rem, 10rem')
    // Straight from the CDN (never through the site's server), each width asked of the CDN itself,
    // in the photo's own proportions (a width only, fit=max), in the format the browser takes best.
    const offered = candidates(image.srcset ?? '')
    expect(offered.length).toBeGreaterThan(3)
    expect(offered.at(-1)?.width).toBe('1200w')
    for (const { url, width } of offered) {
      expect(`${url.origin}${url.pathname}`).toBe(cdnImage)
      expect(`${url.searchParams.get('w')}w`).toBe(width)
      expect(url.searchParams.has('h')).toBe(false)
      expect(url.searchParams.get('fit')).toBe('max')
      expect(url.searchParams.get('auto')).toBe('format')
    }
    expect(new URL(image.src ?? '').origin).toBe('https://cdn.sanity.io')
    expect(new URL(image.src ?? '').searchParams.get('w')).toBe('1200')
  })

  it('loads photos below the fold lazily, and the hero photo at once', () => {
    expect(render({}).loading).toBe('lazy')
    expect(render({ aboveTheFold: true }).loading).toBeUndefined()
    expect(render({ aboveTheFold: true }).fetchpriority).toBe('high')
    expect(renderHtml({ aboveTheFold: true })).toMatch(
      /^<link rel="preload" as="image"[^>]* imageSrcSet="https:\/\/cdn\.sanity\.io\//,
    )
    expect(renderHtml({})).not.toContain('rel="preload"')
  })

  it('shows the pictogram without a photo, without a CDN to serve it (the embedded dataset), or for an unreadable asset', () => {
    for (const props of [
      { image: undefined },
      { project: null },
      { image: { ...photo, asset: { _ref: 'image-x' } } },
    ]) {
      const fallback = render(props)
      expect(fallback.tag).toBe('svg')
      expect(fallback['aria-hidden']).toBe('true')
    }
  })

  it('leaves the photo gallery out when there is nothing to show', () => {
    expect(renderToStaticMarkup(createElement(DeviceGallery, { images: [photo], project: null }))).toBe('')
    expect(renderToStaticMarkup(createElement(DeviceGallery, { images: [], project }))).toBe('')
    const gallery = renderToStaticMarkup(createElement(DeviceGallery, { images: [photo], project }))
    expect(gallery).toContain('<h2 id="photos-heading">Photos</h2>')
    expect(gallery).toContain('alt="The Luma roller beside its storage case"')
    expect(gallery).toContain('loading="lazy"')
  })
})
