// The candidate's answer as a microphone would capture it: PCM16 mono, 2.5 s of a clearly voiced 300 Hz tone, then
// 1 s of silence so that the provider's voice activity detection ends the turn. Cut into 20 ms frames.
export function candidateAnswerFrames(sampleRate) {
  const voiced = Math.round(sampleRate * 2.5);
  const pcm = Buffer.alloc((voiced + sampleRate) * 2);
  for (let i = 0; i < voiced; i++) {
    pcm.writeInt16LE(Math.round(0.3 * 32767 * Math.sin((2 * Math.PI * 300 * i) / sampleRate)), i * 2);
  }
  const frameBytes = (sampleRate / 50) * 2;
  const frames = [];
  for (let offset = 0; offset < pcm.length; offset += frameBytes) {
    frames.push(pcm.subarray(offset, offset + frameBytes));
  }
  return frames;
}

// Prints the script's one-line JSON report for the test to read, or fails the process with the reason.
export function report(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

export function fail(reason) {
  process.stderr.write(`${reason instanceof Error ? reason.stack : reason}\n`);
  process.exit(1);
}

// A turn that never finishes must end the script, not hang the test.
export function deadline(seconds, what) {
  return setTimeout(() => fail(`timed out after ${seconds} s waiting for ${what}`), seconds * 1000).unref();
}
