// Who has the floor, for the speaker card: worked out from what the room knows, with no DOM, so it can be tested
// on its own.
import { Speaker } from "./protocol.js";

/** The speaker card's data-speaker when neither side is talking. */
export const Nobody = "none";

/**
 * Who has the floor and what the speaker card says. The interviewer comes first (its voice playing, or a response
 * being generated), then the candidate talking, then whose turn it is.
 */
export function describeSpeaker({ interviewerAudible, interviewerTalking, candidateTalking, textMode, muted }) {
  if (interviewerAudible || interviewerTalking) {
    return { who: Speaker.Interviewer, text: interviewerAudible ? "Interviewer is speaking" : "Interviewer is thinking…" };
  }
  if (candidateTalking) {
    return { who: Speaker.Candidate, text: "You are speaking" };
  }
  if (textMode) {
    return { who: Nobody, text: "Your turn: type your answer below" };
  }
  return { who: Nobody, text: muted ? "Your microphone is muted" : "Your turn: answer out loud" };
}
