// Checks every card JSON in a folder the two ways Teams' clients will meet it:
// - the official Adaptive Cards renderer (npm "adaptivecards") parses it at schema 1.5, as Teams does, then runs
//   validateProperties(). It doesn't know Teams' chart elements ("Chart.*"), so each chart must carry a fallback in
//   words (what Teams mobile and older clients show), and the renderer's "unknown element" note is accepted for
//   charts only.
// - every chart element is type-checked with TypeScript against Microsoft's own Teams card types
//   (npm "@microsoft/teams.cards"), which describe each chart property and value.
// Prints one JSON line per card: {"file": ..., "charts": N, "events": [...]}; exits 1 if any card has events.
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
const AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));
const ts = require(path.join(root, 'node_modules', 'typescript'));

const folder = process.argv[2];
const cards = fs.readdirSync(folder).filter(f => f.endsWith('.json')).sort()
  .map(file => ({ file, json: JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')), events: [], charts: [] }));

// Every element with a "type" anywhere in the card, with where it is.
function* elements(node, at) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* elements(node[i], `${at}[${i}]`);
  } else if (node && typeof node === 'object') {
    if (typeof node.type === 'string') yield { element: node, at };
    for (const [key, value] of Object.entries(node)) yield* elements(value, `${at}.${key}`);
  }
}

for (const card of cards) {
  for (const { element, at } of elements(card.json.body, 'body')) {
    if (!element.type.startsWith('Chart.')) continue;
    card.charts.push({ element, at });
    const fallback = element.fallback;
    if (!fallback || typeof fallback !== 'object' || String(fallback.type).startsWith('Chart.')) {
      card.events.push(`chart: ${element.type} at ${at} has no fallback in words`);
    }
  }

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  parsed.parse(card.json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const message = context.getEventAt(i).message;
    if (/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(message)) continue;
    card.events.push('parse: ' + message);
  }
  for (const e of parsed.validateProperties().validationEvents) card.events.push('validate: ' + e.message);
}

// One TypeScript file with a typed constant per chart; its diagnostics are mapped back to the chart by line.
const charts = cards.flatMap(card => card.charts.map(chart => ({ card, ...chart })));
if (charts.length > 0) {
  const checkFolder = path.join(root, '.local', 'chart-typecheck');
  fs.mkdirSync(checkFolder, { recursive: true });
  const source = path.join(checkFolder, `charts-${process.pid}.ts`);
  const lines = ["import type { CardElement } from '@microsoft/teams.cards';"];
  const lineOf = [];
  charts.forEach((chart, i) => {
    const text = `export const chart${i}: CardElement = ${JSON.stringify(chart.element, null, 1)};`.split('\n');
    for (const _ of text) lineOf.push(chart);
    lines.push(...text);
  });
  fs.writeFileSync(source, lines.join('\n'));
  const program = ts.createProgram([source], {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
  });
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const chart = line >= 1 ? lineOf[line - 1] : undefined;
    if (chart) chart.card.events.push(`teams.cards: ${chart.element.type} at ${chart.at}: ${message}`);
    else cards.forEach(card => card.events.push(`teams.cards: ${message}`));
  }
  fs.rmSync(source);
}

let failed = false;
for (const card of cards) {
  if (card.events.length > 0) failed = true;
  console.log(JSON.stringify({ file: card.file, charts: card.charts.length, events: card.events }));
}
process.exit(failed ? 1 : 0);
