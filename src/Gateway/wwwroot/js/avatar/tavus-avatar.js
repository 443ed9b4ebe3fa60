// The interviewer's face in the room: a Tavus replica in echo mode, speaking the interview's own audio.
//
// Why the browser does this: Tavus takes echo audio only as app messages from a participant of the conversation's
// Daily room (there is no REST call for it, and Daily's REST app-message needs the room owner's key and allows 4 KB),
// and this page already receives every frame of the interviewer's voice. So it joins the room — camera and
// microphone off, because the candidate's voice keeps going to our socket — shows the replica's video, plays the
// replica's (lip-synced) audio instead of the room's own playback, and relays the voice frame by frame.
import { loadDaily } from "./daily-loader.js";
import { TavusEcho } from "./tavus-echo.js";
import { stats } from "../stats.js";

// Joining a Daily room takes a second or two; past this the interview goes on without the face.
const joinTimeoutMs = 20_000;
// Tavus's replica joins the room on its own; the first words wait this long for it, at most.
const replicaTimeoutMs = 10_000;

export class TavusAvatar {
  /**
   * Joins the conversation described by the server (GET /api/interviews/{id}/avatar) and resolves once the room is
   * joined and the replica is there (or has not come within replicaTimeoutMs). Rejects when daily-js cannot be
   * loaded or the join fails; the caller then carries on with its own playback.
   * elements: { container, video, audio }; onReplicaAudio(playing): the replica's voice started or stopped.
   */
  static async join(avatar, { elements, onReplicaAudio }) {
    stats.avatar.state = "loading";
    const Daily = await loadDaily(avatar.dailyJsUrl);
    const call = Daily.createCallObject({
      // No devices at all: the candidate's microphone is captured by the room for our socket, never by Daily.
      audioSource: false,
      videoSource: false,
      // CSP-friendly: no Function() over Daily's call bundle (see the README's note on Content-Security-Policy).
      dailyConfig: { avoidEval: true },
    });
    const avatarView = new TavusAvatar(call, avatar, elements, onReplicaAudio);
    try {
      stats.avatar.state = "joining";
      await withTimeout(call.join({ url: avatar.conversationUrl, startAudioOff: true, startVideoOff: true }), joinTimeoutMs,
        "Joining the avatar's room took too long.");
      stats.avatar.state = "joined";
      await avatarView.replicaPresent(replicaTimeoutMs);
      return avatarView;
    } catch (error) {
      avatarView.leave();
      stats.avatar.state = "failed";
      throw error;
    }
  }

  constructor(call, avatar, elements, onReplicaAudio) {
    this.call = call;
    this.elements = elements;
    this.onReplicaAudio = onReplicaAudio ?? (() => {});
    this.replicaAudioTrack = null;
    this.left = false;
    this.echo = new TavusEcho(call, avatar.conversationId, { onError: () => this.countEcho() });
    this.replicaArrived = null;
    this.whenReplica = new Promise(resolve => { this.replicaArrived = resolve; });

    call.on("participant-joined", ({ participant }) => {
      if (!participant?.local) this.replicaArrived();
    });
    call.on("track-started", ({ participant, track }) => this.showTrack(participant, track));
    call.on("track-stopped", ({ participant, track }) => this.hideTrack(participant, track));
    // The replica gone (its conversation ended at Tavus): no face, and the room's own voice again.
    call.on("participant-left", ({ participant }) => {
      if (!participant?.local) this.stopShowing();
    });
    call.on("left-meeting", () => this.stopShowing());
    call.on("error", () => this.stopShowing());
  }

  /** Resolves when a remote participant (the replica) is in the room, or after timeoutMs. */
  replicaPresent(timeoutMs) {
    if (Object.values(this.call.participants?.() ?? {}).some(p => !p.local)) {
      this.replicaArrived();
    }
    let timer;
    return Promise.race([this.whenReplica, new Promise(resolve => { timer = setTimeout(resolve, timeoutMs); })])
      .finally(() => clearTimeout(timer));
  }

  /** One frame of the interviewer's voice (PCM16 24 kHz). */
  speak(pcm) {
    if (this.left) return;
    this.echo.speak(pcm);
    this.countEcho();
  }

  /** The interviewer's response is complete. */
  endUtterance() {
    if (this.left) return;
    this.echo.endUtterance();
    this.countEcho();
  }

  /** The candidate talked over the interviewer: the replica stops too. */
  interrupt() {
    if (this.left) return;
    this.echo.interrupt();
    this.countEcho();
  }

  leave() {
    if (this.left) return;
    this.left = true;
    this.stopShowing();
    stats.avatar.state = "left";
    // leave() then destroy(): Daily allows one call object per page, and a later room creates its own.
    Promise.resolve()
      .then(() => this.call.leave())
      .catch(() => {})
      .then(() => this.call.destroy?.())
      .catch(() => {});
  }

  showTrack(participant, track) {
    if (!participant || participant.local || !track) return;
    this.replicaArrived();
    const { container, video, audio } = this.elements;
    if (track.kind === "video") {
      video.srcObject = new MediaStream([track]);
      container.hidden = false;
      video.play().catch(() => {});
    } else if (track.kind === "audio") {
      this.replicaAudioTrack = track;
      audio.srcObject = new MediaStream([track]);
      audio.play().catch(() => {});
      stats.avatar.localPlaybackMuted = true;
      this.onReplicaAudio(true);
    }
  }

  hideTrack(participant, track) {
    if (!participant || participant.local || !track) return;
    if (track.kind === "video") {
      this.elements.video.srcObject = null;
      this.elements.container.hidden = true;
    } else if (track === this.replicaAudioTrack) {
      this.stopReplicaAudio();
    }
  }

  /** The room is gone: the interviewer's voice is the room's own playback again. */
  stopShowing() {
    this.elements.video.srcObject = null;
    this.elements.container.hidden = true;
    this.stopReplicaAudio();
  }

  stopReplicaAudio() {
    if (!this.replicaAudioTrack) return;
    this.replicaAudioTrack = null;
    this.elements.audio.srcObject = null;
    stats.avatar.localPlaybackMuted = false;
    this.onReplicaAudio(false);
  }

  countEcho() {
    const counts = this.echo.counts;
    Object.assign(stats.avatar, {
      echoMessages: counts.messages,
      echoAudioBytes: counts.audioBytes,
      utterances: counts.utterances,
      interrupts: counts.interrupts,
      sendFailures: counts.failures,
    });
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); })])
    .finally(() => clearTimeout(timer));
}
