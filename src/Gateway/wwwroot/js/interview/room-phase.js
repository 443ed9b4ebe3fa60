// Where the room is in the life of an interview, as a state machine with named phases and the transitions allowed
// between them. `RoomPhase.to` is the only place the phase changes; a transition the table does not allow is
// refused (and reported as false), so a late event — a reconnect notice after the end, a socket drop after a
// fatal error — cannot move the room back into an interview that is over.

export const Phase = Object.freeze({
  /** The page is loading the interview and starting audio and the avatar; no socket yet. */
  Preparing: "preparing",
  /** The socket is opening for the first time; start_interview goes once it is open. */
  Connecting: "connecting",
  /** The server has answered (session_ready or resumed): the interview is live. */
  Interviewing: "interviewing",
  /** The socket dropped (or the server asked us to reconnect); the interview resumes when the server says resumed. */
  Reconnecting: "reconnecting",
  /** interview_ended arrived: capture has stopped, the interviewer's last words may still be playing. */
  Ending: "ending",
  /** The room has handed over to the results page. */
  Ended: "ended",
  /** The interview cannot go on from this page (it is gone, or the connection could not be got back). */
  Failed: "failed",
  /** The candidate left the page before the interview ended. */
  Left: "left",
});

const transitions = Object.freeze({
  [Phase.Preparing]: [Phase.Connecting, Phase.Left],
  [Phase.Connecting]: [Phase.Interviewing, Phase.Reconnecting, Phase.Ending, Phase.Failed, Phase.Left],
  [Phase.Interviewing]: [Phase.Reconnecting, Phase.Ending, Phase.Failed, Phase.Left],
  [Phase.Reconnecting]: [Phase.Interviewing, Phase.Ending, Phase.Failed, Phase.Left],
  // Leaving while the last words play does not stop the hand-over to the results.
  [Phase.Ending]: [Phase.Ended],
  [Phase.Ended]: [],
  [Phase.Failed]: [Phase.Left],
  [Phase.Left]: [],
});

/** Whether the table allows going from one phase to another. */
export function canTransition(from, to) {
  return transitions[from]?.includes(to) ?? false;
}

export class RoomPhase {
  /** onChange(phase, previous) is called after every transition that happened. */
  constructor({ onChange } = {}) {
    this.current = Phase.Preparing;
    this.onChange = onChange ?? (() => {});
  }

  /** Moves to `next` when the table allows it; false (and nothing changes) when it does not. */
  to(next) {
    if (!canTransition(this.current, next)) {
      return false;
    }
    const previous = this.current;
    this.current = next;
    this.onChange(next, previous);
    return true;
  }

  is(...phases) {
    return phases.includes(this.current);
  }

  /** The interview is over for this page: ending, ended or left. */
  get over() {
    return this.is(Phase.Ending, Phase.Ended, Phase.Left);
  }
}
