# tf.nest: flatten order (dicts by sorted key), rebuilding, and TF's errors.
import collections

P = collections.namedtuple("P", "a b")


def show_first_lines(fn, *args, **kwargs):
    try:
        print("ok:", fn(*args, **kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", str(e).split("\n")[0])
        print("   ", str(e).replace("\n", " | "))


print(tf.nest.flatten({"b": 1, "a": (2, [3, P(4, 5)])}))
print(tf.nest.flatten(None), tf.nest.flatten("abc"), tf.nest.flatten({"a": {}}))
print(tf.nest.flatten(collections.OrderedDict([("b", 1), ("a", 2)])))
print(tf.nest.pack_sequence_as({"b": 0, "a": (0, 0)}, [1, 2, 3]))
print(tf.nest.pack_sequence_as(collections.OrderedDict([("b", 0), ("a", 0)]), [1, 2]))
print(tf.nest.pack_sequence_as(P(0, [0]), [1, 2]))
print(tf.nest.map_structure(lambda x, y: x + y, (1, [2]), (10, [20])))
print(tf.nest.map_structure(lambda x, y: x + y, (1, [2]), (10, (20,)), check_types=False))
print(tf.nest.map_structure(lambda x: x * 2, {"b": 1, "a": P(2, 3)}))
print(tf.nest.is_nested([1]), tf.nest.is_nested("a"), tf.nest.is_nested({"a": 1}),
      tf.nest.is_nested(None), tf.nest.is_nested(tf.constant([1, 2])))
t = tf.constant(1.0, name="t")
print(tf.nest.flatten([t, {"k": t}]))
show_first_lines(tf.nest.pack_sequence_as, [0, 0], [1])
show_first_lines(tf.nest.pack_sequence_as, [0, 0], [1, 2, 3])
show_first_lines(tf.nest.pack_sequence_as, 0, [1, 2])
show_first_lines(tf.nest.pack_sequence_as, 0, 5)
show_first_lines(tf.nest.map_structure, lambda x, y: x + y, (1, [2]), (10, (20,)))
show_first_lines(tf.nest.assert_same_structure, (1, [2]), (1, [2, 3]))
show_first_lines(tf.nest.assert_same_structure, (1, 2), [1, 2])
show_first_lines(tf.nest.assert_same_structure, (1, 2), [1, 2], check_types=False)
show_first_lines(tf.nest.assert_same_structure, (1, (2,)), (1, 2))
show_first_lines(tf.nest.assert_same_structure, {"a": 1}, {"b": 1})
show_first_lines(tf.nest.assert_same_structure, P(1, 2), (1, 2))
show_first_lines(tf.nest.assert_same_structure, [t], [t, t])
show_first_lines(tf.nest.map_structure, 3, [1])
show_first_lines(tf.nest.flatten, {1: "a", "b": 2})
