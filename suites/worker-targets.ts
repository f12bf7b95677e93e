import { startEmbeddedMock } from '../support/embedded-mock';
import { closeBeforeOrphanExit } from '../support/parent-watch';
import { TwilioApi } from '../targets/http/client';
import type { TargetHealth } from '../targets/http/target-health';
import { openTarget } from '../targets/open';
import type { RunSettings } from '../targets/run-settings';
import { provisioned } from '../targets/twilio/prerequisites';
import type { Prerequisites, Target } from '../targets/types';
import { setPatience } from './drivers/eventually';
import { Routing } from './drivers/taskrouter';

/**
 * The target a worker's checks run against, with what the worker sets up on it once: the account's
 * prerequisites and the worker's TaskRouter routing. A worker holds one at a time: the run's, or,
 * where a check asks for other mock faults (the self-test runs the checks of many faults in one
 * worker), a mock started with those faults, in place of the one before. Checks of one fault
 * therefore share a mock exactly as a worker of their own would give them.
 */
export class WorkerTargets {
  private held: { readonly faults: string; readonly opened: Promise<WorkerTarget> } | undefined;

  constructor(
    private readonly settings: RunSettings,
    private readonly health: TargetHealth | undefined,
    private readonly workerIndex: number,
  ) {}

  /** The worker's target with these mock faults (the run's when undefined), opened on first use. */
  with(faults: readonly string[] | undefined): Promise<WorkerTarget> {
    const wanted = faults ?? this.settings.faults;
    const key = JSON.stringify(wanted);
    if (this.held?.faults !== key) {
      const previous = this.held?.opened;
      const opened = (async () => {
        await closeQuietly(previous);
        return WorkerTarget.open({ ...this.settings, faults: wanted }, this.health, this.workerIndex);
      })();
      this.held = { faults: key, opened };
    }
    return this.held.opened;
  }

  async close(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (held) await (await held.opened).close();
  }
}

async function closeQuietly(opened: Promise<WorkerTarget> | undefined): Promise<void> {
  const previous = await opened?.catch(() => undefined);
  await previous?.close().catch(() => undefined);
}

export class WorkerTarget {
  private routingCreated: Promise<Routing> | undefined;
  private closeRouting: (() => Promise<void>) | undefined;

  private constructor(
    readonly target: Target,
    readonly prerequisites: Prerequisites,
    private readonly settings: RunSettings,
    private readonly health: TargetHealth | undefined,
    private readonly workerIndex: number,
    private readonly forgetOrphanClose: () => void,
  ) {}

  static async open(
    settings: RunSettings,
    health: TargetHealth | undefined,
    workerIndex: number,
  ): Promise<WorkerTarget> {
    const target = await openTarget(settings, startEmbeddedMock);
    const forget = closeBeforeOrphanExit(() => target.close());
    // The embedded mock runs flows and creates tasks before it answers; a real account takes seconds.
    setPatience(target.kind === 'mock' ? 300 : 5_000);
    const prerequisites = (await target.prerequisites?.()) ?? provisioned;
    return new WorkerTarget(target, prerequisites, settings, health, workerIndex, forget);
  }

  /** The worker's TaskRouter workspace, channels and queue, created on first use. */
  routing(): Promise<Routing> {
    this.routingCreated ??= this.createRouting();
    return this.routingCreated;
  }

  private async createRouting(): Promise<Routing> {
    // Recorded and replayed like a test's requests (a cassette of its own).
    const session = await this.target.openSession?.({
      id: `routing-${this.workerIndex}`,
      title: 'worker routing',
    });
    const api = new TwilioApi(this.target, session, this.health);
    const routing = await Routing.create(api, `flexconf-${this.settings.runId}-w${this.workerIndex}-routing`);
    this.closeRouting = async () => {
      await routing.remove(api).catch(() => undefined);
      await session?.close();
    };
    return routing;
  }

  async close(): Promise<void> {
    await this.routingCreated?.catch(() => undefined);
    await this.closeRouting?.();
    this.forgetOrphanClose();
    await this.target.close();
  }
}
