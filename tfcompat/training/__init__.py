"""Training: optimizers, their update ops, and the global step."""
