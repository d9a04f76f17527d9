"""``CheckpointState`` (``checkpoint_state.proto``): the ``checkpoint`` file of a directory."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, Message


class CheckpointState(Message):
    """The newest checkpoint prefix and all the prefixes still kept, oldest first."""

    model_checkpoint_path = Field(1, "string")
    all_model_checkpoint_paths = Field(2, "string", repeated=True)
    all_model_checkpoint_timestamps = Field(3, "double", repeated=True)
    last_preserved_timestamp = Field(4, "double")
