// The candidate protocol's names, in one place: the "type" of every message the page sends and every event the
// server sends, the reasons an interview ends and the speakers of the transcript. They mirror the server's
// src/Grains.Interfaces/Protocol (ClientMessageTypes, ServerEventTypes) and EndReasons/Speakers in
// src/Grains.Interfaces/InterviewSnapshot.cs; a name changed there must change here too.

/** The "type" of each JSON message the page sends (ClientMessageTypes). */
export const ClientMessage = Object.freeze({
  StartInterview: "start_interview",
  AudioChunk: "audio_chunk", // the page sends audio as binary frames instead; listed so the protocol is complete
  CommitTurn: "send_for_AI_processing",
  EndInterview: "end_interview",
  TextAnswer: "text_answer",
  Ping: "ping",
});

/** The "type" of each JSON event the server sends (ServerEventTypes). */
export const ServerEvent = Object.freeze({
  SessionReady: "session_ready",
  Resumed: "resumed",
  Thinking: "thinking",
  ThinkingComplete: "thinking_complete",
  AiAudioChunk: "ai_audio_chunk",
  AiResponseComplete: "ai_response_complete",
  Transcript: "transcript",
  SpeechStarted: "speech_started",
  SpeechStopped: "speech_stopped",
  QuestionProgress: "question_progress",
  TimeWarning: "time_warning",
  Interrupted: "interrupted",
  Notice: "notice",
  Reconnecting: "reconnecting",
  InterviewEnded: "interview_ended",
  Error: "error",
  Pong: "pong",
});

/** Why an interview ended, as interview_ended's "reason" says (EndReasons). */
export const EndReason = Object.freeze({
  Completed: "completed",
  CandidateEnded: "candidate_ended",
  TimeLimit: "time_limit",
  Idle: "idle_timeout",
  ProviderUnavailable: "provider_unavailable",
  Ended: "ended_by_platform",
});

/** Who said a transcript line (Speakers). */
export const Speaker = Object.freeze({
  Interviewer: "interviewer",
  Candidate: "candidate",
});

/** The messages the page sends, built here so their fields are spelled in one place too. */
export const messages = Object.freeze({
  /** Starts a new interview or resumes the one in progress; the server answers with session_ready or resumed. */
  startInterview: consent => (consent ? { type: ClientMessage.StartInterview, consent: true } : { type: ClientMessage.StartInterview }),
  endInterview: () => ({ type: ClientMessage.EndInterview }),
  textAnswer: text => ({ type: ClientMessage.TextAnswer, text }),
});
