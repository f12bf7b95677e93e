/** Interactions (channels, routing to a task): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

export interface InteractionBehaviour {
  /** The prefix of an Interaction's SID. */
  readonly sidPrefix: string;
  /**
   * Whether Routing.properties becomes a TaskRouter task as the Interaction is created
   * (CONV-INTERACTION-ASYNC lets the task follow later; the reference creates it at once).
   */
  readonly taskOnCreate: boolean;
  /** What closing a channel without Routing sets its assigned tasks to (null: leaves them as they are). */
  readonly closedChannelTaskStatus: 'wrapping' | null;
  /** Whether setting a channel `inactive` requires a Routing (`{"status":"closed"}`). */
  readonly inactiveRequiresRouting: boolean;
  /** Whether a channel invite's Routing properties become a new TaskRouter task. */
  readonly inviteCreatesTask: boolean;
}

export const referenceInteractionBehaviour: InteractionBehaviour = {
  sidPrefix: 'KD',
  taskOnCreate: true,
  closedChannelTaskStatus: 'wrapping',
  inactiveRequiresRouting: true,
  inviteCreatesTask: true,
};
