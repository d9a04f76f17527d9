# Assertions decided at graph construction: errors raised at once, ops returned otherwise.
c12 = tf.constant([1, 2])
c13 = tf.constant([1, 3])
c120 = tf.constant([1, -2, 0])
f12 = tf.constant([1., 2.])


def static(fn, *args, **kwargs):
    try:
        op = fn(*args, **kwargs)
        print("built", op.type)
    except (ValueError, TypeError, tf.errors.InvalidArgumentError) as e:
        print(type(e).__name__ + ":", str(e).split("\n")[0])


show_error(tf.assert_equal, c12, c13)
show_error(tf.assert_equal, c12, c13, message="hey")
for fn in [tf.assert_less, tf.assert_less_equal, tf.assert_greater, tf.assert_greater_equal,
           tf.assert_none_equal]:
    static(fn, c12, tf.constant([2, 2]))
for fn in [tf.assert_negative, tf.assert_positive, tf.assert_non_negative,
           tf.assert_non_positive]:
    show_error(fn, c120)
    show_error(fn, c120, message="mm")
    show_error_contains(lambda f=fn: f(c120), "Condition x")
show_error(tf.assert_rank, c12, 2)
show_error(tf.assert_rank, c12, 2, message="mm")
show_error(tf.assert_rank_at_least, c12, 2)
show_error(tf.assert_rank_in, c12, [0, 2])
show_error(tf.assert_rank, c12, [2])
show_error(tf.assert_integer, f12)
show_error(tf.assert_integer, f12, message="mm")
show_error(tf.assert_type, f12, tf.int32)
show_error(tf.assert_type, f12, tf.int32, message="mm")
show_error(tf.assert_scalar, f12)
show_error(tf.assert_scalar, tf.placeholder(tf.float32))
show_error(tf.assert_same_float_dtype, [f12, tf.constant([1., 2], tf.float64)])
show_error(tf.assert_same_float_dtype, [c12])
show_error(tf.assert_same_float_dtype, [f12], dtype=tf.float64)
show_error(tf.assert_proper_iterable, "abc")
show_error(tf.assert_proper_iterable, 3)
show_error(tf.assert_proper_iterable, np.zeros(2))
show_error(tf.check_numerics, c12, "m")
print(tf.assert_same_float_dtype(None), tf.assert_same_float_dtype([f12]))
print(tf.assert_proper_iterable([1]), tf.is_numeric_tensor(c12), tf.is_numeric_tensor(1),
      tf.is_numeric_tensor(tf.constant("a")), tf.is_numeric_tensor(tf.constant(True)))
print(tf.assert_rank(c12, 1).name, tf.assert_rank_at_least(c12, 1).name,
      tf.assert_rank_in(c12, [1, 3]).name)
print(tf.assert_integer(c12).name, tf.assert_type(c12, tf.int32).name)
print(tf.assert_scalar(tf.constant(1.)).name)
ok = tf.assert_equal(c12, c12, name="same")
print(ok.name, ok.type, [t.name for t in ok.inputs])
print(tf.assert_equal(c12, tf.constant([1, 2])).name)
ok = tf.assert_positive(c12)
print(ok.name, ok.type)
