"""``TrackableObjectGraph`` (``trackable_object_graph.proto``): the object graph an object-based
checkpoint stores under ``_CHECKPOINTABLE_OBJECT_GRAPH``, with TF's field numbers."""

from __future__ import annotations

from tfcompat.protobuf.message import Field, Message


class BoolValue(Message):
    """``google.protobuf.BoolValue``: a bool whose presence is visible."""

    value = Field(1, "bool")


class RegisteredSaver(Message):
    """A saver registered for an object's class (``tf.saved_model.register_saver``)."""

    name = Field(1, "string")
    object_name = Field(2, "string")


class TrackableObjectGraph(Message):
    """Every object of a checkpoint, node 0 the root, with its named children, the tensors it
    saves (``attributes``) and, for optimizers, its slot variables."""

    class TrackableObject(Message):
        class ObjectReference(Message):
            node_id = Field(1, "int32")
            local_name = Field(2, "string")

        class SerializedTensor(Message):
            name = Field(1, "string")
            full_name = Field(2, "string")
            checkpoint_key = Field(3, "string")

        class SlotVariableReference(Message):
            original_variable_node_id = Field(1, "int32")
            slot_name = Field(2, "string")
            slot_variable_node_id = Field(3, "int32")

        children = Field(1, "TrackableObjectGraph.TrackableObject.ObjectReference", repeated=True)
        attributes = Field(2, "TrackableObjectGraph.TrackableObject.SerializedTensor",
                           repeated=True)
        slot_variables = Field(3, "TrackableObjectGraph.TrackableObject.SlotVariableReference",
                               repeated=True)
        registered_saver = Field(4, "RegisteredSaver")
        has_checkpoint_values = Field(5, "BoolValue")

    nodes = Field(1, "TrackableObjectGraph.TrackableObject", repeated=True)
