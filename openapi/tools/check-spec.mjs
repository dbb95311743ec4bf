// Checks an OpenAPI document with the tools its users run, each step named by its tool:
//   1. Redocly lint (recommended)      2. Spectral lint (spectral:oas, warnings fail)
//   3. Postman collection (openapi-to-postmanv2), one request per operation, with status tests
//   4. newman runs the collection against a stub server on 127.0.0.1 serving openapi.json
//   5. TypeScript client (@hey-api/openapi-ts), type-checked with tsc
//   6. Python client (openapi-generator, python), imported with python3
//
// usage: node tools/check-spec.mjs <spec> [--expect-failures] [--only <step>]
// With --expect-failures (for the broken fixture) every step must fail, and the run passes if so.
// --only runs the steps whose title starts with <step>: `--only postman` writes the Postman
// collection (npm run postman) and nothing else.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startStub } from './stub-server.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const spec = path.resolve(process.argv[2] || 'openapi.json');
const expectFailures = process.argv.includes('--expect-failures');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? String(process.argv[onlyAt + 1] || '').toLowerCase() : null;
const name = path.basename(spec, '.json');
const out = path.join(root, 'target', 'spec-checks', name);
const bin = (tool) => path.join(root, 'node_modules', '.bin', tool);
const API_KEY = 'sk-newman-check';
const GENERATOR_JAR = path.join(root, 'target', 'tools', 'openapi-generator-cli.jar');

/**
 * Generator warnings that are understood and accepted, with the reason. Any other warning fails
 * the Python step.
 */
const EXPLAINED_WARNINGS = [
  [/Ignoring complex example on request body/,
    'the generator only turns scalar request examples into sample code; our object examples stay in the spec'],
  [/Failed to get the schema name: null|Codegen property is null \(e\.g\. map\/dict of undefined type\)/,
    'result rows, tool payloads and entity definitions are free-form JSON objects by design (the server sends '
      + 'whatever the database or plugin returns); the Python client types their values as typing.Any'],
  [/From \(reserved word\) cannot be used as model name/,
    'the audit log filter is named `from` on the wire; Python reserves the word, so the client renames it'],
];

if (!fs.existsSync(spec)) {
  // with --expect-failures every step would "fail as expected" on a missing file and prove nothing
  console.error(`check-spec: no such spec: ${spec}`);
  process.exit(2);
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const text = (r.stdout || '') + (r.stderr || '');
  if (r.status !== 0) {
    const e = new Error(`${path.basename(cmd)} exited with ${r.status}`);
    e.output = text;
    throw e;
  }
  return text;
}

function operations(doc) {
  const ops = [];
  for (const [p, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      if (op && typeof op === 'object' && op.responses) {
        const status = Object.keys(op.responses).find((s) => s.startsWith('2'));
        ops.push({ key: `${method.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`, status: Number(status) });
      }
    }
  }
  return ops;
}

function requestsOf(items, acc = []) {
  for (const it of items) {
    if (it.item) requestsOf(it.item, acc);
    else if (it.request) acc.push(it);
  }
  return acc;
}

async function postman() {
  const converter = require('openapi-to-postmanv2');
  const doc = JSON.parse(fs.readFileSync(spec, 'utf8'));
  const result = await new Promise((resolve, reject) => converter.convertV2(
    { type: 'json', data: doc },
    // convertV2 is the interface Postman's importer uses; it reads parametersResolution (the older
    // convert() ignores it silently, as it ignores any misspelt option)
    { folderStrategy: 'Tags', parametersResolution: 'Example', requestNameSource: 'Fallback' },
    (err, res) => (err ? reject(err) : resolve(res))));
  if (!result.result) throw new Error(`conversion failed: ${result.reason}`);
  const collection = result.output[0].data;
  collection.info.name = doc.info.title;
  collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] };
  collection.variable = [
    { key: 'baseUrl', value: (doc.servers?.[0]?.variables?.baseUrl?.default) || 'http://localhost:3001' },
    { key: 'apiKey', value: 'YOUR_ATLAS_API_KEY' },
  ];
  const byKey = new Map(operations(doc).map((o) => [o.key, o.status]));
  const requests = requestsOf(collection.item);
  const missing = [];
  for (const item of requests) {
    const url = item.request.url;
    const p = '/' + (Array.isArray(url.path) ? url.path.join('/') : String(url.path));
    const key = `${item.request.method} ${p}`;
    const status = byKey.get(key);
    if (status === undefined) {
      missing.push(key);
      continue;
    }
    item.event = [{
      listen: 'test',
      script: { type: 'text/javascript', exec: [
        `pm.test("returns the documented ${status}", function () { pm.response.to.have.status(${status}); });`] },
    }];
  }
  const folders = collection.item.filter((i) => i.item).map((i) => i.name);
  const file = path.join(out, 'atlas.postman_collection.json');
  fs.writeFileSync(file, JSON.stringify(collection, null, 2)); // written first: newman runs it either way
  if (missing.length) throw new Error(`requests that match no operation: ${missing.join(', ')}`);
  const withoutExample = [];
  for (const [p, pathItem] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(pathItem)) {
      const media = op?.requestBody?.content?.['application/json'];
      if (!media) continue;
      const key = `${method.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`;
      const item = requests.find((r) => `${r.request.method} /${r.request.url.path.join('/')}` === key);
      let sent;
      try {
        sent = JSON.parse(item?.request?.body?.raw ?? 'null');
      } catch {
        sent = null;
      }
      if (media.example === undefined || JSON.stringify(sent) !== JSON.stringify(media.example)) {
        withoutExample.push(key);
      }
    }
  }
  if (withoutExample.length) {
    throw new Error(`request bodies that are not the spec's example: ${withoutExample.join(', ')}`);
  }
  if (requests.length !== byKey.size) {
    throw new Error(`${requests.length} requests for ${byKey.size} operations`);
  }
  return `${requests.length} requests in ${folders.length} folders (${folders.join(', ')}) -> ${path.relative(root, file)}`;
}

async function newmanRun() {
  const newman = require('newman');
  const stub = await startStub(path.join(root, 'openapi.json'), API_KEY);
  try {
    const summary = await new Promise((resolve, reject) => newman.run({
      collection: require(path.join(out, 'atlas.postman_collection.json')),
      envVar: [{ key: 'baseUrl', value: stub.url }, { key: 'apiKey', value: API_KEY }],
      reporters: [],
      timeoutRequest: 10000,
    }, (err, s) => (err ? reject(err) : resolve(s))));
    const st = summary.run.stats;
    const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.message}`);
    const line = `requests ${st.requests.total} (failed ${st.requests.failed}), assertions ${st.assertions.total} `
      + `(failed ${st.assertions.failed}), stub server saw ${stub.requests()} requests`;
    if (failures.length || st.requests.failed || st.assertions.failed) {
      const e = new Error(line);
      e.output = failures.join('\n');
      throw e;
    }
    return line;
  } finally {
    await stub.close();
  }
}

/** What a TypeScript user writes against the generated client: must type-check. */
const TS_USAGE = `import { createClient } from './ts-client/client';
import { deleteConversation, getHealth, listConversations, query, starConversation, validateSql,
  type Conversation, type ErrorResponse, type QueryResponse } from './ts-client';

const client = createClient({ baseUrl: 'http://127.0.0.1:3001', auth: () => 'sk-key' });

export async function tour(): Promise<string> {
  const health = await getHealth({ client });
  const page = await listConversations({ client, query: { limit: 20, offset: 0, starred: true } });
  const first: Conversation | undefined = page.data?.conversations[0];
  if (first) {
    await starConversation({ client, path: { id: first.id }, body: { starred: true } });
    await deleteConversation({ client, path: { id: first.id } });
  }
  const answer = await query({ client, body: { question: 'What was last month\\'s revenue?' } });
  const result: QueryResponse | undefined = answer.data;
  const problem: ErrorResponse | undefined = answer.error;
  const checked = await validateSql({ client, body: { sql: 'SELECT 1' } });
  return [health.data?.status, result?.answer, problem?.error, String(checked.data?.valid)].join(' ');
}
`;

function typescript() {
  const dir = path.join(out, 'ts-client');
  run(bin('openapi-ts'), ['-i', spec, '-o', dir]);
  const files = fs.readdirSync(dir);
  const usage = path.join(out, 'usage.ts');
  fs.writeFileSync(usage, TS_USAGE);
  run(bin('tsc'), ['--noEmit', '--strict', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler',
    '--lib', 'ES2022,DOM', path.join(dir, 'index.ts'), usage]);
  const types = (fs.readFileSync(path.join(dir, 'types.gen.ts'), 'utf8').match(/^export type /gm) || []).length;
  return `generated ${files.length} entries, ${types} exported types; tsc --strict on the client and a usage file: 0 errors`;
}

function python() {
  if (!fs.existsSync(GENERATOR_JAR)) throw new Error(`missing ${GENERATOR_JAR} (scripts/test-all.sh fetches it)`);
  const dir = path.join(out, 'python-client');
  const log = run('java', ['-jar', GENERATOR_JAR, 'generate', '-g', 'python', '-i', spec, '-o', dir,
    '--package-name', 'atlas_client', '--global-property', 'apiTests=false,modelTests=false,apiDocs=false,modelDocs=false']);
  const warnings = log.split('\n').filter((l) => /\bWARN/.test(l));
  const unexplained = warnings.filter((w) => !EXPLAINED_WARNINGS.some(([re]) => re.test(w)));
  if (unexplained.length) {
    const e = new Error(`${unexplained.length} unexplained generator warning(s)`);
    e.output = unexplained.join('\n');
    throw e;
  }
  const check = 'import atlas_client\n'
    + 'from atlas_client.api.conversations_api import ConversationsApi\n'
    + 'from atlas_client.models.conversation import Conversation\n'
    + 'c = Conversation.from_json(\'{"id":"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40","userId":null,"title":null,'
    + '"surface":"api","connectionId":null,"connectionGroupId":null,"starred":false,'
    + '"createdAt":"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)",'
    + '"updatedAt":"2026-11-22T07:58:28Z"}\')\n'
    + 'print(len([n for n in dir(atlas_client) if not n.startswith("_")]), "exported names;", c.surface)\n';
  const printed = run('python3', ['-c', check], { cwd: dir }).trim();
  const explained = warnings.length ? `; ${warnings.length} explained warning(s): `
    + [...new Set(warnings.map((w) => EXPLAINED_WARNINGS.find(([re]) => re.test(w))[1]))].join('; ') : '';
  return `import atlas_client ok (${printed})${explained}`;
}

const steps = [
  ['Redocly lint (recommended)', () => run(bin('redocly'), ['lint', '--config', 'redocly.yaml', '--format', 'stylish',
    spec]).trim().split('\n').filter(Boolean).slice(-2).join(' ')],
  ['Spectral lint (spectral:oas)', () => run(bin('spectral'), ['lint', '--ruleset', '.spectral.yaml',
    '--fail-severity', 'warn', spec]).trim().split('\n').pop()],
  ['Postman collection (openapi-to-postmanv2)', postman],
  ['newman against the stub server', newmanRun],
  ['TypeScript client (@hey-api/openapi-ts + tsc)', typescript],
  ['Python client (openapi-generator python + python3 import)', python],
];

const selected = steps.filter(([title]) => only === null || title.toLowerCase().startsWith(only));
if (selected.length === 0) {
  console.error(`check-spec: no step starts with "${only}"`);
  process.exit(2);
}

let bad = 0;
console.log(`== spec checks of ${path.relative(root, spec)}${expectFailures ? ' (every check must fail)' : ''}`);
for (const [title, step] of selected) {
  const started = Date.now();
  try {
    const detail = await step();
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${expectFailures ? 'NOT FAILED' : 'PASS'}  ${title} (${secs} s): ${detail}`);
    if (expectFailures) bad++;
  } catch (e) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${expectFailures ? 'FAILED AS EXPECTED' : 'FAIL'}  ${title} (${secs} s): ${e.message}`);
    if (e.output && !expectFailures) console.log(e.output.split('\n').slice(0, 60).join('\n'));
    if (!expectFailures) bad++;
  }
}
console.log(bad ? `== ${bad} spec check(s) did not behave as required` : '== spec checks: all as required');
process.exit(bad ? 1 : 0);
