/** The credentials the throughput benchmark's mock accepts and its clients send. */
export const benchCredentials = { accountSid: `AC${'b'.repeat(32)}`, authToken: 'bench-token' };
