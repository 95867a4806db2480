// The consumers harness links node_modules from a cache outside the project, and Turbopack
// compiles only files under its root: the root is where the project and the cache meet.
import { realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = dirname(fileURLToPath(import.meta.url));
const installed = realpathSync(join(project, 'node_modules/next')).split(sep);
const shared = project.split(sep).filter((part, i) => part === installed[i]);
const root = project.split(sep).slice(0, shared.length).join(sep);

export default { turbopack: { root: root || sep } };
