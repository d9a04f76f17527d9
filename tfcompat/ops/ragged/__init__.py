"""RaggedTensor: tensors whose rows have different lengths, and the ops on them."""
