import { describe, expect, it } from 'vitest'
import { sameSitePath } from '@/lib/previews'

describe('sameSitePath (where leaving a preview goes)', () => {
  it('keeps a path on this site, with its query', () => {
    expect(sameSitePath('/devices/roller-a?x=1')).toBe('/devices/roller-a?x=1')
  })

  it.each([null, '', 'https://elsewhere.example/', '//elsewhere.example/', '/\\elsewhere.example', 'devices'])(
    'sends %j to the home page instead',
    (candidate) => {
      expect(sameSitePath(candidate)).toBe('/')
    },
  )
})
