// Makes a Tavus replica in echo mode speak the interviewer's audio, as Tavus's Interactions Protocol asks: each
// piece of audio is a `conversation.echo` app message sent into the conversation's Daily room; the messages of one
// utterance share an inference_id and the last says done=true; `conversation.interrupt` stops the replica.
// It needs only something with sendAppMessage(data, to) — a daily-js call object in the room — so it is plain to test.

// The interviewer's audio as our socket delivers it (PCM16 mono little-endian), which is also what Tavus recommends.
export const echoSampleRate = 24000;

// Daily refuses app messages over 4 KB; keep each serialised message under that with a little to spare.
export const maxMessageBytes = 4000;

const utf8 = new TextEncoder();

export class TavusEcho {
  /**
   * call: anything with sendAppMessage(data, to). Options: newInferenceId() (one id per utterance),
   * maxMessageBytes, onError(error) when a message could not be sent (the interview carries on without it).
   */
  constructor(call, conversationId, { newInferenceId = () => crypto.randomUUID(), maxMessageBytes: limit = maxMessageBytes, onError } = {}) {
    this.call = call;
    this.conversationId = conversationId;
    this.newInferenceId = newInferenceId;
    this.limit = limit;
    this.onError = onError ?? (() => {});
    this.inferenceId = null;
    this.chunkBytes = 0;
    this.pending = new Uint8Array(0);
    this.counts = { messages: 0, audioBytes: 0, utterances: 0, interrupts: 0, failures: 0 };
  }

  /** True between the first audio of an utterance and its end (or an interrupt). */
  get speaking() {
    return this.inferenceId !== null;
  }

  /** Queues interviewer audio (an ArrayBuffer of PCM16 at 24 kHz); full messages go out at once. */
  speak(pcm) {
    if (pcm.byteLength === 0) return;
    if (this.inferenceId === null) {
      this.inferenceId = this.newInferenceId();
      this.chunkBytes = this.audioBytesPerMessage();
      this.counts.utterances++;
    }
    this.pending = concat(this.pending, new Uint8Array(pcm));
    // Strictly more than one message's worth: the last piece of every utterance stays behind, so the message that
    // says done=true always carries audio (whether Tavus accepts an empty final chunk is not documented).
    while (this.pending.length > this.chunkBytes) {
      this.sendEcho(this.pending.subarray(0, this.chunkBytes), false);
      this.pending = this.pending.slice(this.chunkBytes);
    }
  }

  /** The interviewer's response is complete: send what is left, marked done. Nothing when nothing was said. */
  endUtterance() {
    if (this.inferenceId === null) return;
    this.sendEcho(this.pending, true);
    this.reset();
  }

  /** Barge-in: drop what is not sent yet and tell the replica to stop talking now. */
  interrupt() {
    this.reset();
    this.counts.interrupts++;
    this.send({ message_type: "conversation", event_type: "conversation.interrupt", conversation_id: this.conversationId });
  }

  reset() {
    this.inferenceId = null;
    this.pending = new Uint8Array(0);
  }

  sendEcho(bytes, done) {
    this.counts.audioBytes += bytes.length;
    this.send(this.echoMessage(toBase64(bytes), done));
  }

  echoMessage(audio, done) {
    return {
      message_type: "conversation",
      event_type: "conversation.echo",
      conversation_id: this.conversationId,
      properties: { modality: "audio", audio, sample_rate: echoSampleRate, inference_id: this.inferenceId, done },
    };
  }

  /**
   * How much audio fits in one message: what the limit leaves after the envelope (measured, since ids vary in
   * length), as base64 (4 characters per 3 bytes), rounded down to whole 16-bit samples.
   */
  audioBytesPerMessage() {
    const envelope = utf8.encode(JSON.stringify(this.echoMessage("", false))).length;
    const bytes = Math.floor((this.limit - envelope) / 4) * 3;
    const whole = bytes - (bytes % 2);
    if (whole < 2) {
      throw new Error("The conversation and inference ids leave no room for audio in a Daily app message.");
    }
    return whole;
  }

  send(message) {
    try {
      this.call.sendAppMessage(message, "*");
      this.counts.messages++;
    } catch (error) {
      this.counts.failures++;
      this.onError(error);
    }
  }
}

function concat(a, b) {
  if (a.length === 0) return b.slice();
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x2000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000));
  }
  return btoa(binary);
}
