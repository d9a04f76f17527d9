"""V2 checkpoints, byte-compatible with TensorFlow: the index table (``table``), tensor bundles
(``bundle``), the file ops (``io_ops``), the ``checkpoint`` state file (``state``), readers
(``reader``) and the ``.meta`` MetaGraphDef (``meta_graph``). ``tf.train.Saver`` lives in
``tfcompat.training.saver``."""
