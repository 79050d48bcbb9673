import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// without vitest globals, Testing Library cannot unmount by itself: every test starts with an empty page
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})
