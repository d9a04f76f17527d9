"""Object-based checkpoints: the object graph, ``tf.train.Checkpoint`` and its manager."""
