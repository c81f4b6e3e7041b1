// Validates a Teams app manifest against Microsoft's official JSON schema for its version, as
// shipped offline by the npm package @microsoft/app-manifest. Prints the errors; exits 1 on any.
//   node appPackage/validate-manifest.js path/to/manifest.json
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const Ajv = require(path.join(root, 'node_modules', 'ajv-draft-04'));
const addFormats = require(path.join(root, 'node_modules', 'ajv-formats'));

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const version = 'v' + manifest.manifestVersion;
const schemaFile = path.join(root, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
if (!fs.existsSync(schemaFile)) {
  console.log(JSON.stringify([{ message: `no official schema for manifest version ${manifest.manifestVersion}` }]));
  process.exit(1);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const valid = ajv.validate(JSON.parse(fs.readFileSync(schemaFile, 'utf8')), manifest);
console.log(JSON.stringify(valid ? [] : ajv.errors));
process.exit(valid ? 0 : 1);
