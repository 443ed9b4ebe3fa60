// The room's sound: one AudioContext with the interviewer's voice (Playback) and the candidate's microphone
// (capture), and the interviewer's face (a Tavus replica) when the interview has one, which speaks the same voice.
// The room tells it what to play and when to stop; it tells the room when the voice starts and stops.
import { getAvatar } from "../api.js";
import { currentAccess } from "../access.js";
import { TavusAvatar } from "../avatar/tavus-avatar.js";
import { startCapture } from "../audio/capture.js";
import { Playback } from "../audio/playback.js";
import { stats } from "../stats.js";

export class RoomAudio {
  /**
   * onActiveChange(active): the interviewer's voice started or stopped playing. onNotice(text): something the
   * candidate must know or do ("" clears it).
   */
  constructor({ onActiveChange, onNotice }) {
    this.onActiveChange = onActiveChange;
    this.onNotice = onNotice;
    this.context = null;
    this.playback = null;
    this.capture = null;
    this.avatar = null;
    this.whenIdle = null; // resolves a wait for the interviewer's last words (see untilQuiet)
  }

  /** Whether the interviewer's voice is playing (scheduled audio not yet heard). */
  get active() {
    return this.playback?.active ?? false;
  }

  /** The interviewer's voice. Throws when this browser cannot play audio; the room then works by text. */
  async startOutput() {
    try {
      const context = new AudioContext({ latencyHint: "interactive" });
      this.context = context;
      stats.audioState = context.state;
      context.onstatechange = () => { stats.audioState = context.state; };
      this.playback = new Playback(context, {
        onActiveChange: active => {
          if (!active) this.whenIdle?.();
          this.onActiveChange(active);
        },
      });
      if (context.state === "suspended") {
        await this.resumeAfterGesture(context);
      }
    } catch (error) {
      this.context = null;
      this.playback = null;
      throw error;
    }
  }

  /** The microphone: onFrame(pcm, rms) every 20 ms. Throws a MicrophoneError that says why in words. */
  async startCapture(onFrame) {
    this.capture = await startCapture(this.context, onFrame);
  }

  /**
   * When the interview has an avatar, join its room and let the replica speak the interviewer's voice: the room's
   * own playback keeps running (its timing drives the speaker status and barge-in) but is muted while the
   * replica's audio plays, so the voice is heard once, lip-synced. Without one, or if it fails, nothing changes.
   */
  async startAvatar(interviewId, elements) {
    let avatar;
    try {
      const access = await currentAccess(interviewId);
      avatar = await getAvatar(interviewId, access.token);
    } catch {
      return; // No token or no answer: the interview itself will report what is wrong.
    }
    if (avatar?.provider !== "tavus") return;

    try {
      this.avatar = await TavusAvatar.join(avatar, {
        elements,
        onReplicaAudio: playing => this.playback?.setMuted(playing),
      });
    } catch {
      this.avatar = null;
      this.playback?.setMuted(false);
      this.onNotice("The interviewer's video could not be started; you will hear the interviewer as usual.");
    }
  }

  /** One chunk of the interviewer's voice, for the speakers and the replica's lips. */
  play(pcm) {
    this.playback?.enqueue(pcm);
    this.avatar?.speak(pcm);
  }

  /** Barge-in: the interviewer goes quiet at once, replica too. */
  interrupt() {
    this.playback?.stop();
    this.avatar?.interrupt();
  }

  /** The interviewer's response is complete (or was cut by a drop): the replica's utterance is over. */
  endUtterance() {
    this.avatar?.endUtterance();
  }

  setMuted(muted) {
    this.capture?.setMuted(muted);
  }

  stopCapture() {
    this.capture?.stop();
    this.capture = null;
  }

  /** Resolves when the interviewer's voice has finished playing, or after timeoutMs at the latest. */
  untilQuiet(timeoutMs) {
    if (!this.active) return Promise.resolve();
    return new Promise(resolve => {
      this.whenIdle = resolve;
      setTimeout(resolve, timeoutMs);
    });
  }

  /** The page went away while the avatar was joining: its room is left. */
  leaveAvatar() {
    this.avatar?.leave();
  }

  teardown() {
    this.avatar?.leave();
    this.avatar = null;
    this.stopCapture();
    this.playback?.stop();
    this.playback = null;
    this.context?.close();
    this.context = null;
  }

  /** Browsers may hold audio until the page is clicked (after a reload): ask for that click. */
  resumeAfterGesture(context) {
    return new Promise(resolve => {
      this.onNotice("Click anywhere or press a key to turn on the interview's audio.");
      const resume = async () => {
        await context.resume();
        this.onNotice("");
        resolve();
      };
      document.addEventListener("pointerdown", resume, { once: true });
      document.addEventListener("keydown", resume, { once: true });
    });
  }
}
