// One spoken turn against an OpenAI Realtime endpoint with the official openai client (GA Realtime API over the
// Node `ws` socket, OpenAIRealtimeWS) and its default settings:
//   node openai-realtime-turn.mjs <baseURL> <apiKey>
// The client always opens wss://, so the endpoint must speak TLS (trust a test certificate with NODE_EXTRA_CA_CERTS).
// Prints one JSON line: the event types seen, the interviewer's audio bytes and both transcripts.
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { candidateAnswerFrames, deadline, fail, report } from './candidate-audio.mjs';

const [baseURL, apiKey] = process.argv.slice(2);
if (!baseURL || !apiKey) fail('usage: node openai-realtime-turn.mjs <baseURL> <apiKey>');
process.on('unhandledRejection', fail);
const timer = deadline(30, 'the OpenAI Realtime turn');

const client = new OpenAI({ apiKey, baseURL });
const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime' }, client);
const types = new Set();
const errors = [];
let audioBytes = 0;
let inputTranscript = '';
let outputTranscript = '';
let usage = null;

rt.on('error', (error) => errors.push(error.message));
rt.on('event', (event) => {
  types.add(event.type);
  switch (event.type) {
    case 'response.output_audio.delta':
      audioBytes += Buffer.from(event.delta, 'base64').length;
      break;
    case 'conversation.item.input_audio_transcription.completed':
      inputTranscript = event.transcript;
      break;
    case 'response.output_audio_transcript.done':
      outputTranscript = event.transcript;
      break;
    case 'response.done':
      usage = event.response.usage;
      rt.close();
      clearTimeout(timer);
      report({ types: [...types], audioBytes, inputTranscript, outputTranscript, totalTokens: usage?.total_tokens ?? 0, errors });
      break;
  }
});

rt.socket.on('open', () => {
  rt.send({
    type: 'session.update',
    session: {
      type: 'realtime',
      output_modalities: ['audio'],
      instructions: 'You are a friendly technical interviewer.',
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: { model: 'gpt-4o-mini-transcribe' },
          turn_detection: { type: 'server_vad' },
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy' },
      },
    },
  });
  for (const frame of candidateAnswerFrames(24000)) {
    rt.send({ type: 'input_audio_buffer.append', audio: frame.toString('base64') });
  }
});
rt.socket.on('close', (code) => {
  if (usage === null) fail(`the socket closed (${code}) before the response was done; errors: ${errors.join('; ')}`);
});
