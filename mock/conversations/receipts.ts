import { isoNow, newSid } from '../core/sids';
import type { ConversationRecord, MessageRecord, ReceiptRecord } from './records';

/**
 * Delivery receipts: a message reaches each non-chat participant (SMS, WhatsApp) other than its
 * author through that participant's messaging channel, which reports its delivery. The mock hands
 * the message over at once, so each receipt says `sent`.
 */
export function recordReceipts(conversation: ConversationRecord, message: MessageRecord, now: number): void {
  for (const participant of conversation.participants.all()) {
    const binding = participant.messaging_binding;
    if (!binding || participant.sid === message.participant_sid) continue;
    conversation.receipts.insert((seq) => ({
      seq,
      sid: newSid('DY'),
      message_sid: message.sid,
      participant_sid: participant.sid,
      channel_message_sid: newSid(binding.type === 'whatsapp' ? 'WA' : 'SM'),
      status: 'sent',
      error_code: 0,
      date_created: isoNow(now),
      date_updated: isoNow(now),
    }));
  }
}

export function receiptsOf(conversation: ConversationRecord, messageSid: string): ReceiptRecord[] {
  return conversation.receipts.all().filter((receipt) => receipt.message_sid === messageSid);
}

/** The message's `delivery`: how many receipts are in each status, or null when it has none. */
export function deliverySummary(receipts: readonly ReceiptRecord[]): Record<string, number> | null {
  if (receipts.length === 0) return null;
  const summary: Record<string, number> = {
    total: receipts.length,
    sent: 0,
    delivered: 0,
    read: 0,
    failed: 0,
    undelivered: 0,
  };
  for (const receipt of receipts) summary[receipt.status] = (summary[receipt.status] ?? 0) + 1;
  return summary;
}

export function renderReceipt(
  accountSid: string,
  conversation: ConversationRecord,
  receipt: ReceiptRecord,
  origin: string,
) {
  const { seq: _seq, ...wire } = receipt;
  return {
    account_sid: accountSid,
    conversation_sid: conversation.sid,
    ...wire,
    url: `${origin}/v1/Conversations/${conversation.sid}/Messages/${receipt.message_sid}/Receipts/${receipt.sid}`,
  };
}
