// The gateway's REST API as the candidate app uses it. Self-serve calls carry no API key: the gateway treats them
// as its anonymous tenant. Every failure becomes an ApiError holding the Problem Details the gateway sent.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.code = problem?.code ?? null;
    this.title = problem?.title ?? null;
    // Validation problems name each field: { candidateName: ["..."], ... }.
    this.errors = problem?.errors ?? {};
  }
}

async function request(method, path, body, { token } = {}) {
  const init = { method, headers: { Accept: "application/json" } };
  if (token) {
    // A candidate token, for the few calls made as the candidate rather than as the (anonymous) platform.
    init.headers.Authorization = `Bearer ${token}`;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { title: "No connection", detail: "The server could not be reached. Check your connection and try again." });
  }

  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }

  if (!response.ok) {
    if (response.status === 429 && !json?.detail) {
      const wait = response.headers.get("Retry-After");
      throw new ApiError(429, { ...json, detail: `Too many attempts from here; please wait${wait ? ` ${wait} seconds` : ""} and try again.` });
    }
    throw new ApiError(response.status, json);
  }
  return { status: response.status, body: json, retryAfter: Number(response.headers.get("Retry-After")) || null };
}

/** Creates a self-serve interview from the setup form (multipart: the fields plus an optional "cv" file). */
export async function createInterview(formData) {
  return (await request("POST", "/api/interviews", formData)).body;
}

/** A fresh candidate token for an interview the anonymous tenant owns (the self-serve flow). */
export async function issueCandidateToken(interviewId) {
  return (await request("POST", `/api/interviews/${encodeURIComponent(interviewId)}/token`)).body;
}

/** Trades an invitation link's token for a candidate token (the platform flow); usable again until it expires. */
export async function joinByInvitation(invitationToken) {
  return (await request("POST", `/api/join/${encodeURIComponent(invitationToken)}`)).body;
}

/**
 * The interview's avatar ({ provider, conversationId, conversationUrl, dailyJsUrl }), or null when it has none.
 * Asked with the candidate token, so it works for a platform's interview too (whose REST API needs its key).
 */
export async function getAvatar(interviewId, candidateToken) {
  const { status, body } = await request("GET", `/api/interviews/${encodeURIComponent(interviewId)}/avatar`, undefined, { token: candidateToken });
  return status === 200 ? body : null;
}

export async function getInterview(interviewId) {
  return (await request("GET", `/api/interviews/${encodeURIComponent(interviewId)}`)).body;
}

/** { status: 200, body: report } when ready, { status: 202, retryAfter } while it is being written. */
export function getReport(interviewId) {
  return request("GET", `/api/interviews/${encodeURIComponent(interviewId)}/report`);
}

export function transcriptDownloadUrl(interviewId) {
  return `/api/interviews/${encodeURIComponent(interviewId)}/transcript?format=text`;
}
