// dist/cli.mjs: the `consentry` command, with every shipped preset known by name.
import { runCli } from '../src/node/cli/run';
import { presetRegistry } from '../presets/registry';

runCli(process.argv.slice(2), { registry: presetRegistry }).then((code) => {
  process.exitCode = code;
});
