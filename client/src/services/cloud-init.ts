// H5 calls the local cloud over HTTP and needs no setup; the weapp build picks cloud-init.weapp.ts.
export function initCloud(): void {}
