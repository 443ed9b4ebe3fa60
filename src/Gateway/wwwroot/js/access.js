// How this browser tab gets into an interview: the candidate token it holds, and how to get a fresh one when the
// socket has to reconnect (tokens are short-lived). Kept in sessionStorage so a reload of the room resumes.
import { issueCandidateToken, joinByInvitation } from "./api.js";

const key = interviewId => `synchire.access.${interviewId}`;

/**
 * Remembers what the room needs: the token to connect with, the socket URL, and either the invitation token
 * (platform flow) or nothing (self-serve, where the anonymous tenant may issue tokens).
 */
export function rememberAccess(interviewId, access) {
  sessionStorage.setItem(key(interviewId), JSON.stringify(access));
}

export function recallAccess(interviewId) {
  try {
    return JSON.parse(sessionStorage.getItem(key(interviewId)) ?? "null");
  } catch {
    return null;
  }
}

/** A token valid for at least the next few seconds: the remembered one, else a fresh one from the server. */
export async function currentAccess(interviewId) {
  const known = recallAccess(interviewId);
  if (known?.token && Date.parse(known.tokenExpiresAt) - Date.now() > 15_000) {
    return known;
  }
  return refreshAccess(interviewId);
}

/** Always asks the server for a new token (after a drop the old one may have expired, or the server restarted). */
export async function refreshAccess(interviewId) {
  const known = recallAccess(interviewId) ?? {};
  let fresh;
  if (known.invitationToken) {
    const joined = await joinByInvitation(known.invitationToken);
    fresh = { token: joined.candidateToken, tokenExpiresAt: joined.tokenExpiresAt, websocketUrl: joined.websocketUrl };
  } else {
    const issued = await issueCandidateToken(interviewId);
    fresh = { token: issued.candidateToken, tokenExpiresAt: issued.tokenExpiresAt, websocketUrl: issued.websocketUrl };
  }
  const access = { ...known, ...fresh };
  rememberAccess(interviewId, access);
  return access;
}

/** The socket URL: the one the server gave, else derived from this page's own address. */
export function socketUrl(interviewId, access) {
  const base = access.websocketUrl
    ?? `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/ws/interviews/${encodeURIComponent(interviewId)}`;
  return `${base}${base.includes("?") ? "&" : "?"}token=${encodeURIComponent(access.token)}`;
}
