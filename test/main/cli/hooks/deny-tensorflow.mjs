// `node --import ./deny-tensorflow.mjs …`: any import of a @tensorflow/* package then fails.
import { register } from 'node:module';

register('./deny-tensorflow-hooks.mjs', import.meta.url);
