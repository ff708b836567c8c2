// Taro H5 styles any [disabled] attribute as disabled, even "false": pass it only when it is true.
export const off = (disabled: boolean): true | undefined => (disabled ? true : undefined)
