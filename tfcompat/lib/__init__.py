"""Low-level services below summaries and checkpoints (as TF's ``tensorflow/python/lib``)."""
