// Node's built-in fetch + FormData, as a new user would: an 8 MB PDF to POST /api/interviews/{id}/cv, N times,
// tallying the outcomes (every one should be "413 cv_too_large", none "fetch failed").
// Usage: node scripts/cv-upload-413-check.mjs http://localhost:5000 30   (against the single node, no API key)
const base = process.argv[2];
const runs = Number(process.argv[3] ?? 20);
const created = await (await fetch(`${base}/api/interviews`, {
  method: "POST", headers: { "content-type": "application/json" },
  body: JSON.stringify({ candidateName: "Ada", jobTitle: "Engineer" }),
})).json();
const pdf = new Uint8Array(8 * 1024 * 1024);
pdf.set(new TextEncoder().encode("%PDF-1.7\n"));
const tally = {};
for (let i = 0; i < runs; i++) {
  const form = new FormData();
  form.set("cv", new Blob([pdf], { type: "application/pdf" }), "big.pdf");
  let outcome;
  try {
    const response = await fetch(`${base}/api/interviews/${created.id}/cv`, { method: "POST", body: form });
    const body = await response.json();
    outcome = `${response.status} ${body.code}`;
  } catch (e) {
    outcome = `${e.message} (${e.cause?.code ?? e.cause?.message})`;
  }
  tally[outcome] = (tally[outcome] ?? 0) + 1;
}
console.log(JSON.stringify(tally));
