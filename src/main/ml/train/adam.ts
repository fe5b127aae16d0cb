import * as tf from '@tensorflow/tfjs-core';

export interface AdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Adam (Kingma & Ba) over a fixed, named list of variables. Written here rather than taken from
 * tf.train.adam because a checkpoint must restore it exactly: its whole state is the moments and
 * the step count, and the bias correction is computed from the count, so a resumed run takes the
 * same steps as one that never stopped.
 */
export class Adam {
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private step = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  private readonly variables: [string, tf.Variable][];

  /** `variables` by stable names (the checkpoint's keys; tfjs's own names differ between processes). */
  constructor(
    variables: Readonly<Record<string, tf.Variable>>,
    private readonly options: AdamOptions,
  ) {
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.variables = Object.entries(variables);
    for (const [name, variable] of this.variables) {
      this.m.set(name, tf.variable(tf.zerosLike(variable), false));
      this.v.set(name, tf.variable(tf.zerosLike(variable), false));
    }
  }

  /** The variables this optimiser updates, for tf.variableGrads. */
  targets(): tf.Variable[] {
    return this.variables.map(([, v]) => v);
  }

  /** Applies one update from tf.variableGrads's gradients (keyed by tfjs variable name); a variable without one is left as it is. */
  apply(gradients: Readonly<Record<string, tf.Tensor>>): void {
    this.step += 1;
    const correction1 = 1 - this.beta1 ** this.step;
    const correction2 = 1 - this.beta2 ** this.step;
    const rate = (this.options.learningRate * Math.sqrt(correction2)) / correction1;
    tf.tidy(() => {
      for (const [name, variable] of this.variables) {
        const g = gradients[variable.name];
        // tfjs-core without its chained-op side effects: functional calls only.
        if (!g) continue;
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        m.assign(tf.add(tf.mul(m, this.beta1), tf.mul(g, 1 - this.beta1)));
        v.assign(tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2)));
        variable.assign(tf.sub(variable, tf.mul(tf.div(m, tf.add(tf.sqrt(v), this.epsilon)), rate)));
      }
    });
  }

  /** The state to checkpoint: the step count and each variable's moments. */
  state(): { step: number; tensors: Record<string, tf.Tensor> } {
    const tensors: Record<string, tf.Tensor> = {};
    for (const [name, m] of this.m) tensors[`m/${name}`] = m;
    for (const [name, v] of this.v) tensors[`v/${name}`] = v;
    return { step: this.step, tensors };
  }

  restore(step: number, tensors: Readonly<Record<string, tf.Tensor>>): void {
    for (const [name, m] of this.m) {
      const saved = tensors[`m/${name}`];
      const savedV = tensors[`v/${name}`];
      if (!saved || !savedV) throw new Error(`The checkpoint has no optimiser state for ${name}`);
      m.assign(saved);
      this.v.get(name)!.assign(savedV);
    }
    this.step = step;
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
  }
}
