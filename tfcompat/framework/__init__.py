"""The graph data model: dtypes, shapes, Graph/Operation/Tensor, op and gradient registries."""
