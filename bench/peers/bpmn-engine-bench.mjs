#!/usr/bin/env node
// Runs bench/processes/approval.bpmn (a Camunda 8 / Zeebe model) on the npm package bpmn-engine,
// N instances one after the other on one thread, and prints one JSON line:
//   {"peer":"bpmn-engine","instances":N,"seconds":s,"instancesPerSecond":x,"peakRssMb":y}
//
// The file runs unchanged: its FEEL conditions (`=amount > 5000`) are evaluated by feelin, plugged
// in as bpmn-engine's expression handler, and its zeebe:taskDefinition service task is mapped to
// a service function by an extension. User tasks are completed by signalling them as soon as they
// wait; the "payment" service returns at once. Instances alternate amount 3000 / 8000, so both
// branches run. The run fails (exit 1) unless every instance took the expected path.
//
// By default the peer gets its best reasonable setup: the XML is parsed once (new Engine({sourceContext})
// from one parsed and serialized context) and logging is off (a no-op Logger).
//
// Usage: node bpmn-engine-bench.mjs [--instances N] [--warmup W] [--bpmn FILE] [--parse-each] [--debug-logger]
//   --parse-each    parse the XML for every instance (new Engine({source})), as most examples do
//   --debug-logger  keep bpmn-engine's default logger (the debug package, disabled unless DEBUG is set)
// Details go to stderr; stdout holds only the JSON line.

import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import * as elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import { evaluate } from 'feelin';
import serializer, { TypeResolver } from 'moddle-context-serializer';

const fail = (err) => {
  console.error(`bpmn-engine-bench: ${err?.description ?? err?.message ?? err}`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const zeebeModdle = require('zeebe-bpmn-moddle/resources/zeebe.json');
const versionOf = (name) => JSON.parse(readFileSync(resolve(here, 'node_modules', name, 'package.json'), 'utf8')).version;

const { values: args } = parseArgs({
  options: {
    instances: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    bpmn: { type: 'string', default: resolve(here, '../processes/approval.bpmn') },
    'parse-each': { type: 'boolean', default: false },
    'debug-logger': { type: 'boolean', default: false },
  },
});
const instances = Number.parseInt(args.instances, 10);
const warmup = Number.parseInt(args.warmup, 10);
if (!(instances > 0) || !(warmup >= 0)) {
  console.error('usage: node bpmn-engine-bench.mjs [--instances N>0] [--warmup W>=0] [--bpmn FILE] [--parse-each] [--debug-logger]');
  process.exit(2);
}
const source = readFileSync(args.bpmn, 'utf8');
const moddleOptions = { zeebe: zeebeModdle };

// ---- FEEL: expressions starting with '=' go to feelin, anything else to bpmn-engine's default.
function feelExpressions(fallback) {
  return {
    resolveExpression(expression, context, expressionFnContext) {
      if (typeof expression === 'string' && expression.startsWith('=')) {
        const variables = context?.environment?.variables ?? {};
        const { value, warnings } = evaluate(expression.slice(1), variables);
        // Zeebe raises an incident where FEEL only warns (e.g. an unknown variable): so do we.
        if (warnings.length > 0) {
          throw new Error(`FEEL '${expression}': ${warnings.map((w) => w.message).join('; ')}`);
        }
        return value;
      }
      return fallback.resolveExpression(expression, context, expressionFnContext);
    },
  };
}
const expressions = feelExpressions(new Engine().environment.expressions);

// ---- zeebe:taskDefinition type="X" on a service task -> the service function named X.
function zeebeTaskDefinition(activity) {
  if (activity.type !== 'bpmn:ServiceTask') return undefined;
  const definition = activity.behaviour.extensionElements?.values?.find((v) => v.$type === 'zeebe:TaskDefinition');
  if (!definition) return undefined;
  activity.behaviour.Service = function ZeebeJobService(serviceActivity) {
    return {
      type: 'zeebe:taskDefinition',
      execute(executeMessage, callback) {
        const service = serviceActivity.environment.getServiceByName(definition.type);
        if (!service) return callback(new Error(`<${serviceActivity.id}> no service for job type '${definition.type}'`));
        return service(executeMessage, callback);
      },
    };
  };
  return undefined;
}

// ---- the work the tasks do, counted to prove every instance took its path.
const counts = { Task_Verify: 0, Task_ApproveTown: 0, Task_ApproveCounty: 0, payment: 0, ended: 0 };
const services = {
  payment(_executeMessage, callback) {
    counts.payment++;
    callback(null, { paid: true });
  },
};
const listener = new EventEmitter();
listener.on('activity.wait', (api) => {
  if (api.type !== 'bpmn:UserTask') return;
  counts[api.id] = (counts[api.id] ?? 0) + 1;
  api.signal({ approved: true });
});

// ---- parse once (moddle + serializer, as bpmn-engine does inside), or let each engine parse.
async function parseOnce() {
  const moddleContext = await new BpmnModdle(moddleOptions).fromXML(source);
  if (moddleContext.warnings?.length) {
    throw new Error(`${args.bpmn}: ${moddleContext.warnings.map((w) => w.message).join('; ')}`);
  }
  return serializer(moddleContext, TypeResolver({ ...elements }));
}
const sourceContext = await parseOnce(); // also validates the file in --parse-each mode
const silent = () => {};
const NoLogger = () => ({ debug: silent, error: silent, warn: silent });
const engineOptions = () => ({
  ...(args['parse-each'] ? { source, moddleOptions } : { sourceContext }),
  ...(args['debug-logger'] ? {} : { Logger: NoLogger }),
});

async function runInstance(i) {
  const engine = new Engine({
    name: `approval-${i}`,
    ...engineOptions(),
    expressions,
    extensions: { zeebe: zeebeTaskDefinition },
  });
  const ended = engine.waitFor('end');
  await engine.execute({ listener, services, variables: { amount: i % 2 === 0 ? 3000 : 8000 } });
  await ended;
  counts.ended++;
}

async function run(n) {
  for (let i = 0; i < n; i++) await runInstance(i);
}

await run(warmup);
for (const key of Object.keys(counts)) counts[key] = 0;

const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
await run(instances);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6; // all threads (GC helpers too)

const expected = {
  Task_Verify: instances,
  Task_ApproveTown: instances,
  Task_ApproveCounty: Math.floor(instances / 2), // the odd instances: amount 8000
  payment: instances,
  ended: instances,
};
const wrong = Object.entries(expected).filter(([k, v]) => counts[k] !== v);
if (wrong.length > 0) {
  console.error('bpmn-engine-bench: wrong paths:', JSON.stringify({ expected, counts }));
  process.exit(1);
}

const peakRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
console.error(
  `bpmn-engine ${versionOf('bpmn-engine')} + feelin ${versionOf('feelin')}, node ${process.version}, ` +
    `${args['parse-each'] ? 'parsing each instance' : 'parsed once'}, ` +
    `${args['debug-logger'] ? 'debug logger' : 'no logger'}, warm-up ${warmup}; ` +
    `CPU ${cpuSeconds.toFixed(1)} s (${(instances / cpuSeconds).toFixed(1)} instances per CPU-second); ` +
    `counts ${JSON.stringify(counts)}`
);
console.log(
  JSON.stringify({
    peer: 'bpmn-engine',
    instances,
    seconds: Number(seconds.toFixed(3)),
    instancesPerSecond: Number((instances / seconds).toFixed(1)),
    peakRssMb: Number(peakRssMb.toFixed(1)),
  })
);
