import fc from 'fast-check';
import { partialUpdate, validCreate } from '../../generators/flex-flow';
import { scaled, weights } from '../properties';
import { expect, type FlexFlowApi, type FlexFlowBody, test, verifies } from './fixtures';

/**
 * Model-based test: random sequences of create, fetch, update, delete and list, checked after each
 * step against an in-memory model of what the account should hold. The model knows only the
 * documented behaviour (what was sent, partial update, delete), none of the mock's logic.
 */
interface Model {
  flows: Map<string, { name: string; type: string; fields: Record<string, unknown> }>;
  names: string[];
}

interface Real {
  api: FlexFlowApi;
}

type Command = fc.AsyncCommand<Model, Real>;

const echoFields = (body: Record<string, unknown>) => {
  const fields: Record<string, unknown> = {};
  if ('ChannelType' in body) fields.channel_type = body.ChannelType;
  if ('ChatServiceSid' in body) fields.chat_service_sid = body.ChatServiceSid;
  if ('LongLived' in body) fields.long_lived = body.LongLived;
  if ('Enabled' in body) fields.enabled = body.Enabled;
  return fields;
};

class CreateCommand implements Command {
  constructor(
    readonly body: Record<string, string | number | boolean>,
    readonly nameIndex: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const name = model.names[this.nameIndex % model.names.length]!;
    const response = await real.api.create({ ...this.body, FriendlyName: name });
    expect(response.status, 'Flex Flow create status').toBe(201);
    model.flows.set(response.json.sid, {
      name,
      type: String(this.body.IntegrationType),
      fields: {
        channel_type: this.body.ChannelType,
        chat_service_sid: this.body.ChatServiceSid,
        ...echoFields(this.body),
      },
    });
  }
  toString = () => `create(name #${this.nameIndex}, ${JSON.stringify(this.body)})`;
}

class FetchCommand implements Command {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.flows.size > 0;
  async run(model: Model, real: Real) {
    const [sid, expected] = [...model.flows.entries()][this.pick % model.flows.size]!;
    const response = await real.api.fetch(sid);
    expect(response.status, 'status of a fetch of a flow the model holds').toBe(200);
    expect(response.json.friendly_name, 'friendly_name of a fetched flow against the model').toBe(
      real.api.nameFor(expected.name),
    );
    expect(response.json, 'fields of a fetched flow against the model').toMatchObject(expected.fields);
  }
  toString = () => `fetch(#${this.pick})`;
}

class UpdateCommand implements Command {
  constructor(
    readonly pick: number,
    readonly updates: Record<string, Record<string, string | number | boolean>>,
    /** When set, the update renames the flow to one of the model's names. */
    readonly renameTo: number | undefined,
  ) {}
  check = (model: Readonly<Model>) => model.flows.size > 0;
  async run(model: Model, real: Real) {
    const [sid, expected] = [...model.flows.entries()][this.pick % model.flows.size]!;
    const { FriendlyName: _random, ...update } = this.updates[expected.type] ?? {};
    if (this.renameTo !== undefined) {
      expected.name = model.names[this.renameTo % model.names.length]!;
      update.FriendlyName = real.api.nameFor(expected.name);
    }
    const response = await real.api.update(sid, update);
    expect(response.status, 'Flex Flow update status').toBe(200);
    Object.assign(expected.fields, echoFields(update));
    expect(response.json, 'fields of an updated flow against the model').toMatchObject(expected.fields);
  }
  toString = () => `update(#${this.pick}, rename ${String(this.renameTo)}, ${JSON.stringify(this.updates)})`;
}

class DeleteCommand implements Command {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.flows.size > 0;
  async run(model: Model, real: Real) {
    const sid = [...model.flows.keys()][this.pick % model.flows.size]!;
    expect((await real.api.remove(sid)).status, 'status of a delete of a flow the model holds').toBe(204);
    model.flows.delete(sid);
    expect((await real.api.fetch(sid)).status, 'status of a fetch of a deleted flow').toBe(404);
  }
  toString = () => `delete(#${this.pick})`;
}

class ListCommand implements Command {
  constructor(
    readonly nameIndex: number,
    readonly pageSize: number,
  ) {}
  check = (model: Readonly<Model>) => model.names.length > 0;
  async run(model: Model, real: Real) {
    const name = model.names[this.nameIndex % model.names.length]!;
    const pages = await real.api.listAllPages({
      FriendlyName: real.api.nameFor(name),
      PageSize: this.pageSize,
    });
    const listed = pages.flatMap((page) => page.json.flex_flows as FlexFlowBody[]).map((flow) => flow.sid);
    const expected = [...model.flows.entries()].filter(([, flow]) => flow.name === name).map(([sid]) => sid);
    expect(listed.sort(), 'SIDs listed under a FriendlyName against the model').toEqual(expected.sort());
  }
  toString = () => `list(name #${this.nameIndex}, PageSize=${this.pageSize})`;
}

test.describe('Flex Flows as a stateful resource', () => {
  test(
    'random sequences of create, fetch, update, delete and list agree with a model of the account',
    verifies(
      'FLEXFLOW-FETCH-RETURNS-RESOURCE',
      'FLEXFLOW-UPDATE-PARTIAL',
      'FLEXFLOW-DELETE-THEN-404',
      'FLEXFLOW-LIST-FILTER-FRIENDLYNAME',
      'FLEXFLOW-PAGING-EVERY-ITEM-ONCE',
    ),
    async ({ flexFlows }) => {
      const updates = fc.record({
        studio: partialUpdate('studio'),
        external: partialUpdate('external'),
        task: partialUpdate('task'),
      });
      const commands = fc.commands(
        [
          fc.tuple(validCreate(), fc.nat()).map(([body, name]) => new CreateCommand(body, name)),
          fc.nat().map((pick) => new FetchCommand(pick)),
          fc
            .tuple(fc.nat(), updates, fc.option(fc.nat(), { nil: undefined }))
            .map(([pick, byType, rename]) => new UpdateCommand(pick, byType, rename)),
          fc.nat().map((pick) => new DeleteCommand(pick)),
          fc
            .tuple(fc.nat(), fc.integer({ min: 1, max: 4 }))
            .map(([index, size]) => new ListCommand(index, size)),
        ],
        { maxCommands: 25 },
      );
      let round = 0;
      await fc.assert(
        fc.asyncProperty(commands, async (sequence) => {
          // each run uses its own names, so runs never see each other's flows
          const names = ['alpha', 'beta', 'gamma'].map((name) => `m${round}-${name}`);
          round++;
          await fc.asyncModelRun(
            () => ({ model: { flows: new Map(), names }, real: { api: flexFlows } }),
            sequence,
          );
        }),
        scaled(weights.resource),
      );
    },
  );
});
