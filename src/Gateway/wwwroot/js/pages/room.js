// The interview room: microphone → socket → interviewer, with the interviewer's voice, the live transcript,
// progress, time, mute, end, reconnects, and typing when there is no usable microphone.
import { getAvatar, getInterview } from "../api.js";
import { currentAccess, recallAccess } from "../access.js";
import { TavusAvatar } from "../avatar/tavus-avatar.js";
import { formatClock, showMessage, showView } from "../dom.js";
import { startCapture } from "../audio/capture.js";
import { Playback } from "../audio/playback.js";
import { InterviewConnection } from "../interview/connection.js";
import { TranscriptView } from "../interview/transcript-view.js";
import { stats } from "../stats.js";

const endReasons = {
  completed: "The interview is complete.",
  candidate_ended: "You ended the interview.",
  time_limit: "The interview reached its time limit.",
  idle_timeout: "The interview ended because nobody was connected for a while.",
  provider_unavailable: "The interview ended because the interviewer became unavailable.",
  ended_by_platform: "The interview was ended by the organiser.",
};

export function mountRoom(main, interviewId, navigate) {
  const view = showView(main, "view-room");
  const ui = {
    title: view.querySelector("#room-title"),
    progress: view.querySelector("#question-progress"),
    question: view.querySelector("#current-question"),
    elapsed: view.querySelector("#elapsed"),
    cap: view.querySelector("#cap"),
    connection: view.querySelector("#connection-status"),
    warning: view.querySelector("#time-warning"),
    notice: view.querySelector("#room-notice"),
    speakerCard: view.querySelector("#speaker-card"),
    speaker: view.querySelector("#speaker-status"),
    bars: [...view.querySelectorAll(".visualiser span")],
    mute: view.querySelector("#mute-button"),
    end: view.querySelector("#end-button"),
    textForm: view.querySelector("#text-answer-form"),
    textInput: view.querySelector("#text-answer"),
    avatar: {
      container: view.querySelector("#avatar"),
      video: view.querySelector("#avatar-video"),
      audio: view.querySelector("#avatar-audio"),
    },
  };
  const transcript = new TranscriptView(view.querySelector("#transcript"));
  const access = recallAccess(interviewId);

  const state = {
    startedAt: null,
    capSeconds: null,
    interviewerTalking: false, // a response is being generated or played
    candidateTalking: false,
    textMode: false,
    ended: false,
    capture: null,
    playback: null,
    context: null,
    muted: false,
    whenPlaybackIdle: null,
    avatar: null, // the interviewer's face (Tavus), when the interview has one
    unmounted: false,
  };

  const connection = new InterviewConnection(interviewId, {
    consent: access?.consent === true,
    handlers: {
      onEvent: handleEvent,
      onAudio: pcm => {
        state.playback?.enqueue(pcm);
        state.avatar?.speak(pcm);
      },
      onState: showConnection,
      onFatal: message => {
        showMessage(ui.notice, message);
        ui.speaker.textContent = "Disconnected";
      },
    },
  });

  const clock = setInterval(renderClock, 500);
  void prepare();

  async function prepare() {
    ui.title.textContent = access?.title ? `Interview: ${access.title}` : "Interview";
    try {
      const interview = await getInterview(interviewId);
      if (interview.status === "completed") {
        navigate(`/interview/${encodeURIComponent(interviewId)}/results`, { replace: true });
        return;
      }
      ui.title.textContent = `Interview: ${interview.skillTopic ?? interview.jobTitle}`;
      state.capSeconds = interview.maxDurationMinutes * 60;
    } catch {
      // Interviews of a hiring platform are not readable without its key; the socket tells us what we need.
    }

    await startAudio();
    // The face joins before the interview starts, so the replica is there to say the greeting.
    await startAvatar();
    if (state.unmounted) {
      state.avatar?.leave();
      return;
    }
    connection.start();
  }

  /**
   * When the interview has an avatar, join its room and let the replica speak the interviewer's voice: the room's
   * own playback keeps running (its timing drives the speaker status and barge-in) but is muted while the
   * replica's audio plays, so the voice is heard once, lip-synced. Without one, or if it fails, nothing changes.
   */
  async function startAvatar() {
    let avatar;
    try {
      const access = await currentAccess(interviewId);
      avatar = await getAvatar(interviewId, access.token);
    } catch {
      return; // No token or no answer: the interview itself will report what is wrong.
    }
    if (avatar?.provider !== "tavus") return;

    try {
      state.avatar = await TavusAvatar.join(avatar, {
        elements: ui.avatar,
        onReplicaAudio: playing => state.playback?.setMuted(playing),
      });
    } catch {
      state.avatar = null;
      state.playback?.setMuted(false);
      showMessage(ui.notice, "The interviewer's video could not be started; you will hear the interviewer as usual.");
    }
  }

  async function startAudio() {
    try {
      const context = new AudioContext({ latencyHint: "interactive" });
      state.context = context;
      stats.audioState = context.state;
      context.onstatechange = () => { stats.audioState = context.state; };
      state.playback = new Playback(state.context, {
        onActiveChange: active => {
          if (!active) state.whenPlaybackIdle?.();
          renderSpeaker();
        },
      });
      if (state.context.state === "suspended") {
        await resumeAfterGesture(state.context);
      }
    } catch {
      state.context = null;
      state.playback = null;
      enterTextMode("Audio could not be started in this browser, so you will answer by typing. The interviewer's questions appear in the transcript.");
      return;
    }

    try {
      state.capture = await startCapture(state.context, (pcm, rms) => {
        connection.sendAudio(pcm);
        if (!state.interviewerTalking) renderLevel(rms * 4);
      });
    } catch (error) {
      enterTextMode(`${error.message} You can continue the interview by typing your answers.`);
    }
  }

  /** Browsers may hold audio until the page is clicked (after a reload): ask for that click. */
  function resumeAfterGesture(context) {
    return new Promise(resolve => {
      showMessage(ui.notice, "Click anywhere or press a key to turn on the interview's audio.");
      const resume = async () => {
        await context.resume();
        showMessage(ui.notice, "");
        resolve();
      };
      document.addEventListener("pointerdown", resume, { once: true });
      document.addEventListener("keydown", resume, { once: true });
    });
  }

  function enterTextMode(reason) {
    state.textMode = true;
    stats.mode = "text";
    view.dataset.mode = "text";
    showMessage(ui.notice, reason);
    ui.textForm.hidden = false;
    ui.mute.hidden = true;
    renderSpeaker();
  }

  function handleEvent(message) {
    switch (message.type) {
      case "session_ready":
        state.capSeconds = message.max_duration_seconds;
        if (message.started_at) state.startedAt = Date.parse(message.started_at);
        renderProgress(message.question_index, message.question_count);
        break;
      case "resumed":
        // A response cut by the drop is over for the replica too.
        state.avatar?.endUtterance();
        state.startedAt = Date.now() - message.elapsed_seconds * 1000;
        renderProgress(message.question_index, message.question_count);
        transcript.replaceWith(message.transcript);
        break;
      case "thinking":
        state.interviewerTalking = true;
        state.startedAt ??= Date.now();
        renderSpeaker();
        break;
      case "ai_audio_chunk":
        state.interviewerTalking = true;
        renderLevel(message.amplitude * 3);
        break;
      case "ai_response_complete":
        state.avatar?.endUtterance();
        state.interviewerTalking = false;
        renderSpeaker();
        break;
      case "transcript":
        transcript.add(message);
        break;
      case "speech_started":
        state.candidateTalking = true;
        renderSpeaker();
        break;
      case "speech_stopped":
        state.candidateTalking = false;
        renderSpeaker();
        break;
      case "question_progress":
        renderProgress(message.index, message.total);
        ui.question.textContent = message.question;
        break;
      case "time_warning":
        showMessage(ui.warning, `${formatClock(message.remaining_seconds)} left. ${message.message ?? ""}`.trim());
        break;
      case "interrupted":
        // Barge-in: the candidate is talking, so the interviewer goes quiet at once.
        stats.playback.interruptions++;
        state.playback?.stop();
        state.avatar?.interrupt();
        state.interviewerTalking = false;
        transcript.closePartial("interviewer");
        renderSpeaker();
        break;
      case "notice":
        showMessage(ui.notice, message.message);
        break;
      case "reconnecting":
        showConnection("reconnecting");
        break;
      case "interview_ended":
        finish(message.reason);
        break;
      case "error":
        showMessage(ui.notice, message.message);
        break;
    }
  }

  /** The interview is over: the interviewer's last words may still be playing; let them finish, then the results. */
  async function finish(reason) {
    state.ended = true;
    connection.close();
    state.capture?.stop();
    state.capture = null;
    sessionStorage.setItem(`synchire.ended.${interviewId}`, endReasons[reason] ?? "The interview has ended.");
    if (reason !== "candidate_ended" && state.playback?.active) {
      await new Promise(resolve => {
        state.whenPlaybackIdle = resolve;
        setTimeout(resolve, 30_000);
      });
    }
    teardownAudio();
    navigate(`/interview/${encodeURIComponent(interviewId)}/results`, { replace: true });
  }

  function renderProgress(index, total) {
    if (total > 0 && index > 0) {
      ui.progress.textContent = `Question ${index} of ${total}`;
    } else if (total > 0) {
      ui.progress.textContent = `${total} questions`;
    }
  }

  function renderClock() {
    const elapsed = state.startedAt ? (Date.now() - state.startedAt) / 1000 : 0;
    ui.elapsed.textContent = formatClock(elapsed);
    if (state.capSeconds) ui.cap.textContent = formatClock(state.capSeconds);
  }

  function renderSpeaker() {
    let who = "none";
    let text;
    if (state.playback?.active || state.interviewerTalking) {
      who = "interviewer";
      text = state.playback?.active ? "Interviewer is speaking" : "Interviewer is thinking…";
    } else if (state.candidateTalking) {
      who = "candidate";
      text = "You are speaking";
    } else if (state.textMode) {
      text = "Your turn: type your answer below";
    } else {
      text = state.muted ? "Your microphone is muted" : "Your turn: answer out loud";
    }
    ui.speakerCard.dataset.speaker = who;
    if (ui.speaker.textContent !== text) ui.speaker.textContent = text;
    if (who === "none") renderLevel(0);
  }

  function renderLevel(level) {
    const clamped = Math.min(1, Math.max(0, level));
    ui.bars.forEach((bar, i) => {
      const shape = [0.5, 0.8, 1, 0.8, 0.5][i];
      bar.style.height = `${Math.max(12, clamped * shape * 100)}%`;
    });
  }

  function showConnection(connectionState) {
    const labels = { connecting: "Connecting…", open: "Connected", reconnecting: "Connection lost, reconnecting…", closed: "Disconnected" };
    ui.connection.textContent = labels[connectionState] ?? connectionState;
    ui.connection.dataset.state = connectionState;
    view.dataset.connection = connectionState;
  }

  ui.mute.addEventListener("click", () => {
    state.muted = !state.muted;
    state.capture?.setMuted(state.muted);
    ui.mute.setAttribute("aria-pressed", String(state.muted));
    ui.mute.textContent = state.muted ? "Unmute microphone" : "Mute microphone";
    renderSpeaker();
  });

  ui.end.addEventListener("click", () => {
    if (state.ended) return;
    if (connection.send({ type: "end_interview" })) {
      ui.end.disabled = true;
      ui.end.textContent = "Ending…";
    } else {
      showMessage(ui.notice, "Not connected right now; try again in a moment.");
    }
  });

  ui.textForm.addEventListener("submit", event => {
    event.preventDefault();
    const text = ui.textInput.value.trim();
    if (!text) {
      ui.textInput.focus();
      return;
    }
    if (connection.send({ type: "text_answer", text })) {
      ui.textInput.value = "";
    } else {
      showMessage(ui.notice, "Not connected right now; your answer is still in the box. Try again in a moment.");
    }
  });

  function teardownAudio() {
    state.avatar?.leave();
    state.avatar = null;
    state.capture?.stop();
    state.capture = null;
    state.playback?.stop();
    state.playback = null;
    state.context?.close();
    state.context = null;
  }

  return () => {
    state.unmounted = true;
    clearInterval(clock);
    connection.close();
    if (!state.ended) teardownAudio();
  };
}
