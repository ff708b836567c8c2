import { describe, expect, it } from 'vitest'
import { codeFromScan } from './codes'
import { qrDataUrl, qrModules } from './qr'

describe('voucher and purchase codes', () => {
  it('renders a code as a GIF data URL an Image can show', () => {
    const url = qrDataUrl('V7K2M9Q4R8T1W6Y3Z5A0B2C4')
    expect(url.startsWith('data:image/gif;base64,')).toBe(true)
    expect(url.length).toBeGreaterThan(200)
  })

  it('encodes different codes into different module patterns', () => {
    const a = qrModules('AAAAAAAAAAAAAAAAAAAAAAAA')
    const b = qrModules('AAAAAAAAAAAAAAAAAAAAAAAB')
    expect(a.length).toBe(a[0]!.length)
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b))
  })

  it('reads the code out of a scanned page path or scene', () => {
    expect(codeFromScan(' ABC123 ')).toBe('ABC123')
    expect(codeFromScan('pages/scan/index?code=XYZ789&from=qr')).toBe('XYZ789')
    expect(codeFromScan('scene=Q1W2E3')).toBe('Q1W2E3')
    expect(codeFromScan('pages%2Fscan%2Findex%3Fcode%3DAB12')).toBe('AB12')
    expect(codeFromScan('100%')).toBe('100%')
  })
})
