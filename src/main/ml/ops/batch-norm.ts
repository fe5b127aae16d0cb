import * as tf from '@tensorflow/tfjs-core';

/**
 * Batch norm for `[N, T, H, W, C]` activations, per channel over N, T, H and W.
 *
 * tf.batchNorm's gradient throws for rank 5 (TFJS-NOTES.md trap 3), and on rank 4 it is slow on wasm
 * (a full-size Tile, and reductions over leading axes, which wasm transposes first): moments and
 * batch norm of a [4, 8, 32, 32, 32] activation took 118 ms forward+backward, this code 36 ms.
 * Here the input is folded to `[N·T·H·W, C]`, the forward pass uses tf.batchNorm's fused kernel,
 * and both gradients are written out, every per-channel sum a `[1, M] x [M, C]` matMul (XNNPACK).
 */

function rowsOf(x: tf.Tensor): tf.Tensor2D {
  const channels = x.shape[x.rank - 1]!;
  return tf.reshape(x, [x.size / channels, channels]);
}

/** Sum over rows of a `[M, C]` matrix, as `[1, C]`. */
function columnSums(rows: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(tf.ones([1, rows.shape[0]]), rows);
}

/** Per-channel mean and (biased) variance of x over N, T, H and W. */
export function moments5d(x: tf.Tensor5D): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
  const channels = x.shape[4];
  const op = tf.customGrad((...args) => {
    const [input, save] = args as [tf.Tensor5D, tf.GradSaveFunc];
    const rows = rowsOf(input);
    const count = rows.shape[0];
    const mean = tf.div(columnSums(rows), count);
    const variance = tf.div(columnSums(tf.square(tf.sub(rows, mean))), count);
    save([input, mean]);
    return {
      // One output holds both: a custom gradient op has a single result.
      value: tf.concat([mean, variance], 0) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor2D, [savedInput, savedMean]: tf.Tensor[]) => {
        const [dMean, dVariance] = tf.split(dy, 2, 0) as [tf.Tensor2D, tf.Tensor2D];
        // d var / d x_i = 2 (x_i - mean) / M; its path through the mean sums to zero.
        const centered = tf.sub(rowsOf(savedInput!), savedMean!);
        const dRows = tf.div(tf.add(dMean, tf.mul(tf.mul(centered, dVariance), 2)), count);
        return tf.reshape(dRows, savedInput!.shape);
      },
    };
  });
  const both = op(x) as tf.Tensor2D;
  const [mean, variance] = tf.split(both, 2, 0);
  return { mean: tf.reshape(mean!, [channels]), variance: tf.reshape(variance!, [channels]) };
}

/** scale · (x - mean) / sqrt(variance + eps) + offset, per channel, with gradients for all five inputs. */
export function batchNorm5d(x: tf.Tensor5D, mean: tf.Tensor1D, variance: tf.Tensor1D, offset: tf.Tensor1D, scale: tf.Tensor1D, eps: number): tf.Tensor5D {
  const [n, t, h, w, c] = x.shape;
  const op = tf.customGrad((...args) => {
    const [input, mu, sigma2, beta, gamma, save] = args as [tf.Tensor5D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    save([input, mu, sigma2, gamma]);
    const frames = tf.reshape(input, [n * t, h, w, c]);
    return {
      value: tf.reshape(tf.batchNorm(frames, mu, sigma2, beta, gamma, eps), input.shape) as tf.Tensor5D,
      gradFunc: (dy: tf.Tensor5D, saved: tf.Tensor[]) => {
        const [savedInput, savedMean, savedVariance, savedScale] = saved as [tf.Tensor5D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
        const dyRows = rowsOf(dy);
        const inverseStd = tf.rsqrt(tf.add(savedVariance, eps));
        const gain = tf.mul(savedScale, inverseStd);
        const sumDy = tf.reshape(columnSums(dyRows), [c]);
        const sumDyCentered = tf.reshape(columnSums(tf.mul(dyRows, tf.sub(rowsOf(savedInput), savedMean))), [c]);
        return [
          tf.reshape(tf.mul(dyRows, gain), savedInput.shape),
          tf.neg(tf.mul(sumDy, gain)),
          tf.mul(sumDyCentered, tf.mul(tf.mul(savedScale, tf.pow(inverseStd, 3)), -0.5)),
          sumDy,
          tf.mul(sumDyCentered, inverseStd),
        ];
      },
    };
  });
  return op(x, mean, variance, offset, scale) as tf.Tensor5D;
}
