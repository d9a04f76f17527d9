"""``tf.saved_model.tag_constants``: the standard tags of a SavedModel's meta graphs."""

GPU = "gpu"
SERVING = "serve"
TPU = "tpu"
TRAINING = "train"
