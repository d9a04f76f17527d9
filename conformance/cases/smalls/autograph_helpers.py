# tf.autograph helpers that need no conversion.
def f(x):
    return x + 1


wrapped = tf.autograph.experimental.do_not_convert(f)
print(wrapped is f, wrapped(3), wrapped.__name__)
deco = tf.autograph.experimental.do_not_convert()
print(deco(f)(4))
print([m.name for m in tf.autograph.experimental.Feature],
      tf.autograph.experimental.Feature.LISTS.value)
tf.autograph.trace(1, "a", [2])
print(tf.autograph.set_verbosity(3),
      tf.autograph.experimental.set_loop_options(maximum_iterations=3))
