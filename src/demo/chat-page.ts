/**
 * A minimal chat page for trying Handrail by hand: it posts to `/api/chat`, reads the UI
 * message stream (server-sent events), shows handoff notices and, while a person has the
 * conversation, their messages as they arrive.
 */
export const chatPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handrail demo · Northwind Outfitters support</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2129; }
  main { max-width: 720px; margin: 0 auto; padding: 1rem; display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; }
  h1 { font-size: 1.2rem; margin: 0 0 .5rem; }
  #log { flex: 1; overflow-y: auto; background: #fff; border: 1px solid #d0d4da; border-radius: 8px; padding: 1rem; }
  .msg { margin: .5rem 0; padding: .5rem .75rem; border-radius: 8px; max-width: 85%; white-space: pre-wrap; }
  .user { background: #0b57d0; color: #fff; margin-left: auto; }
  .bot { background: #eef0f3; }
  .agent { background: #e6f4ea; border: 1px solid #1e8e3e; }
  .notice { background: #fff4e5; border: 1px solid #b06000; font-size: .95rem; }
  form { display: flex; gap: .5rem; margin-top: .5rem; }
  input { flex: 1; padding: .6rem; font: inherit; border: 1px solid #8a9099; border-radius: 6px; }
  button { padding: .6rem 1rem; font: inherit; border-radius: 6px; border: 1px solid #0b57d0; background: #0b57d0; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b57d0; }
  #status { font-size: .9rem; color: #4a4f57; min-height: 1.5em; }
</style>
</head>
<body>
<main>
  <h1>Northwind Outfitters support <small>(Handrail demo)</small></h1>
  <div id="status" role="status" aria-live="polite">You are chatting with the assistant.</div>
  <div id="log" aria-live="polite"></div>
  <form id="form">
    <label for="text" class="sr-only" hidden>Message</label>
    <input id="text" autocomplete="off" placeholder="Ask about shipping, returns, sizes…" aria-label="Message" required>
    <button type="submit">Send</button>
    <button type="button" class="secondary" id="human">Talk to a person</button>
  </form>
</main>
<script type="module">
const log = document.getElementById('log');
const statusLine = document.getElementById('status');
const conversationId = crypto.randomUUID().replaceAll('-', '');
// The client chooses the conversation's token and sends it with the first message, so a first
// answer lost on the way can be retried (the server keeps only its hash).
let token = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
let events = null;
const messages = [];

function add(kind, text) {
  const div = document.createElement('div');
  div.className = 'msg ' + kind;
  div.textContent = text;
  log.append(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function showHandoff(data) {
  const labels = { queued: 'Waiting for a person', collecting: 'A few details first', offline: 'Our team is offline', assigned: 'A person has joined', resolved: 'Back to the assistant', waiting: 'Waiting for a person' };
  statusLine.textContent = (labels[data.status] || data.status) + (data.etaSeconds ? ' · expected wait about ' + Math.max(1, Math.round(data.etaSeconds / 60)) + ' min' : '');
  if (!events && token) listen();
}

function listen() {
  events = new EventSource('/api/conversations/' + conversationId + '/events?token=' + encodeURIComponent(token));
  events.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    const text = message.parts.filter((p) => p.type === 'text').map((p) => p.text).join('');
    const handoff = message.parts.find((p) => p.type === 'data-handoff');
    if (handoff) showHandoff(handoff.data);
    if (message.metadata && message.metadata.author === 'agent') add('agent', (message.metadata.agentName || 'Agent') + ': ' + text);
    else if (text) add('notice', text);
  });
}

async function send(text) {
  const message = { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text }] };
  messages.push(message);
  add('user', text);
  const headers = { 'content-type': 'application/json' };
  if (token) headers['x-handrail-conversation-token'] = token;
  const response = await fetch('/api/chat', { method: 'POST', headers, body: JSON.stringify({ id: conversationId, messages }) });
  if (!response.ok) { add('notice', 'Error: ' + (await response.text())); return; }
  token = token || response.headers.get('x-handrail-conversation-token');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let current = null;
  let kind = 'bot';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let index;
    while ((index = buffer.indexOf('\\n\\n')) >= 0) {
      const line = buffer.slice(0, index).replace(/^data: /, '');
      buffer = buffer.slice(index + 2);
      if (line === '[DONE]') continue;
      const chunk = JSON.parse(line);
      if (chunk.type === 'data-handoff') { showHandoff(chunk.data); kind = 'notice'; }
      if (chunk.type === 'text-start') current = add(kind, '');
      if (chunk.type === 'text-delta' && current) current.textContent += chunk.delta;
      if (chunk.type === 'error') add('notice', chunk.errorText);
    }
  }
}

document.getElementById('form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  input.value = '';
  if (text) send(text);
});
document.getElementById('human').addEventListener('click', () => send('I would like to talk to a person, please.'));
add('bot', 'Hi! I am the Northwind Outfitters assistant. Ask me about orders, shipping, returns or sizes.');
</script>
</body>
</html>`;
