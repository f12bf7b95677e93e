import fc from 'fast-check';
import { queuePriority } from '../../generators/taskrouter';
import { type AssignmentTiming, poll, type RoutingScene } from '../drivers/taskrouter';
import { scaled, weights } from '../properties';
import { expect, test, verifies } from './fixtures';

/**
 * Model-based test of assignment order: random sequences of task creation (random priorities), the
 * worker coming and going, accepting, wrapping, completing, canceling and re-prioritising, checked
 * after every step against a model that knows only the documented order: the highest priority
 * first, and among equal priorities the oldest first. One single-tasking worker serves one task at
 * a time, so the model always knows which task must be reserved next.
 */
interface ModelTask {
  readonly sid: string;
  /** Creation order: the model's notion of age. */
  readonly order: number;
  priority: number;
  status: 'pending' | 'reserved' | 'assigned' | 'wrapping' | 'done';
}

interface Model {
  tasks: ModelTask[];
  created: number;
  available: boolean;
  /** The reservation the worker holds, while it is pending. */
  reservation?: { readonly sid: string; readonly task: ModelTask };
  /** The task the worker is working on (assigned or wrapping). */
  holding?: ModelTask;
}

interface Real {
  readonly scene: RoutingScene;
  readonly timing: AssignmentTiming;
}

type Command = fc.AsyncCommand<Model, Real>;

const waiting = (model: Readonly<Model>) => model.tasks.filter((task) => task.status === 'pending');

/** The task the model expects to be offered next: highest priority, then oldest. */
function nextInLine(model: Readonly<Model>): ModelTask | undefined {
  return [...waiting(model)].sort((a, b) => b.priority - a.priority || a.order - b.order)[0];
}

/** What the model expected, for the failure message: the waiting tasks in the order they should be served. */
function describeQueue(model: Readonly<Model>, next: ModelTask): string {
  const line = [...waiting(model)]
    .sort((a, b) => b.priority - a.priority || a.order - b.order)
    .map((task) => `${task.sid} (priority ${task.priority}, created #${task.order})`)
    .join(', ');
  return `expected ${next.sid} to be reserved first; waiting, in the modelled order: ${line}`;
}

/**
 * After every step: the worker's pending reservations are exactly what the model predicts. When the
 * worker is free and tasks wait, the next in line must be reserved; otherwise none is.
 */
async function expectReservationsAsModelled(model: Model, real: Real): Promise<void> {
  const { scene, timing } = real;
  if (!model.reservation && !model.holding && model.available) {
    const next = nextInLine(model);
    if (next) {
      await poll(timing, () => scene.reservedTaskSids(), describeQueue(model, next)).toEqual([next.sid]);
      const [reservation] = await scene.workspace.reservationsOf(scene.workerSid, 'pending');
      next.status = 'reserved';
      model.reservation = { sid: (reservation as { sid: string }).sid, task: next };
      return;
    }
  }
  await timing.quietPeriod();
  expect(await scene.reservedTaskSids(), 'tasks reserved for the worker against the model').toEqual(
    model.reservation ? [model.reservation.task.sid] : [],
  );
}

class CreateTask implements Command {
  constructor(readonly priority: number) {}
  check = (model: Readonly<Model>) => waiting(model).length < 6;
  async run(model: Model, real: Real) {
    const task = await real.scene.task({
      Priority: this.priority,
      Attributes: JSON.stringify({ n: model.created }),
    });
    model.tasks.push({ sid: task.sid, order: model.created++, priority: this.priority, status: 'pending' });
    await expectReservationsAsModelled(model, real);
  }
  toString = () => `createTask(priority ${this.priority})`;
}

class BecomeAvailable implements Command {
  check = (model: Readonly<Model>) => !model.available;
  async run(model: Model, real: Real) {
    await real.scene.becomeAvailable();
    model.available = true;
    await expectReservationsAsModelled(model, real);
  }
  toString = () => 'workerBecomesAvailable';
}

class GoOffline implements Command {
  check = (model: Readonly<Model>) => model.available && !model.reservation;
  async run(model: Model, real: Real) {
    await real.scene.goOffline();
    model.available = false;
    await expectReservationsAsModelled(model, real);
  }
  toString = () => 'workerGoesOffline';
}

class Accept implements Command {
  check = (model: Readonly<Model>) => model.reservation !== undefined;
  async run(model: Model, real: Real) {
    const reservation = model.reservation as NonNullable<Model['reservation']>;
    const response = await real.scene.workspace.updateReservation(real.scene.workerSid, reservation.sid, {
      ReservationStatus: 'accepted',
    });
    expect(response.status, 'workspace.updateReservation(…) status').toBe(200);
    reservation.task.status = 'assigned';
    model.holding = reservation.task;
    model.reservation = undefined;
    await expectReservationsAsModelled(model, real);
  }
  toString = () => 'acceptReservation';
}

class Wrap implements Command {
  check = (model: Readonly<Model>) => model.holding?.status === 'assigned';
  async run(model: Model, real: Real) {
    const task = model.holding as ModelTask;
    const response = await real.scene.workspace.updateTask(task.sid, { AssignmentStatus: 'wrapping' });
    expect(response.status, 'workspace.updateTask(…) status').toBe(200);
    task.status = 'wrapping';
    await expectReservationsAsModelled(model, real);
  }
  toString = () => 'wrapTask';
}

class Complete implements Command {
  check = (model: Readonly<Model>) => model.holding !== undefined;
  async run(model: Model, real: Real) {
    const task = model.holding as ModelTask;
    await real.scene.complete(task.sid);
    task.status = 'done';
    model.holding = undefined;
    await expectReservationsAsModelled(model, real);
  }
  toString = () => 'completeTask';
}

class Cancel implements Command {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) =>
    model.tasks.some((task) => task.status === 'pending' || task.status === 'reserved');
  async run(model: Model, real: Real) {
    const cancelable = model.tasks.filter((task) => task.status === 'pending' || task.status === 'reserved');
    const task = cancelable[this.pick % cancelable.length] as ModelTask;
    const response = await real.scene.workspace.updateTask(task.sid, {
      AssignmentStatus: 'canceled',
      Reason: 'customer left',
    });
    expect(response.status, 'workspace.updateTask(…) status').toBe(200);
    if (model.reservation?.task === task) model.reservation = undefined;
    task.status = 'done';
    await expectReservationsAsModelled(model, real);
  }
  toString = () => `cancelTask(#${this.pick})`;
}

class UpdatePriority implements Command {
  constructor(
    readonly pick: number,
    readonly priority: number,
  ) {}
  check = (model: Readonly<Model>) => waiting(model).length > 0;
  async run(model: Model, real: Real) {
    const pending = waiting(model);
    const task = pending[this.pick % pending.length] as ModelTask;
    const response = await real.scene.workspace.updateTask(task.sid, { Priority: this.priority });
    expect(response.status, 'workspace.updateTask(…) status').toBe(200);
    task.priority = this.priority;
    await expectReservationsAsModelled(model, real);
  }
  toString = () => `updatePriority(#${this.pick}, ${this.priority})`;
}

const commands = () =>
  fc.commands(
    [
      queuePriority().map((priority) => new CreateTask(priority)),
      fc.constant(new BecomeAvailable()),
      fc.constant(new GoOffline()),
      fc.constant(new Accept()),
      fc.constant(new Wrap()),
      fc.constant(new Complete()),
      fc.nat().map((pick) => new Cancel(pick)),
      fc.tuple(fc.nat(), queuePriority()).map(([pick, priority]) => new UpdatePriority(pick, priority)),
    ],
    { maxCommands: 25 },
  );

test.describe('assignment order as a stateful system', () => {
  test(
    'reservations follow priority (descending) then age (oldest first) through random sequences of task and worker events',
    verifies('TR-PRIORITY-HIGHER-FIRST', 'TR-PRIORITY-TIES-OLDEST-FIRST'),
    async ({ taskRouter, timing }) => {
      await fc.assert(
        fc.asyncProperty(commands(), async (sequence) => {
          const scene = await taskRouter.routingScene();
          await fc.asyncModelRun(
            () => ({ model: { tasks: [], created: 0, available: false }, real: { scene, timing } }),
            sequence,
          );
        }),
        // each step waits out a quiet period on an asynchronous target: fewer, equally long runs there
        scaled(weights.scenario),
      );
    },
  );
});
