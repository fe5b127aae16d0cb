import * as tf from '@tensorflow/tfjs-core';
import { maxPool3d } from '../ops/max-pool3d';
import type { BackboneLayout } from './architecture';
import { createDao, createGlobalAttention, type AttentionModule } from './attention';
import type { ForwardContext, Mode } from './batch-norm';
import { createBasicBlock, createConvBn, createDense } from './layers';
import type { ParamScope, StateUpdate } from './params';
import type { LayerName } from './shapes';

export interface BranchOutput {
  logits: tf.Tensor2D;
  /** The pooled last-stage vector [N, width4]: fe for MENet, fd for IDNet. */
  features: tf.Tensor2D;
  /** Attention maps [N, T, H, W] after stage 3; null for a MENet built without DAO. */
  maps: tf.Tensor4D | null;
  /**
   * Train mode: new batch-norm running statistics, not yet applied; hand them to
   * ParamStore.applyStateUpdates after the gradient step (tf.keep them to carry them out of
   * tf.variableGrads or tf.tidy). Eval mode: empty.
   */
  stateUpdates: StateUpdate[];
}

/** Sees each named layer's output as it is computed (shape checks, visualisation). */
export type LayerObserver = (layer: LayerName, output: tf.Tensor5D) => void;

export interface Branch {
  /** x is [N, T, H, W, 3]. */
  apply(x: tf.Tensor5D, mode: Mode, observe?: LayerObserver): BranchOutput;
}

function createAttention(scope: ParamScope, layout: BackboneLayout): AttentionModule | null {
  const { attention, attentionChannels, frames } = layout;
  if (attention === 'dao') return createDao(scope.child('attention'), attentionChannels, frames);
  if (attention === 'global') return createGlobalAttention(scope.child('attention'), attentionChannels, frames);
  return null;
}

/** Global max pool over T, H and W (MODEL.md), reshaped to rank 3 first: cheap everywhere. */
function globalMaxPool(x: tf.Tensor5D): tf.Tensor2D {
  const [n, t, h, w, c] = x.shape;
  return tf.max(tf.reshape(x, [n, t * h * w, c]), 1);
}

/** The 3D-ResNet18 both branches share (MODEL.md Tables 1 and 2), built from its layout. */
export function createBackbone(scope: ParamScope, layout: BackboneLayout): Branch {
  const conv0 = createConvBn(scope.child('conv0'), layout.conv0);
  const stages = layout.stages.map((stage, s) => stage.map((block, b) => createBasicBlock(scope.child(`stage${s + 1}/block${b + 1}`), block)));
  const attention = createAttention(scope, layout);
  const widest = layout.stages.at(-1)!.at(-1)!.conv2.outChannels;
  const classifier = createDense(scope.child('classifier'), widest, layout.classes);

  return {
    apply(x, mode, observe) {
      if (x.rank !== 5 || x.shape[1] !== layout.frames || x.shape[4] !== 3) {
        throw new Error(`${layout.branch} expects [N, ${layout.frames}, H, W, 3], got [${x.shape.join(', ')}]`);
      }
      const ctx: ForwardContext = { mode, updates: [] };
      const seen = (layer: LayerName, out: tf.Tensor5D) => {
        observe?.(layer, out);
        return out;
      };
      let y = seen('conv0', tf.relu(conv0(x, ctx)));
      y = seen('pool', maxPool3d(y, layout.pool));
      let maps: tf.Tensor4D | null = null;
      stages.forEach((blocks, s) => {
        for (const block of blocks) y = block(y, ctx);
        seen(`stage${s + 1}` as LayerName, y);
        if (s === 2 && attention) {
          const attended = attention(y, ctx);
          y = seen('attention', attended.output);
          maps = attended.maps;
        }
      });
      const features = globalMaxPool(y);
      return { logits: classifier(features), features, maps, stateUpdates: ctx.updates };
    },
  };
}
