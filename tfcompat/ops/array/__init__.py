"""The array op family, one module per seam: placeholders and shape queries, reshaping,
concat/split, select/broadcast, slicing (Slice/StridedSlice, ``__getitem__``), gather, pad,
tile/reverse, one-hot/setdiff and scans. ``tfcompat.ops.array_ops`` re-exports them all."""
