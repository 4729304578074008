/** The runner APISIX starts (`a6kit build` bundles this file with every plugin it imports). */
import { runMain } from 'a6kit';
import { plugins } from './plugins/index.js';

void runMain({ plugins });
