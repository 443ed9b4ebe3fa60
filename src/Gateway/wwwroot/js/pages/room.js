// The interview room: microphone → socket → interviewer, with the interviewer's voice, the live transcript,
// progress, time, mute, end, reconnects, and typing when there is no usable microphone. This file wires the parts
// together: the phase (interview/room-phase.js), the socket (interview/connection.js), the sound
// (interview/room-audio.js) and the page (interview/room-view.js), and says what each server event does.
import { getInterview } from "../api.js";
import { recallAccess } from "../access.js";
import { formatClock, showView } from "../dom.js";
import { ConnectionState, InterviewConnection } from "../interview/connection.js";
import { EndReason, ServerEvent, Speaker, messages } from "../interview/protocol.js";
import { RoomAudio } from "../interview/room-audio.js";
import { Phase, RoomPhase } from "../interview/room-phase.js";
import { RoomView } from "../interview/room-view.js";
import { describeSpeaker } from "../interview/speaker-status.js";
import { stats } from "../stats.js";

const endReasons = {
  [EndReason.Completed]: "The interview is complete.",
  [EndReason.CandidateEnded]: "You ended the interview.",
  [EndReason.TimeLimit]: "The interview reached its time limit.",
  [EndReason.Idle]: "The interview ended because nobody was connected for a while.",
  [EndReason.ProviderUnavailable]: "The interview ended because the interviewer became unavailable.",
  [EndReason.Ended]: "The interview was ended by the organiser.",
};

// How long the room waits for the interviewer's last words before showing the results anyway.
const lastWordsTimeoutMs = 30_000;

export function mountRoom(main, interviewId, navigate) {
  const view = new RoomView(showView(main, "view-room"));
  const { transcript } = view;
  const access = recallAccess(interviewId);
  const resultsPath = `/interview/${encodeURIComponent(interviewId)}/results`;

  // Within the interviewing phase: the clock, who is talking and how the candidate answers.
  const turn = {
    startedAt: null,
    capSeconds: null,
    interviewerTalking: false, // a response is being generated or played
    candidateTalking: false,
    textMode: false,
    muted: false,
  };

  const phase = new RoomPhase({ onChange: next => view.showPhase(next) });
  view.showPhase(phase.current);

  const audio = new RoomAudio({
    onActiveChange: () => renderSpeaker(),
    onNotice: text => view.showNotice(text),
  });

  /** What each server event does to the room; events not listed (thinking_complete, pong) change nothing. */
  const handlers = {
    [ServerEvent.SessionReady]: message => {
      phase.to(Phase.Interviewing);
      turn.capSeconds = message.max_duration_seconds;
      if (message.started_at) turn.startedAt = Date.parse(message.started_at);
      view.showProgress(message.question_index, message.question_count);
    },
    [ServerEvent.Resumed]: message => {
      phase.to(Phase.Interviewing);
      // A response cut by the drop is over for the replica too.
      audio.endUtterance();
      turn.startedAt = Date.now() - message.elapsed_seconds * 1000;
      view.showProgress(message.question_index, message.question_count);
      transcript.replaceWith(message.transcript);
    },
    [ServerEvent.Thinking]: () => {
      turn.interviewerTalking = true;
      turn.startedAt ??= Date.now();
      renderSpeaker();
    },
    [ServerEvent.AiAudioChunk]: message => {
      turn.interviewerTalking = true;
      view.showLevel(message.amplitude * 3);
    },
    [ServerEvent.AiResponseComplete]: () => {
      audio.endUtterance();
      turn.interviewerTalking = false;
      renderSpeaker();
    },
    [ServerEvent.Transcript]: message => transcript.add(message),
    [ServerEvent.SpeechStarted]: () => {
      turn.candidateTalking = true;
      renderSpeaker();
    },
    [ServerEvent.SpeechStopped]: () => {
      turn.candidateTalking = false;
      renderSpeaker();
    },
    [ServerEvent.QuestionProgress]: message => {
      view.showProgress(message.index, message.total);
      view.showQuestion(message.question);
    },
    [ServerEvent.TimeWarning]: message => {
      view.showWarning(`${formatClock(message.remaining_seconds)} left. ${message.message ?? ""}`.trim());
    },
    [ServerEvent.Interrupted]: () => {
      // Barge-in: the candidate is talking, so the interviewer goes quiet at once.
      stats.playback.interruptions++;
      audio.interrupt();
      turn.interviewerTalking = false;
      transcript.closePartial(Speaker.Interviewer);
      renderSpeaker();
    },
    [ServerEvent.Notice]: message => view.showNotice(message.message),
    [ServerEvent.Reconnecting]: () => {
      phase.to(Phase.Reconnecting);
      view.showConnection(ConnectionState.Reconnecting);
    },
    [ServerEvent.InterviewEnded]: message => {
      if (phase.to(Phase.Ending)) void finish(message.reason);
    },
    [ServerEvent.Error]: message => view.showNotice(message.message),
  };

  const connection = new InterviewConnection(interviewId, {
    consent: access?.consent === true,
    handlers: {
      onEvent: message => {
        if (Object.hasOwn(handlers, message.type)) handlers[message.type](message);
      },
      onAudio: pcm => audio.play(pcm),
      onState: connectionState => {
        view.showConnection(connectionState);
        if (connectionState === ConnectionState.Reconnecting) phase.to(Phase.Reconnecting);
      },
      onFatal: message => {
        phase.to(Phase.Failed);
        view.showDisconnected(message);
      },
    },
  });

  const clock = setInterval(renderClock, 500);
  void prepare();

  async function prepare() {
    view.showTitle(access?.title ? `Interview: ${access.title}` : "Interview");
    try {
      const interview = await getInterview(interviewId);
      if (interview.status === "completed") {
        navigate(resultsPath, { replace: true });
        return;
      }
      view.showTitle(`Interview: ${interview.skillTopic ?? interview.jobTitle}`);
      turn.capSeconds = interview.maxDurationMinutes * 60;
    } catch {
      // Interviews of a hiring platform are not readable without its key; the socket tells us what we need.
    }

    await startAudio();
    // The face joins before the interview starts, so the replica is there to say the greeting.
    await audio.startAvatar(interviewId, view.avatarElements);
    if (!phase.to(Phase.Connecting)) {
      audio.leaveAvatar(); // the candidate left the page meanwhile
      return;
    }
    connection.start();
  }

  async function startAudio() {
    try {
      await audio.startOutput();
    } catch {
      enterTextMode("Audio could not be started in this browser, so you will answer by typing. The interviewer's questions appear in the transcript.");
      return;
    }

    try {
      await audio.startCapture((pcm, rms) => {
        connection.sendAudio(pcm);
        if (!turn.interviewerTalking) view.showLevel(rms * 4);
      });
    } catch (error) {
      enterTextMode(`${error.message} You can continue the interview by typing your answers.`);
    }
  }

  function enterTextMode(reason) {
    turn.textMode = true;
    stats.mode = "text";
    view.showTextMode(reason);
    renderSpeaker();
  }

  /** The interview is over: the interviewer's last words may still be playing; let them finish, then the results. */
  async function finish(reason) {
    connection.close();
    audio.stopCapture();
    sessionStorage.setItem(`synchire.ended.${interviewId}`, endReasons[reason] ?? "The interview has ended.");
    if (reason !== EndReason.CandidateEnded && audio.active) {
      await audio.untilQuiet(lastWordsTimeoutMs);
    }
    phase.to(Phase.Ended);
    audio.teardown();
    navigate(resultsPath, { replace: true });
  }

  function renderClock() {
    const elapsed = turn.startedAt ? (Date.now() - turn.startedAt) / 1000 : 0;
    view.showClock(elapsed, turn.capSeconds);
  }

  function renderSpeaker() {
    view.showSpeaker(describeSpeaker({ ...turn, interviewerAudible: audio.active }));
  }

  view.onMute(() => {
    turn.muted = !turn.muted;
    audio.setMuted(turn.muted);
    view.showMuted(turn.muted);
    renderSpeaker();
  });

  view.onEnd(() => {
    if (phase.over) return;
    if (connection.send(messages.endInterview())) {
      view.showEnding();
    } else {
      view.showNotice("Not connected right now; try again in a moment.");
    }
  });

  view.onAnswer(text => {
    if (connection.send(messages.textAnswer(text))) return true;
    view.showNotice("Not connected right now; your answer is still in the box. Try again in a moment.");
    return false;
  });

  return () => {
    clearInterval(clock);
    connection.close();
    // Not once the interview has ended: finish() tears down after the last words and shows the results.
    if (phase.to(Phase.Left)) audio.teardown();
  };
}
