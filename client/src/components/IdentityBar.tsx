// The identity switcher exists only in the local H5 build (IdentityBar.h5.tsx); in WeChat the shopper is who WeChat says.
export function IdentityBar(): null {
  return null
}
