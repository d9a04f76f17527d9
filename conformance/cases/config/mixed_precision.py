# tf.mixed_precision: the same objects as tf.train.experimental's loss scaling.
mp = tf.mixed_precision
te = tf.train.experimental
for n in ["DynamicLossScale", "FixedLossScale", "LossScale", "MixedPrecisionLossScaleOptimizer",
          "disable_mixed_precision_graph_rewrite", "enable_mixed_precision_graph_rewrite"]:
    print(n, getattr(mp, n) is getattr(te, n))
for n in ["DynamicLossScale", "FixedLossScale", "LossScale"]:
    print("experimental", n, getattr(mp.experimental, n) is getattr(te, n))
ls = mp.FixedLossScale(128.0)
print(type(ls).__name__, isinstance(ls, mp.LossScale))
