// Counters of what the app really did, read by the browser tests (window.__synchire) and useful when a candidate
// reports a problem. They count events at the point they happen; nothing here is derived or estimated.
export const stats = {
  capture: { frames: 0, framesSent: 0, peakRms: 0 },
  playback: { chunks: 0, samplesScheduled: 0, secondsScheduled: 0, underruns: 0, interruptions: 0, stoppedSources: 0 },
  socket: { opens: 0, closes: 0, reconnectNotices: 0, eventsReceived: 0, lastEvent: null },
  // The interviewer's avatar (Tavus, echo mode): joined, echo messages relayed, local voice muted for it.
  avatar: { state: "none", echoMessages: 0, echoAudioBytes: 0, utterances: 0, interrupts: 0, sendFailures: 0, localPlaybackMuted: false },
  mode: "voice",
  // The room's AudioContext: "running" while the interviewer can be heard.
  audioState: "none",
};

window.__synchire = stats;
