"""Record framing shared by event files, TFRecord files and checkpoints: CRC32C and TFRecord."""
