/** The wire conventions every domain shares (form parsing, booleans): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */
export interface WireBehaviour {
  /** Seam: how a boolean parameter's text reads; undefined when it is not a boolean (refused 400/20001). */
  readonly booleanOf: (text: string) => boolean | undefined;
}

export const referenceWireBehaviour: WireBehaviour = {
  // "true" and "false", in any case (WIRE-FORM-BOOLEANS).
  booleanOf: (text) => {
    const lower = text.toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  },
};
