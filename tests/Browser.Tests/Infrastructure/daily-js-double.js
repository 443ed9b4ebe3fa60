// A test double of daily-js, served by Playwright at the configured daily-js URL. It is not Daily: Daily's rooms
// are WebRTC sessions with Daily's servers (and the replica is Tavus's), which cannot be stood up on this machine,
// so the double stops where the page hands data to Daily. It offers what the room page uses of the library —
// Daily.createCallObject(), join(), on(), participants(), sendAppMessage(), leave(), destroy() — records every call
// in window.__dailyDouble, and after the join plays Tavus's part: a replica participant joins with real
// MediaStreamTracks (a canvas for the face, WebAudio for the voice), so the page's video and audio wiring runs for real.
(() => {
  const record = { created: [], joins: [], appMessages: [], left: 0, destroyed: 0 };
  window.__dailyDouble = record;
  const utf8 = new TextEncoder();

  class CallObjectDouble {
    constructor(options) {
      record.created.push(JSON.parse(JSON.stringify(options ?? {})));
      this.handlers = new Map();
      this.state = "new";
      this.local = { session_id: "local", local: true, user_name: "" };
      this.replica = null;
    }

    on(event, handler) {
      if (!this.handlers.has(event)) this.handlers.set(event, new Set());
      this.handlers.get(event).add(handler);
      return this;
    }

    off(event, handler) {
      this.handlers.get(event)?.delete(handler);
      return this;
    }

    emit(event, payload) {
      for (const handler of this.handlers.get(event) ?? []) handler({ action: event, ...payload });
    }

    participants() {
      return this.replica ? { local: this.local, [this.replica.session_id]: this.replica } : { local: this.local };
    }

    meetingState() {
      return this.state;
    }

    async join(options) {
      record.joins.push(JSON.parse(JSON.stringify(options ?? {})));
      this.state = "joined-meeting";
      this.emit("joined-meeting", { participants: this.participants() });
      // Tavus's replica is already in its room; it shows up right after our join, as Daily reports it.
      queueMicrotask(() => this.replicaJoins());
      return this.participants();
    }

    replicaJoins() {
      const canvas = document.createElement("canvas");
      canvas.width = 320;
      canvas.height = 180;
      const paint = canvas.getContext("2d");
      paint.fillStyle = "#3a6ea5";
      paint.fillRect(0, 0, canvas.width, canvas.height);
      const video = canvas.captureStream(5).getVideoTracks()[0];
      const voice = new AudioContext().createMediaStreamDestination().stream.getAudioTracks()[0];
      this.replica = { session_id: "tavus-replica", local: false, user_name: "Tavus replica" };
      this.emit("participant-joined", { participant: this.replica });
      this.emit("track-started", { participant: this.replica, track: video, type: "video" });
      this.emit("track-started", { participant: this.replica, track: voice, type: "audio" });
    }

    sendAppMessage(data, to) {
      if (this.state !== "joined-meeting") {
        throw new Error("sendAppMessage() before join() (daily-js refuses it too)");
      }
      const json = JSON.stringify(data);
      record.appMessages.push({ json, bytes: utf8.encode(json).length, to });
      return "message-id";
    }

    async leave() {
      record.left++;
      this.state = "left-meeting";
      this.emit("left-meeting", {});
    }

    async destroy() {
      record.destroyed++;
    }
  }

  window.Daily = { createCallObject: options => new CallObjectDouble(options) };
})();
