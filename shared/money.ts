/** Fen as a shopper reads yuan: `120`, `118.15` (no trailing `.00`). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2).replace(/\.00$/, '')
