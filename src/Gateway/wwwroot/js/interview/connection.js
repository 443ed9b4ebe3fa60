// The interview's WebSocket: connects with a candidate token, starts (or resumes) the interview, and when the
// socket drops (the gateway restarting, a silo moving, the network) reconnects with backoff and a fresh token.
import { ApiError } from "../api.js";
import { currentAccess, refreshAccess, socketUrl } from "../access.js";
import { stats } from "../stats.js";
import { ServerEvent, messages } from "./protocol.js";

// Waits between reconnect attempts; the last one repeats.
const backoffMs = [250, 500, 1000, 2000, 4000, 8000];
// Giving up after this long without a connection: the interview has probably ended or the link is gone.
const giveUpAfterMs = 5 * 60 * 1000;

/** What onState reports: the socket is opening for the first time, open, being reopened, or closed for good. */
export const ConnectionState = Object.freeze({
  Connecting: "connecting",
  Open: "open",
  Reconnecting: "reconnecting",
  Closed: "closed",
});

export class InterviewConnection {
  /** handlers: onEvent(message), onAudio(ArrayBuffer), onState(a ConnectionState, detail), onFatal(message). */
  constructor(interviewId, { consent, handlers }) {
    this.interviewId = interviewId;
    this.consent = consent;
    this.handlers = handlers;
    this.socket = null;
    this.finished = false;
    this.attempt = 0;
    this.disconnectedSince = null;
    this.retryTimer = null;
  }

  start() {
    this.open(false);
  }

  sendAudio(pcm) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(pcm);
      stats.capture.framesSent++;
    }
  }

  /** Sends a JSON message; false when the socket is not open (the caller tells the candidate). */
  send(message) {
    if (this.socket?.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Stops for good (the interview ended, or the candidate left the page). */
  close() {
    this.finished = true;
    clearTimeout(this.retryTimer);
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) {
      this.socket.close(1000, "done");
    }
    this.handlers.onState(ConnectionState.Closed);
  }

  async open(isRetry) {
    if (this.finished) return;
    this.handlers.onState(isRetry ? ConnectionState.Reconnecting : ConnectionState.Connecting, { attempt: this.attempt });
    let access;
    try {
      // After a drop the old token may have expired or been signed by a process that is gone: always get a new one.
      access = isRetry ? await refreshAccess(this.interviewId) : await currentAccess(this.interviewId);
    } catch (error) {
      if (error instanceof ApiError && [404, 410].includes(error.status)) {
        this.finished = true;
        this.handlers.onFatal(error.message);
        return;
      }
      this.scheduleRetry();
      return;
    }

    if (this.finished) return;
    const socket = new WebSocket(socketUrl(this.interviewId, access));
    socket.binaryType = "arraybuffer";
    this.socket = socket;

    socket.onopen = () => {
      stats.socket.opens++;
      this.attempt = 0;
      this.disconnectedSince = null;
      this.handlers.onState(ConnectionState.Open);
      // Starts a new interview or resumes the one in progress; the server answers with session_ready/resumed.
      socket.send(JSON.stringify(messages.startInterview(this.consent)));
    };

    socket.onmessage = ({ data }) => {
      if (typeof data === "string") {
        let message;
        try {
          message = JSON.parse(data);
        } catch {
          return;
        }
        stats.socket.eventsReceived++;
        stats.socket.lastEvent = message.type;
        if (message.type === ServerEvent.InterviewEnded) {
          this.finished = true;
        } else if (message.type === ServerEvent.Reconnecting) {
          stats.socket.reconnectNotices++;
        }
        this.handlers.onEvent(message);
      } else {
        this.handlers.onAudio(data);
      }
    };

    socket.onclose = () => {
      stats.socket.closes++;
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.finished) {
        this.handlers.onState(ConnectionState.Closed);
        return;
      }
      this.scheduleRetry();
    };
  }

  scheduleRetry() {
    if (this.finished) return;
    this.disconnectedSince ??= Date.now();
    if (Date.now() - this.disconnectedSince > giveUpAfterMs) {
      this.finished = true;
      this.handlers.onFatal("We lost the connection to the interview and could not get it back.");
      return;
    }
    const delay = backoffMs[Math.min(this.attempt, backoffMs.length - 1)];
    this.attempt++;
    this.handlers.onState(ConnectionState.Reconnecting, { attempt: this.attempt, delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(true), delay);
  }
}
