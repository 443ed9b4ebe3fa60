// Runs on the audio thread. Turns the microphone's float samples (at the AudioContext's rate, usually 48 kHz)
// into 16 kHz PCM16 and posts one 20 ms frame (320 samples, 640 bytes) at a time, with the frame's level.
const targetRate = 16000;
const frameSamples = 320;

class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    // Box-filter decimation: each output sample is the mean of the input samples that fall into its 1/16000 s.
    // That is the low-pass that keeps speech clean when going down from 44.1/48 kHz; no aliasing hiss above 8 kHz.
    this.step = targetRate / sampleRate;
    this.phase = 0;
    this.sum = 0;
    this.count = 0;
    this.frame = new Int16Array(frameSamples);
    this.filled = 0;
    this.energy = 0;
  }

  process(inputs) {
    const channel = inputs[0]?.[0];
    if (!channel) {
      return true;
    }

    for (let i = 0; i < channel.length; i++) {
      this.sum += channel[i];
      this.count++;
      this.phase += this.step;
      if (this.phase >= 1) {
        this.phase -= 1;
        this.push(this.sum / this.count);
        this.sum = 0;
        this.count = 0;
      }
    }
    return true;
  }

  push(value) {
    const clamped = Math.max(-1, Math.min(1, value));
    this.frame[this.filled++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    this.energy += clamped * clamped;
    if (this.filled === frameSamples) {
      const pcm = this.frame.buffer;
      this.port.postMessage({ pcm, rms: Math.sqrt(this.energy / frameSamples) }, [pcm]);
      this.frame = new Int16Array(frameSamples);
      this.filled = 0;
      this.energy = 0;
    }
  }
}

registerProcessor("synchire-capture", CaptureProcessor);
