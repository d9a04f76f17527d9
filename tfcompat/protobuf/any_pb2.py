"""``google.protobuf.Any`` (``any.proto``): a message packed with the URL of its type."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, Message


class Any(Message):
    """A serialized message with the URL of its type (``type.googleapis.com/<full name>``)."""

    type_url = Field(1, "string")
    value = Field(2, "bytes")

    def Pack(self, message: Message, full_name: str) -> None:  # noqa: N802 - protobuf's name
        """Stores ``message`` under TensorFlow's type URL for ``full_name``."""
        self.type_url = "type.googleapis.com/" + full_name
        self.value = message.SerializeToString(deterministic=True)

    def Unpack(self, message: Message) -> bool:  # noqa: N802 - protobuf's name
        """Parses the stored bytes into ``message``."""
        message.ParseFromString(self.value)
        return True
