/** Proxy sessions of Flex's phone channels: the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

export interface ProxyBehaviour {
  /** Whether a Flex Flow with janitor_enabled removes the Proxy session of a task deleted through the API. */
  readonly janitorRemovesSessions: boolean;
  /** Seam: whether an enabled SMS Flex Flow with this contact identity handles a message sent to `to`. */
  readonly handles: (contactIdentity: string | null, to: string) => boolean;
}

export const referenceProxyBehaviour: ProxyBehaviour = {
  // "the Messaging Channel Janitor will remove active Proxy sessions if the associated Task is deleted" (004).
  janitorRemovesSessions: true,
  // The Flex Flow holding the number the message was sent to handles it (MSG-CONTACT-IDENTITY-ROUTES).
  handles: (contactIdentity, to) => contactIdentity === to,
};
