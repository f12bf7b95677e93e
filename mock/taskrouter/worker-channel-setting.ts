import { newSid } from '../core/sids';
import type { WorkerChannelSetting, WorkerRecord } from './records';

/** A worker's setting on a Task Channel, made (capacity 1, available) when first needed. */
export function workerChannel(
  worker: WorkerRecord,
  taskChannelSid: string,
  now: number,
): WorkerChannelSetting {
  worker.channels ??= new Map();
  let setting = worker.channels.get(taskChannelSid);
  if (!setting) {
    setting = { sid: newSid('WC'), createdAt: now, updatedAt: now, capacity: 1, available: true };
    worker.channels.set(taskChannelSid, setting);
  }
  return setting;
}
