import * as tf from '@tensorflow/tfjs-core';
import { deriveSeed, mulberry32 } from '../../../shared/domain/random';

/**
 * The networks' parameters as named tf.Variables, so the trainer (not a tfjs-layers Model)
 * decides what an optimiser updates, what is frozen and what a checkpoint holds.
 */

export type Group = 'menet' | 'idnet' | 'mine';

/** How a parameter starts. Every random draw is seeded, so a run is reproducible from its seed. */
export type Init =
  | { kind: 'heNormal'; fanIn: number }
  | { kind: 'uniform'; bound: number }
  | { kind: 'constant'; value: number };

/** A new value for a non-trainable variable (batch-norm running statistics), applied after the step. */
export interface StateUpdate {
  variable: tf.Variable;
  value: tf.Tensor;
}

interface Entry {
  group: Group;
  trainable: boolean;
  variable: tf.Variable;
}

/** Standard normal draws by Box-Muller from a seeded uniform source. */
function normals(count: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

export function initialValues(shape: readonly number[], init: Init, seed: number): Float32Array {
  const count = shape.reduce((a, b) => a * b, 1);
  switch (init.kind) {
    case 'heNormal': {
      // He et al. 2015: std sqrt(2 / fan_in) keeps activations' variance through ReLUs.
      const std = Math.sqrt(2 / init.fanIn);
      return normals(count, seed).map((z) => z * std);
    }
    case 'uniform': {
      const next = mulberry32(seed);
      return Float32Array.from({ length: count }, () => (2 * next() - 1) * init.bound);
    }
    case 'constant':
      return new Float32Array(count).fill(init.value);
  }
}

let storeCount = 0;

export class ParamStore {
  private readonly entries = new Map<string, Entry>();
  /** tf.Variable names are global to the engine; a per-store prefix lets stores live side by side. */
  private readonly prefix = `store${++storeCount}`;

  /**
   * Adds a variable named `group/path`; its random draws come from `deriveSeed(seed, name)`, so a
   * parameter's initial value does not depend on the order the layers were built in.
   */
  add(group: Group, path: string, shape: readonly number[], init: Init, options: { seed: number; trainable: boolean }): tf.Variable {
    const name = `${group}/${path}`;
    if (this.entries.has(name)) throw new Error(`Parameter ${name} is defined twice`);
    const values = initialValues(shape, init, deriveSeed(options.seed, name));
    const variable = tf.variable(tf.tensor(values, [...shape]), options.trainable, `${this.prefix}/${name}`);
    this.entries.set(name, { group, trainable: options.trainable, variable });
    return variable;
  }

  get(name: string): tf.Variable {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`No parameter named ${name}`);
    return entry.variable;
  }

  names(group?: Group): string[] {
    return [...this.entries].filter(([, e]) => !group || e.group === group).map(([name]) => name);
  }

  /** The weights an optimiser updates for one network (batch-norm running statistics excluded). */
  trainable(group: Group): tf.Variable[] {
    return [...this.entries.values()].filter((e) => e.group === group && e.trainable).map((e) => e.variable);
  }

  /** Number of trainable scalars in a network. */
  parameterCount(group: Group): number {
    return this.trainable(group).reduce((sum, v) => sum + v.size, 0);
  }

  /** Assigns batch-norm running statistics computed by a train-mode forward pass, and disposes them. */
  applyStateUpdates(updates: readonly StateUpdate[]): void {
    for (const { variable, value } of updates) {
      variable.assign(value);
      value.dispose();
    }
  }

  /** Copies of every variable (of one network, or all), keyed by name; the caller owns them. */
  snapshot(group?: Group): Record<string, tf.Tensor> {
    const out: Record<string, tf.Tensor> = {};
    for (const name of this.names(group)) out[name] = this.get(name).clone();
    return out;
  }

  /**
   * Loads named values (a checkpoint, possibly of one network only). Names the store does not
   * know and wrong shapes are refused before anything is assigned.
   */
  restore(named: Readonly<Record<string, tf.Tensor>>): void {
    for (const [name, value] of Object.entries(named)) {
      const target = this.entries.get(name)?.variable;
      if (!target) throw new Error(`The checkpoint has a parameter this model does not: ${name}`);
      if (!tf.util.arraysEqual(target.shape, value.shape)) {
        throw new Error(`Parameter ${name} is [${target.shape.join(', ')}] here but [${value.shape.join(', ')}] in the checkpoint`);
      }
    }
    for (const [name, value] of Object.entries(named)) this.get(name).assign(value);
  }

  dispose(): void {
    for (const { variable } of this.entries.values()) variable.dispose();
    this.entries.clear();
  }
}

/** A store seen from inside one network: names relative to a path, one seed for all draws. */
export interface ParamScope {
  weight(path: string, shape: readonly number[], init: Init): tf.Variable;
  state(path: string, shape: readonly number[], init: Init): tf.Variable;
  child(path: string): ParamScope;
}

export function paramScope(store: ParamStore, group: Group, seed: number, prefix = ''): ParamScope {
  const full = (path: string) => (prefix ? `${prefix}/${path}` : path);
  return {
    weight: (path, shape, init) => store.add(group, full(path), shape, init, { seed, trainable: true }),
    state: (path, shape, init) => store.add(group, full(path), shape, init, { seed, trainable: false }),
    child: (path) => paramScope(store, group, seed, full(path)),
  };
}
