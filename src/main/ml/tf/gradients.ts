/**
 * tfjs-core registers no gradients by itself, and its own registration file is ESM with
 * extension-less imports, which Node cannot load from the built app. The @tensorflow/tfjs bundle
 * registers every gradient against the same tfjs-core, so importing it once is enough.
 */
import '@tensorflow/tfjs';
