// What the room shows: title, progress, question, clock, connection, notices, who is speaking and how loud, the
// transcript, and the controls (mute, end, the typed-answer box). It renders what it is told and reports what the
// candidate does; it decides nothing about the interview.
import { formatClock, showMessage } from "../dom.js";
import { ConnectionState } from "./connection.js";
import { Nobody } from "./speaker-status.js";
import { TranscriptView } from "./transcript-view.js";

const connectionLabels = {
  [ConnectionState.Connecting]: "Connecting…",
  [ConnectionState.Open]: "Connected",
  [ConnectionState.Reconnecting]: "Connection lost, reconnecting…",
  [ConnectionState.Closed]: "Disconnected",
};
// The visualiser's five bars, tallest in the middle.
const barShape = [0.5, 0.8, 1, 0.8, 0.5];

export class RoomView {
  constructor(view) {
    this.view = view;
    this.title = view.querySelector("#room-title");
    this.progress = view.querySelector("#question-progress");
    this.question = view.querySelector("#current-question");
    this.elapsed = view.querySelector("#elapsed");
    this.cap = view.querySelector("#cap");
    this.connection = view.querySelector("#connection-status");
    this.warning = view.querySelector("#time-warning");
    this.notice = view.querySelector("#room-notice");
    this.speakerCard = view.querySelector("#speaker-card");
    this.speaker = view.querySelector("#speaker-status");
    this.bars = [...view.querySelectorAll(".visualiser span")];
    this.mute = view.querySelector("#mute-button");
    this.end = view.querySelector("#end-button");
    this.textForm = view.querySelector("#text-answer-form");
    this.textInput = view.querySelector("#text-answer");
    this.avatarElements = {
      container: view.querySelector("#avatar"),
      video: view.querySelector("#avatar-video"),
      audio: view.querySelector("#avatar-audio"),
    };
    this.transcript = new TranscriptView(view.querySelector("#transcript"));
  }

  showTitle(text) {
    this.title.textContent = text;
  }

  /** For debugging and tests: where the room is in the interview (see room-phase.js). */
  showPhase(phase) {
    this.view.dataset.phase = phase;
  }

  showNotice(text) {
    showMessage(this.notice, text);
  }

  showWarning(text) {
    showMessage(this.warning, text);
  }

  /** index is 1-based, 0 before the first question. */
  showProgress(index, total) {
    if (total > 0 && index > 0) {
      this.progress.textContent = `Question ${index} of ${total}`;
    } else if (total > 0) {
      this.progress.textContent = `${total} questions`;
    }
  }

  showQuestion(text) {
    this.question.textContent = text;
  }

  showClock(elapsedSeconds, capSeconds) {
    this.elapsed.textContent = formatClock(elapsedSeconds);
    if (capSeconds) this.cap.textContent = formatClock(capSeconds);
  }

  showConnection(connectionState) {
    this.connection.textContent = connectionLabels[connectionState] ?? connectionState;
    this.connection.dataset.state = connectionState;
    this.view.dataset.connection = connectionState;
  }

  /** The connection is gone for good: the notice says why. */
  showDisconnected(message) {
    showMessage(this.notice, message);
    this.speaker.textContent = "Disconnected";
  }

  /** A describeSpeaker result; nobody speaking also flattens the visualiser. */
  showSpeaker({ who, text }) {
    this.speakerCard.dataset.speaker = who;
    if (this.speaker.textContent !== text) this.speaker.textContent = text;
    if (who === Nobody) this.showLevel(0);
  }

  /** The visualiser's height, 0…1 (clamped). */
  showLevel(level) {
    const clamped = Math.min(1, Math.max(0, level));
    this.bars.forEach((bar, i) => {
      bar.style.height = `${Math.max(12, clamped * barShape[i] * 100)}%`;
    });
  }

  /** No usable microphone (or no audio at all): the answer box replaces the microphone controls. */
  showTextMode(reason) {
    this.view.dataset.mode = "text";
    showMessage(this.notice, reason);
    this.textForm.hidden = false;
    this.mute.hidden = true;
  }

  showMuted(muted) {
    this.mute.setAttribute("aria-pressed", String(muted));
    this.mute.textContent = muted ? "Unmute microphone" : "Mute microphone";
  }

  showEnding() {
    this.end.disabled = true;
    this.end.textContent = "Ending…";
  }

  onMute(handler) {
    this.mute.addEventListener("click", handler);
  }

  onEnd(handler) {
    this.end.addEventListener("click", handler);
  }

  /**
   * handler(text) for a non-empty typed answer; it returns whether the answer was sent, and a sent answer is
   * cleared from the box. An empty one only puts the focus back in the box.
   */
  onAnswer(handler) {
    this.textForm.addEventListener("submit", event => {
      event.preventDefault();
      const text = this.textInput.value.trim();
      if (!text) {
        this.textInput.focus();
        return;
      }
      if (handler(text)) this.textInput.value = "";
    });
  }
}
