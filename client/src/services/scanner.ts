// H5 has no camera scanner: the clerk types the digits. The weapp build picks scanner.weapp.ts instead.
export const canScan = false

export function scanCode(): Promise<string | null> {
  return Promise.resolve(null)
}
