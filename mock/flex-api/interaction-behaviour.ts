/** Interactions (channels, routing to a task): the reference values the domain code reads; a fault (mock/faults/) overrides some of them. */

export interface InteractionBehaviour {
  /** The prefix of an Interaction's SID. */
  readonly sidPrefix: string;
  /**
   * Whether Routing.properties becomes a TaskRouter task as the Interaction is created
   * (CONV-INTERACTION-ASYNC lets the task follow later; the reference creates it at once).
   */
  readonly taskOnCreate: boolean;
}

export const referenceInteractionBehaviour: InteractionBehaviour = {
  sidPrefix: 'KD',
  taskOnCreate: true,
};
