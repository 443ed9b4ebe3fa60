// The microphone: getUserMedia → AudioWorklet (capture-worklet.js) → 20 ms PCM16 16 kHz frames.
import { stats } from "../stats.js";

/** Why the microphone could not be used, in words for the candidate. */
export class MicrophoneError extends Error {
  constructor(reason, cause) {
    super(reason);
    this.cause = cause;
  }
}

/**
 * Starts capturing. onFrame(ArrayBuffer pcm16, rms) is called every 20 ms. While muted, frames carry silence so the
 * server's voice detection still sees the candidate's turn end. Returns { setMuted, stop }.
 */
export async function startCapture(context, onFrame) {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicrophoneError("This browser cannot use a microphone here (the page needs https or localhost).");
  }

  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch (error) {
    throw new MicrophoneError(describe(error), error);
  }

  try {
    await context.audioWorklet.addModule("/js/audio/capture-worklet.js");
    const source = context.createMediaStreamSource(stream);
    const worklet = new AudioWorkletNode(context, "synchire-capture", { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1 });
    // A silent path to the destination keeps the worklet pulled by the graph in every browser.
    const sink = context.createGain();
    sink.gain.value = 0;
    source.connect(worklet).connect(sink).connect(context.destination);

    let muted = false;
    worklet.port.onmessage = ({ data }) => {
      stats.capture.frames++;
      stats.capture.peakRms = Math.max(stats.capture.peakRms, data.rms);
      onFrame(muted ? new ArrayBuffer(data.pcm.byteLength) : data.pcm, muted ? 0 : data.rms);
    };

    return {
      setMuted(value) {
        muted = value;
        stream.getAudioTracks().forEach(track => { track.enabled = !value; });
      },
      stop() {
        worklet.port.onmessage = null;
        source.disconnect();
        worklet.disconnect();
        sink.disconnect();
        stream.getTracks().forEach(track => track.stop());
      },
    };
  } catch (error) {
    stream.getTracks().forEach(track => track.stop());
    throw new MicrophoneError("Your microphone works, but this browser could not process its audio.", error);
  }
}

function describe(error) {
  switch (error?.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Microphone access was blocked.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found.";
    case "NotReadableError":
      return "The microphone is in use by another application or could not be started.";
    default:
      return "The microphone could not be started.";
  }
}
