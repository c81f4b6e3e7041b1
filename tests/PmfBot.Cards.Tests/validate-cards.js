// Parses every card JSON in a folder with the official Adaptive Cards renderer (npm
// "adaptivecards"), targeting schema 1.5 as Teams does, then runs validateProperties().
// Prints one JSON line per card: {"file": ..., "events": [...]}; exits 1 if any card has events.
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
const AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const folder = process.argv[2];
let failed = false;
for (const file of fs.readdirSync(folder).filter(f => f.endsWith('.json')).sort()) {
  const json = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push('parse: ' + context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) events.push('validate: ' + e.message);
  if (events.length > 0) failed = true;
  console.log(JSON.stringify({ file, events }));
}
process.exit(failed ? 1 : 0);
