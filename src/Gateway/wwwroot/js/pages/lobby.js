// The lobby for a platform's invitation link (/join/{token}): who the interview is for, a microphone check with a
// level meter, consent, then the room. The invitation token is kept so the room can get fresh connect tokens.
import { joinByInvitation } from "../api.js";
import { rememberAccess } from "../access.js";
import { setFieldError, showMessage, showView } from "../dom.js";
import { startCapture } from "../audio/capture.js";

export function mountLobby(main, invitationToken, navigate) {
  const view = showView(main, "view-lobby");
  const summary = view.querySelector("#lobby-summary");
  const body = view.querySelector("#lobby-body");
  const meter = view.querySelector("#mic-meter");
  const fill = view.querySelector("#mic-meter-fill");
  const micStatus = view.querySelector("#mic-status");
  const consent = view.querySelector("#lobby-consent");
  const consentError = view.querySelector("#lobby-consent-error");
  const join = view.querySelector("#join-button");
  const error = view.querySelector("#lobby-error");
  let joined = null;
  let context = null;
  let capture = null;
  let heard = false;

  void load();

  async function load() {
    try {
      joined = await joinByInvitation(invitationToken);
    } catch (problem) {
      summary.textContent = "This invitation cannot be used.";
      showMessage(error, problem.message);
      return;
    }

    const interview = joined.interview;
    summary.textContent = `Hello ${interview.candidateName}. This is your interview for ${interview.role}: `
      + `${interview.questionCount} questions, at most ${interview.maxDurationMinutes} minutes.`;
    body.hidden = false;
    await checkMicrophone();
  }

  async function checkMicrophone() {
    try {
      context = new AudioContext();
      capture = await startCapture(context, (_pcm, rms) => {
        const level = Math.min(100, Math.round(rms * 400));
        fill.style.width = `${level}%`;
        meter.setAttribute("aria-valuenow", String(level));
        if (level > 5 && !heard) {
          heard = true;
          micStatus.textContent = "We can hear you. Your microphone works.";
        }
      });
      micStatus.textContent = "Microphone on. Say a few words to test it.";
    } catch (problem) {
      micStatus.textContent = `${problem.message} You can still take the interview by typing your answers.`;
    }
  }

  join.addEventListener("click", () => {
    if (!consent.checked) {
      setFieldError(consent, consentError, "Please agree to the recording to join the interview.");
      consent.focus();
      return;
    }
    setFieldError(consent, consentError, "");
    rememberAccess(joined.interviewId, {
      token: joined.candidateToken,
      tokenExpiresAt: joined.tokenExpiresAt,
      websocketUrl: joined.websocketUrl,
      invitationToken,
      consent: true,
      title: joined.interview.role,
    });
    navigate(`/interview/${encodeURIComponent(joined.interviewId)}`);
  });

  return () => {
    capture?.stop();
    context?.close();
  };
}
