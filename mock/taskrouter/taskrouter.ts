import type { MockContext } from '../context';
import type { MockModule } from '../core/module';
import type { Route } from '../core/router';
import { Activities } from './activities';
import { Reservations } from './reservations';
import { TaskRouterState } from './state';
import { Statistics } from './statistics';
import { TaskChannels } from './task-channels';
import { TaskQueues } from './task-queues';
import { Tasks } from './tasks';
import { WorkerChannels } from './worker-channels';
import { Workers } from './workers';
import { Workflows } from './workflows';
import { Workspaces } from './workspaces';

/** TaskRouter v1 (`taskrouter` domain): workspaces and their resources, with the assignment engine. */
export class TaskRouter implements MockModule {
  readonly state: TaskRouterState;

  constructor(ctx: MockContext) {
    this.state = new TaskRouterState(ctx);
  }

  routes(): Route[] {
    // before the collections: `TaskQueues/Statistics` would otherwise be read as a queue SID
    const resources = [
      Statistics,
      Workspaces,
      Activities,
      TaskChannels,
      Workflows,
      TaskQueues,
      Workers,
      WorkerChannels,
      Tasks,
      Reservations,
    ];
    return resources.flatMap((Resource) => new Resource(this.state).routes());
  }

  close(): void {
    this.state.engine.close();
  }
}
