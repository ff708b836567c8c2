#!/usr/bin/env node
// The sources are TypeScript: tsx compiles them as they load.
require('tsx/cjs/api').register()
require('../src/cli.ts').runCli()
