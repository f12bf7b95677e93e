import { platformSender, sidOf } from './account-platform-exchanges';

/**
 * Every Studio operation the mock serves that no run reaches, walked once through `url` (the
 * recording relay): a published flow whose REST API trigger goes to one Set Variables widget, an
 * execution of it (created with To and From, fetched, ended, deleted), and a step of that
 * execution (fetched, with its context). The flow is deleted at the end.
 */
export async function walkStudio(
  url: string,
  credentials: { accountSid: string; authToken: string },
): Promise<void> {
  const send = platformSender(url, credentials);
  const definition = {
    description: 'A REST API trigger and one widget',
    initial_state: 'Trigger',
    states: [
      {
        name: 'Trigger',
        type: 'trigger',
        transitions: [{ event: 'incomingRequest', next: 'set_greeting' }],
        properties: {},
      },
      {
        name: 'set_greeting',
        type: 'set-variables',
        transitions: [{ event: 'next' }],
        properties: { variables: [{ key: 'greeting', value: 'Hello {{trigger.request.from}}' }] },
      },
    ],
  };
  const flow = sidOf(
    await send('studio', 'POST', '/v2/Flows', {
      FriendlyName: 'Walked',
      Status: 'published',
      Definition: JSON.stringify(definition),
    }),
  );
  const executions = `/v2/Flows/${flow}/Executions`;
  const execution = sidOf(
    await send('studio', 'POST', executions, { To: '+14155550171', From: '+14155550172' }),
  );
  const at = `${executions}/${execution}`;
  await send('studio', 'GET', at);
  const [step] = (await send('studio', 'GET', `${at}/Steps`)).steps as { sid: string }[];
  if (!step) throw new Error('the execution took no step');
  await send('studio', 'GET', `${at}/Steps/${step.sid}`);
  await send('studio', 'GET', `${at}/Steps/${step.sid}/Context`);
  await send('studio', 'POST', at, { Status: 'ended' });
  await send('studio', 'DELETE', at);
  await send('studio', 'DELETE', `/v2/Flows/${flow}`);
}
