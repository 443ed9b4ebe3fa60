// The peer relay: one candidate WebSocket ↔ one OpenAI Realtime WebSocket, as the product documents propose
// ("the backend proxies a WebSocket"). It does the same per-frame work as SyncHire's path, no more:
//   candidate binary PCM16 16 kHz → resample to 24 kHz (the same linear interpolation) → base64 →
//     {"type":"input_audio_buffer.append","audio":…}
//   response.output_audio.delta → base64-decode → {"type":"ai_audio_chunk","amplitude":…} + the binary PCM
// On connect it configures the session (server VAD) and asks for the greeting, as the grain does.
//   node relay.js --port 8081 --provider ws://127.0.0.1:8090/v1/realtime?model=gpt-realtime --key emulator-key
'use strict';
const http = require('http');
const WebSocket = require('ws');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('--port', '8081'));
const provider = arg('--provider', 'ws://127.0.0.1:8090/v1/realtime?model=gpt-realtime');
const key = arg('--key', 'emulator-key');

// Streaming 16 → 24 kHz linear resampler: position in input samples × 24000, carried across frames.
class Resampler {
  constructor(inRate, outRate) { this.inRate = inRate; this.outRate = outRate; this.pos = outRate; this.held = 0; }
  process(input /* Int16Array */) {
    const { inRate, outRate } = this;
    const limit = input.length * outRate;
    const count = this.pos > limit ? 0 : Math.floor((limit - this.pos) / inRate) + 1;
    const out = new Int16Array(count);
    let pos = this.pos;
    for (let i = 0; i < count; i++) {
      const index = Math.floor(pos / outRate);
      const fraction = pos % outRate;
      const left = index === 0 ? this.held : input[index - 1];
      if (fraction === 0) {
        out[i] = left;
      } else {
        const right = input[index];
        out[i] = Math.round((left * (outRate - fraction) + right * fraction) / outRate);
      }
      pos += inRate;
    }
    if (input.length > 0) this.held = input[input.length - 1];
    this.pos = pos - input.length * outRate;
    return out;
  }
}

function rms(pcm /* Int16Array */) {
  let sum = 0;
  for (let i = 0; i < pcm.length; i++) sum += pcm[i] * pcm[i];
  return pcm.length ? Math.min(1, Math.sqrt(sum / pcm.length) / 32768 * 4) : 0;
}

const sessionUpdate = JSON.stringify({
  type: 'session.update',
  session: {
    type: 'realtime',
    instructions: 'You are interviewing. The candidate is a benchmark candidate.\n1. Tell me about a system you built.\n2. How do you test it?\n3. What would you change?',
    audio: {
      input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: { type: 'server_vad', threshold: 0.5, silence_duration_ms: 200 } },
      output: { format: { type: 'audio/pcm', rate: 24000 } },
    },
  },
});

const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const wss = new WebSocket.WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (client) => {
  const upstream = new WebSocket(provider, 'realtime', { headers: { Authorization: `Bearer ${key}` }, perMessageDeflate: false });
  const resampler = new Resampler(16000, 24000);
  const pending = [];
  upstream.on('open', () => {
    upstream.send(sessionUpdate);
    upstream.send('{"type":"response.create"}');
    for (const message of pending) upstream.send(message);
    pending.length = 0;
  });
  upstream.on('message', (data, isBinary) => {
    if (isBinary) return;
    const event = JSON.parse(data);
    if (event.type === 'response.output_audio.delta') {
      const pcm = Buffer.from(event.delta, 'base64');
      const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1);
      client.send(JSON.stringify({ type: 'ai_audio_chunk', amplitude: rms(samples), timestamp: new Date().toISOString() }));
      client.send(pcm, { binary: true });
    } else if (event.type === 'error') {
      client.send(JSON.stringify({ type: 'error', message: event.error && event.error.message, timestamp: new Date().toISOString() }));
    }
  });
  upstream.on('close', () => client.close(1011, 'provider closed'));
  upstream.on('error', () => client.close(1011, 'provider error'));

  client.on('message', (data, isBinary) => {
    if (!isBinary) return;
    // ws may hand us an unaligned Buffer; copy to an aligned one only when needed.
    const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
    const samples = new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length >> 1);
    const out = resampler.process(samples);
    const base64 = Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('base64');
    const message = `{"type":"input_audio_buffer.append","audio":"${base64}"}`;
    if (upstream.readyState === WebSocket.OPEN) upstream.send(message);
    else if (upstream.readyState === WebSocket.CONNECTING) pending.push(message);
  });
  client.on('close', () => upstream.close());
  client.on('error', () => upstream.terminate());
});

server.listen(port, '127.0.0.1', () => console.log(`peer relay listening on ws://127.0.0.1:${port} → ${provider}`));
process.on('SIGTERM', () => process.exit(0));
