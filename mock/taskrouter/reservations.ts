import { invalidParameter, notFound, TwilioError } from '../core/errors';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, Route } from '../core/router';
import { type ReservationRecord, reservationStatuses, type WorkspaceState } from './records';
import { renderReservation } from './render';
import { findIn, type TaskRouterState } from './state';

type Via = 'task' | 'worker';

/**
 * Reservations, seen from their task (`/Tasks/{TaskSid}/Reservations[/{Sid}]`) or their worker
 * (`/Workers/{WorkerSid}/Reservations[/{Sid}]`). An update with ReservationStatus accepts or
 * rejects a pending reservation, or moves an accepted one to wrapping or completed.
 */
export class Reservations {
  constructor(private readonly state: TaskRouterState) {}

  routes(): Route[] {
    const routes: Route[] = [];
    for (const [via, parent] of [
      ['task', '/v1/Workspaces/:WorkspaceSid/Tasks/:TaskSid/Reservations'],
      ['worker', '/v1/Workspaces/:WorkspaceSid/Workers/:WorkerSid/Reservations'],
    ] as const) {
      routes.push(
        { domain: 'taskrouter', method: 'GET', pattern: parent, handler: (r) => this.list(r, via) },
        {
          domain: 'taskrouter',
          method: 'GET',
          pattern: `${parent}/:Sid`,
          handler: (r) => this.fetch(r, via),
        },
        {
          domain: 'taskrouter',
          method: 'POST',
          pattern: `${parent}/:Sid`,
          handler: (r) => this.update(r, via),
        },
      );
    }
    return routes;
  }

  private fetch(request: MockRequest, via: Via) {
    const workspace = this.state.workspace(request);
    const reservation = this.find(workspace, request, via);
    return { status: 200, body: renderReservation(this.state.scope(request, workspace), reservation, via) };
  }

  private update(request: MockRequest, via: Via) {
    const workspace = this.state.workspace(request);
    const reservation = this.find(workspace, request, via);
    const form = request.form;
    const status = form.oneOf('ReservationStatus', reservationStatuses);
    const activitySid = form.sid('WorkerActivitySid', 'WA');
    if (activitySid !== undefined && !workspace.activities.get(activitySid)) {
      throw invalidParameter('WorkerActivitySid', 'names no Activity of this Workspace');
    }
    const engine = this.state.engine;
    const task = workspace.tasks.get(reservation.taskSid);
    const refuse = () =>
      new TwilioError(
        400,
        20001,
        `Invalid parameter ReservationStatus: a ${reservation.status} reservation cannot become ${status}`,
      );
    if (status === 'accepted' || status === 'rejected') {
      if (reservation.status !== 'pending') throw refuse();
      if (status === 'accepted') engine.accept(workspace, reservation);
      else engine.reject(workspace, reservation, activitySid);
    } else if (status === 'wrapping') {
      if (reservation.status !== 'accepted' || !task) throw refuse();
      engine.wrap(workspace, task);
    } else if (status === 'completed') {
      if ((reservation.status !== 'accepted' && reservation.status !== 'wrapping') || !task) throw refuse();
      engine.complete(workspace, task, task.reason);
    } else if (status !== undefined) {
      throw refuse();
    }
    const body = renderReservation(this.state.scope(request, workspace), reservation, via);
    engine.assign(workspace);
    return { status: 200, body };
  }

  private list(request: MockRequest, via: Via) {
    const workspace = this.state.workspace(request);
    const parentSid = this.parent(workspace, request, via);
    const query = request.query;
    const status = query.get('ReservationStatus');
    const workerSid = via === 'task' ? query.get('WorkerSid') : null;
    let records = workspace.reservations
      .all()
      .filter((reservation) => (via === 'task' ? reservation.taskSid : reservation.workerSid) === parentSid);
    if (status !== null) records = records.filter((reservation) => reservation.status === status);
    if (workerSid !== null) records = records.filter((reservation) => reservation.workerSid === workerSid);
    const filters: [string, string][] = [];
    if (status !== null) filters.push(['ReservationStatus', status]);
    if (workerSid !== null) filters.push(['WorkerSid', workerSid]);
    const scope = this.state.scope(request, workspace);
    const parentPath = via === 'task' ? `Tasks/${parentSid}` : `Workers/${parentSid}`;
    return {
      status: 200,
      body: pageOf(records, readPageRequest(query), {
        origin: request.origin,
        path: `/v1/Workspaces/${workspace.sid}/${parentPath}/Reservations`,
        key: 'reservations',
        filters,
        render: (record) => renderReservation(scope, record, via),
      }),
    };
  }

  private parent(workspace: WorkspaceState, request: MockRequest, via: Via): string {
    return via === 'task'
      ? findIn(workspace.tasks, request, 'TaskSid').sid
      : findIn(workspace.workers, request, 'WorkerSid').sid;
  }

  private find(workspace: WorkspaceState, request: MockRequest, via: Via): ReservationRecord {
    const parentSid = this.parent(workspace, request, via);
    const reservation = workspace.reservations.get(request.pathParams.Sid ?? '');
    const owner = via === 'task' ? reservation?.taskSid : reservation?.workerSid;
    if (!reservation || owner !== parentSid) throw notFound(request.path);
    return reservation;
  }
}
