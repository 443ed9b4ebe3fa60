// One spoken turn against a Gemini Live endpoint with the official Google Gen AI client and its default settings:
//   node gemini-live-turn.mjs <baseUrl> <apiKey> [--ephemeral-token]
// With --ephemeral-token the API key first mints a one-use token (ai.authTokens.create), and the session is opened
// with that token, as a browser app would (the client then uses BidiGenerateContentConstrained?access_token=…).
// Prints one JSON line: the message kinds seen, the interviewer's audio bytes and both transcripts.
import { GoogleGenAI, Modality } from '@google/genai';
import { candidateAnswerFrames, deadline, fail, report } from './candidate-audio.mjs';

const [baseUrl, apiKey, mode] = process.argv.slice(2);
if (!baseUrl || !apiKey) fail('usage: node gemini-live-turn.mjs <baseUrl> <apiKey> [--ephemeral-token]');
process.on('unhandledRejection', fail);
const timer = deadline(30, 'the Gemini Live turn');

let ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl } });
if (mode === '--ephemeral-token') {
  // Ephemeral tokens exist in v1alpha only; the client says so and asks for that version.
  const token = await ai.authTokens.create({ config: { uses: 1, httpOptions: { apiVersion: 'v1alpha' } } });
  ai = new GoogleGenAI({ apiKey: token.name, httpOptions: { baseUrl, apiVersion: 'v1alpha' } });
}

const kinds = new Set();
let audioBytes = 0;
let inputTranscript = '';
let outputTranscript = '';
let resumptionHandle = null;
let turnDone = false;
let usage = null;
let heardCandidate = false;
let closed = null;
let answered;
const turnAnswered = new Promise((resolve) => (answered = resolve));

const session = await ai.live.connect({
  model: 'gemini-2.5-flash-native-audio-preview-12-2025',
  config: {
    responseModalities: [Modality.AUDIO],
    systemInstruction: 'You are a friendly technical interviewer.',
    speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } },
    inputAudioTranscription: {},
    outputAudioTranscription: {},
    sessionResumption: {},
  },
  callbacks: {
    onmessage: (message) => {
      for (const [kind, value] of Object.entries(message)) if (value !== undefined) kinds.add(kind);
      const content = message.serverContent;
      for (const part of content?.modelTurn?.parts ?? []) {
        if (part.inlineData?.data) audioBytes += Buffer.from(part.inlineData.data, 'base64').length;
      }
      if (content?.inputTranscription?.text) {
        inputTranscript += content.inputTranscription.text;
        heardCandidate = true;
      }
      if (content?.outputTranscription?.text && heardCandidate) outputTranscript += content.outputTranscription.text;
      if (message.sessionResumptionUpdate?.newHandle) resumptionHandle = message.sessionResumptionUpdate.newHandle;
      if (message.usageMetadata) usage = message.usageMetadata;
      // The service sends the resumption handle that covers a turn after its turnComplete: wait for both.
      if (content?.turnComplete && heardCandidate) turnDone = true;
      if (turnDone && resumptionHandle) answered();
    },
    onerror: (error) => fail(`Live session error: ${error.message}`),
    onclose: (event) => (closed = { code: event.code, reason: event.reason }),
  },
});

for (const frame of candidateAnswerFrames(16000)) {
  session.sendRealtimeInput({ audio: { data: frame.toString('base64'), mimeType: 'audio/pcm;rate=16000' } });
}
await turnAnswered;
session.close();
clearTimeout(timer);
report({
  kinds: [...kinds],
  audioBytes,
  inputTranscript: inputTranscript.trim(),
  outputTranscript: outputTranscript.trim(),
  resumptionHandle,
  totalTokenCount: usage?.totalTokenCount ?? 0,
  closedEarly: closed,
});
