import type { MockContext } from '../context';
import { invalidParameter, missingParameter } from '../core/errors';
import { isJsonObject } from '../core/json';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { InteractionInvites } from './interaction-invites';
import { InteractionParticipants } from './interaction-participants';
import { InteractionTransfers } from './interaction-transfers';
import { type Interactions, renderChannel } from './interactions';

const channelPath = '/v1/Interactions/:InteractionSid/Channels/:Sid';
const updateStatuses = ['closed', 'inactive'] as const;

/**
 * An Interaction's channel (`/v1/Interactions/{InteractionSid}/Channels/{Sid}`): fetch, and
 * update, which ends the channel and changes the state of its tasks. With it, the channel's
 * participants, invites and transfers.
 */
export class InteractionChannels implements MockModule {
  private readonly parts: MockModule[];

  constructor(
    private readonly ctx: MockContext,
    private readonly interactions: Interactions,
  ) {
    this.parts = [
      new InteractionParticipants(interactions),
      new InteractionInvites(ctx, interactions),
      new InteractionTransfers(ctx, interactions),
    ];
  }

  routes(): Route[] {
    return [
      { domain: 'flex-api', method: 'GET', pattern: channelPath, handler: (r) => this.fetch(r) },
      { domain: 'flex-api', method: 'POST', pattern: channelPath, handler: (r) => this.update(r) },
      ...this.parts.flatMap((part) => part.routes()),
    ];
  }

  private fetch(request: MockRequest): MockResponse {
    return {
      status: 200,
      body: renderChannel(this.interactions.findChannel(request, 'Sid'), request.origin),
    };
  }

  /**
   * Status `closed` or `inactive`. Routing `{"status":"closed"}` (required for `inactive`) ends the
   * tasks; without it the assigned tasks wrap up. Tasks still waiting for an agent are canceled.
   */
  private async update(request: MockRequest): Promise<MockResponse> {
    const interaction = this.interactions.findChannel(request, 'Sid');
    const status = request.form.oneOf('Status', updateStatuses, true);
    const routing = request.form.json('Routing');
    if (routing !== undefined && !(isJsonObject(routing) && routing.status === 'closed'))
      throw invalidParameter('Routing', 'status must be closed');
    const behaviour = this.ctx.behaviour.interactions;
    if (status === 'inactive' && routing === undefined && behaviour.inactiveRequiresRouting)
      throw missingParameter('Routing');
    const assigned = routing === undefined ? behaviour.closedChannelTaskStatus : 'completed';
    for (const task of interaction.tasks) await this.endTask(task, assigned);
    interaction.channelStatus = status ?? 'closed';
    return { status: 200, body: renderChannel(interaction, request.origin) };
  }

  private async endTask(
    task: { workspaceSid: string; sid: string },
    assigned: 'wrapping' | 'completed' | null,
  ): Promise<void> {
    const path = `/v1/Workspaces/${task.workspaceSid}/Tasks/${task.sid}`;
    const current = await this.ctx.call('taskrouter', 'GET', path);
    const status = (current.body as { assignment_status?: string } | undefined)?.assignment_status;
    const reason = { Reason: 'interaction channel closed' };
    if (status === 'pending' || status === 'reserved')
      await this.ctx.call('taskrouter', 'POST', path, { AssignmentStatus: 'canceled', ...reason });
    else if (assigned === 'completed' && (status === 'assigned' || status === 'wrapping'))
      await this.ctx.call('taskrouter', 'POST', path, { AssignmentStatus: 'completed', ...reason });
    else if (assigned === 'wrapping' && status === 'assigned')
      await this.ctx.call('taskrouter', 'POST', path, { AssignmentStatus: 'wrapping' });
  }
}
