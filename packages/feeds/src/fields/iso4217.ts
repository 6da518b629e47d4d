const codes = new Set(Intl.supportedValuesOf('currency'))

/** Whether a code is a current ISO 4217 currency, as the runtime's ICU data knows them. */
export function isIso4217Code(code: string): boolean {
  return codes.has(code)
}
