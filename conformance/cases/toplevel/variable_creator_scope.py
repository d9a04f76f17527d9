# variable_creator_scope: nested creators intercept tf.Variable and tf.get_variable (innermost
# first), may change arguments or return something else.
log = []


def creator(next_creator, **kwargs):
    log.append(sorted(kwargs))
    log.append((kwargs.get("name"), kwargs.get("validate_shape")))
    kwargs["trainable"] = False
    return next_creator(**kwargs)


def outer(next_creator, **kwargs):
    log.append(("outer", kwargs.get("name"), kwargs.get("trainable")))
    return next_creator(**kwargs)


with tf.variable_creator_scope(outer):
    with tf.variable_creator_scope(creator):
        v = tf.Variable(1.0, name="v")
        w = tf.get_variable("w", [2])
print(log)
print(isinstance(v, tf.Variable), v.name, w.name, [x.name for x in tf.trainable_variables()],
      [x.name for x in tf.global_variables()])


def replace(next_creator, **kwargs):
    return "not a variable"


with tf.variable_creator_scope(replace):
    print(tf.Variable(2.0))
u = tf.Variable(3.0, name="u")
print(u.name, [x.name for x in tf.trainable_variables()])
