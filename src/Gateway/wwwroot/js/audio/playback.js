// The interviewer's voice: PCM16 24 kHz chunks scheduled back to back on the AudioContext's clock, so consecutive
// chunks join without gaps whatever the network jitter (a small lead absorbs it). stop() silences everything at
// once for barge-in. setMuted() silences the output only — chunks are still scheduled and `active` still follows
// them — for when an avatar speaks the same audio lip-synced and the room must not play it twice.
import { stats } from "../stats.js";

const sourceRate = 24000;
// How far ahead of "now" the first chunk of a burst starts: enough to cover the next chunk's arrival jitter.
const leadSeconds = 0.1;

export class Playback {
  constructor(context, { onActiveChange } = {}) {
    this.context = context;
    this.onActiveChange = onActiveChange ?? (() => {});
    this.nextStartTime = 0;
    this.sources = new Set();
    // Every chunk plays through this gain, so muting is one switch for what is already scheduled too.
    this.output = context.createGain();
    this.output.connect(context.destination);
  }

  get muted() {
    return this.output.gain.value === 0;
  }

  setMuted(muted) {
    this.output.gain.value = muted ? 0 : 1;
  }

  get active() {
    return this.sources.size > 0;
  }

  /** Queues one chunk (ArrayBuffer of little-endian PCM16 mono at 24 kHz) right after the previous one. */
  enqueue(pcm16) {
    const samples = new Int16Array(pcm16, 0, Math.floor(pcm16.byteLength / 2));
    if (samples.length === 0) {
      return;
    }

    const buffer = this.context.createBuffer(1, samples.length, sourceRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) {
      channel[i] = samples[i] / 0x8000;
    }

    const now = this.context.currentTime;
    if (this.nextStartTime < now) {
      // Nothing queued (a new utterance) or the queue ran dry (an underrun, counted so a gap is visible).
      if (this.sources.size > 0) stats.playback.underruns++;
      this.nextStartTime = now + leadSeconds;
    }

    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output);
    source.onended = () => {
      this.sources.delete(source);
      if (this.sources.size === 0) this.onActiveChange(false);
    };
    source.start(this.nextStartTime);
    this.nextStartTime += buffer.duration;

    const wasIdle = this.sources.size === 0;
    this.sources.add(source);
    stats.playback.chunks++;
    stats.playback.samplesScheduled += samples.length;
    stats.playback.secondsScheduled = stats.playback.samplesScheduled / sourceRate;
    if (wasIdle) this.onActiveChange(true);
  }

  /** Barge-in: everything scheduled stops now. */
  stop() {
    const hadAudio = this.sources.size > 0;
    stats.playback.stoppedSources += this.sources.size;
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // Already finished.
      }
    }
    this.sources.clear();
    this.nextStartTime = 0;
    if (hadAudio) this.onActiveChange(false);
  }
}
